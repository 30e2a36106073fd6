// `/login/enrol`: where a production editor or admin without two-step verification is sent
// after signing in; the desk stays closed to them until this is done (lib/session).
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { MfaEnrolment } from "@/components/desk/mfa-enrolment";
import { SignOutButton } from "@/components/desk/sign-out-button";
import { getDictionary, getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { GATE_PATHS, getSignedIn } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("mfa.title") };
}

export default async function EnrolPage() {
  const signedIn = await getSignedIn();
  if (!signedIn) redirect("/login");
  if (signedIn.gate === "password_change") redirect(GATE_PATHS.password_change);
  if (signedIn.gate === null) redirect("/desk/security");
  const locale = await getRequestLocale();
  const t = getTranslator(locale);
  const dictionary = getDictionary(locale);
  return (
    <main className="mx-auto flex min-h-screen max-w-lg flex-col justify-center px-4">
      <div className="space-y-4 rounded-lg border border-rule bg-white p-6 shadow-sm">
        <p className="text-sm text-muted">{t("common.appName")}</p>
        <h1 className="text-2xl font-bold">{t("mfa.title")}</h1>
        <p className="font-semibold">{t("mfa.requiredNotice")}</p>
        <p>{t("mfa.intro")}</p>
        <MfaEnrolment
          messages={{ mfa: dictionary.mfa, errors: dictionary.errors }}
          continueHref="/desk"
        />
        <div className="text-right text-sm">
          <SignOutButton label={t("login.signOut")} />
        </div>
      </div>
    </main>
  );
}
