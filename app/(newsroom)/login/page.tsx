// `/login`: sign in to the newsroom.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { LoginForm } from "@/components/desk/login-form";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { getDictionary, getTranslator, otherLocale } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { GATE_PATHS, getSignedIn } from "@/lib/session";
import { safeRedirectPath } from "@/lib/urls";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("login.title") };
}

export default async function LoginPage({
  searchParams,
}: {
  searchParams: Promise<{ callbackUrl?: string | string[] }>;
}) {
  const { callbackUrl } = await searchParams;
  // No target: the desk. A target that is not a path of this site: the front page.
  const next = callbackUrl === undefined ? "/desk" : safeRedirectPath(callbackUrl);
  const signedIn = await getSignedIn();
  if (signedIn) redirect(signedIn.gate ? GATE_PATHS[signedIn.gate] : next);
  const locale = await getRequestLocale();
  const t = getTranslator(locale);
  const dictionary = getDictionary(locale);
  return (
    <main className="mx-auto flex min-h-screen max-w-sm flex-col justify-center px-4">
      <div className="mb-2 text-right text-sm">
        <LanguageSwitch
          label={t("meta.switchLabel")}
          switchTo={t("meta.switchTo")}
          targetLocale={otherLocale(locale)}
          className="text-accent hover:underline"
        />
      </div>
      <div className="rounded-lg border border-rule bg-white p-6 shadow-sm">
        <p className="mb-1 text-sm text-muted">{t("common.appName")}</p>
        <h1 className="mb-6 text-2xl font-bold">{t("login.title")}</h1>
        <LoginForm callbackUrl={next} messages={dictionary.login} mfa={dictionary.mfa} />
      </div>
    </main>
  );
}
