// 403 inside the desk: signed in, but not allowed here.
import Link from "next/link";
import { getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";

export default async function DeskForbidden() {
  const t = getTranslator(await getRequestLocale());
  return (
    <div className="rounded-lg border border-rule bg-white p-6">
      <h1 className="mb-2 text-2xl font-bold">{t("desk.forbiddenTitle")}</h1>
      <p className="mb-4 text-muted">{t("desk.forbiddenBody")}</p>
      <Link href="/desk" className="text-accent hover:underline">
        {t("desk.home")}
      </Link>
    </div>
  );
}
