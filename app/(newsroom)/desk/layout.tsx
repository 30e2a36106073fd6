// The newsroom's frame. Every desk page is behind a signed-in, active account.
import type { ReactNode } from "react";
import { DemoBanner } from "@/components/desk/demo-banner";
import { DeskHeader } from "@/components/desk/desk-header";
import { env } from "@/lib/env";
import { getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { countUnreadNotifications } from "@/lib/notifications";
import { requireViewer } from "@/lib/session";

export default async function DeskLayout({ children }: { children: ReactNode }) {
  const viewer = await requireViewer();
  const locale = await getRequestLocale();
  const t = getTranslator(locale);
  return (
    <>
      {env.mode === "tryout" ? (
        <DemoBanner label={t("demo.label")} text={t("demo.banner")} />
      ) : null}
      <DeskHeader locale={locale} viewer={viewer} unreadCount={countUnreadNotifications(viewer)} />
      <main id="main" className="mx-auto max-w-6xl px-4 py-6">
        {children}
      </main>
    </>
  );
}
