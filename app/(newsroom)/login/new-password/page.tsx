// `/login/new-password`: the step after signing in with a password someone else chose. The
// desk stays closed (lib/session.ts) until the user has chosen their own.
import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { PasswordForm } from "@/components/desk/password-form";
import { getDictionary, getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { requireSignedIn } from "@/lib/session";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("account.forcedTitle") };
}

export default async function NewPasswordPage() {
  const signedIn = await requireSignedIn();
  if (signedIn.gate !== "password_change") redirect("/desk");
  const locale = await getRequestLocale();
  const t = getTranslator(locale);
  const dictionary = getDictionary(locale);
  return (
    <main className="mx-auto flex min-h-screen max-w-md flex-col justify-center px-4">
      <div className="rounded-lg border border-rule bg-white p-6 shadow-sm">
        <p className="mb-1 text-sm text-muted">{t("common.appName")}</p>
        <h1 className="mb-2 text-2xl font-bold">{t("account.forcedTitle")}</h1>
        <p className="mb-6 text-sm text-muted">{t("account.forcedIntro")}</p>
        <PasswordForm
          messages={{ account: dictionary.account, errors: dictionary.errors }}
          mode="forced"
        />
      </div>
    </main>
  );
}
