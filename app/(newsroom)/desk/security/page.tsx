// `/desk/security`: the signed-in account's two-step verification.
import type { Metadata } from "next";
import { MfaEnrolment } from "@/components/desk/mfa-enrolment";
import { getDictionary, getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { countRecoveryCodesLeft } from "@/lib/mfa";
import { requireViewer } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("mfa.title") };
}

export default async function SecurityPage() {
  const viewer = await requireViewer();
  const locale = await getRequestLocale();
  const t = getTranslator(locale);
  const dictionary = getDictionary(locale);
  return (
    <div className="max-w-2xl space-y-6">
      <h1 className="text-2xl font-bold">{t("mfa.title")}</h1>
      <section className="space-y-3 rounded-lg border border-rule bg-white p-6">
        <p>{t("mfa.intro")}</p>
        {viewer.mfaEnrolled ? (
          <>
            <p className="font-semibold text-green-800">{t("mfa.statusOn")}</p>
            <p>{t("mfa.recoveryLeft", { count: countRecoveryCodesLeft(viewer.id) })}</p>
            <p className="text-sm text-muted">{t("mfa.lostPhone")}</p>
          </>
        ) : (
          <MfaEnrolment
            messages={{ mfa: dictionary.mfa, errors: dictionary.errors }}
            continueHref="/desk"
          />
        )}
      </section>
    </div>
  );
}
