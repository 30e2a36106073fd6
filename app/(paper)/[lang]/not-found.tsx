// The paper's 404. Not-found pages get no params, so this one speaks the paper's default
// language.
import Link from "next/link";
import { getTranslator } from "@/lib/i18n/locales";
import { readPaper } from "@/lib/paper-cache";

export default async function PaperNotFound() {
  const settings = await readPaper.settings();
  const t = getTranslator(settings.defaultLocale);
  return (
    <div className="py-20 text-center" lang={settings.defaultLocale}>
      <h1 className="mb-4 text-3xl font-bold">{t("paper.notFoundTitle")}</h1>
      <p className="mb-6 text-muted">{t("paper.notFoundBody")}</p>
      <Link prefetch={false} href="/" className="text-accent underline">
        {t("paper.home")}
      </Link>
    </div>
  );
}
