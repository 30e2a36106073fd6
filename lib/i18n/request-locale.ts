// The language of a newsroom request: the user's cookie, else the paper's default.
import "server-only";
import { cookies } from "next/headers";
import { isLocale, LOCALE_COOKIE, type Locale } from "@/lib/i18n/locales";
import { getSettings } from "@/lib/settings";

export async function getRequestLocale(): Promise<Locale> {
  const chosen = (await cookies()).get(LOCALE_COOKIE)?.value;
  return isLocale(chosen) ? chosen : getSettings().defaultLocale;
}
