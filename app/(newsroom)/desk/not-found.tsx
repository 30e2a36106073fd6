// 404 inside the desk: the story, issue or page asked for does not exist (or is not yours).
import Link from "next/link";
import { getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";

export default async function DeskNotFound() {
  const t = getTranslator(await getRequestLocale());
  return (
    <div className="rounded-lg border border-rule bg-white p-6">
      <h1 className="mb-2 text-2xl font-bold">{t("paper.notFoundTitle")}</h1>
      <p className="mb-4 text-muted">{t("errors.not_found")}</p>
      <Link href="/desk" className="text-accent hover:underline">
        {t("desk.home")}
      </Link>
    </div>
  );
}
