// `/setup?token=…`: a production paper's first admin, once. Any other request, and every
// request after the first admin exists, answers 404.
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { SetupForm } from "@/components/desk/setup-form";
import { getDictionary, getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { qrDataUrl } from "@/lib/mfa-qr";
import { getSetupOffer } from "@/lib/setup";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("setup.title") };
}

export default async function SetupPage({
  searchParams,
}: {
  searchParams: Promise<{ token?: string | string[] }>;
}) {
  const { token } = await searchParams;
  const offer = typeof token === "string" ? getSetupOffer(token, new Date()) : null;
  if (!offer || typeof token !== "string") notFound();
  const locale = await getRequestLocale();
  const dictionary = getDictionary(locale);
  const t = getTranslator(locale);
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col justify-center px-4 py-8">
      <div className="space-y-4 rounded-lg border border-rule bg-white p-6 shadow-sm">
        <p className="text-sm text-muted">{t("common.appName")}</p>
        <h1 className="text-2xl font-bold">{t("setup.title")}</h1>
        <p>{t("setup.intro")}</p>
        <SetupForm
          token={token}
          secret={offer.secret}
          qr={await qrDataUrl(offer.uri(t("common.appName")))}
          messages={{ setup: dictionary.setup, mfa: dictionary.mfa, errors: dictionary.errors }}
        />
      </div>
    </main>
  );
}
