// `/desk/account`: the viewer's own account: password, sessions and the devices they used.
import type { Metadata } from "next";
import { PasswordForm } from "@/components/desk/password-form";
import { type SessionItem, SessionList } from "@/components/desk/session-list";
import { listMySessions } from "@/lib/account";
import { formatDateTime } from "@/lib/dates";
import { listDevices } from "@/lib/devices";
import { getDictionary, getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { requireViewer } from "@/lib/session";
import { getSettings } from "@/lib/settings";
import { describeUserAgent } from "@/lib/user-agent";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("account.title") };
}

export default async function AccountPage() {
  const viewer = await requireViewer();
  const locale = await getRequestLocale();
  const t = getTranslator(locale);
  const dictionary = getDictionary(locale);
  const { timezone } = getSettings();
  const now = new Date();
  const when = (moment: Date | null) => (moment ? formatDateTime(moment, timezone, locale) : "—");
  const device = (userAgent: string | null) =>
    describeUserAgent(userAgent) ?? t("account.unknownDevice");

  const sessions: SessionItem[] = listMySessions(viewer, now).map((row) => ({
    id: row.id,
    device: device(row.userAgent),
    address: row.address ?? "—",
    createdAt: when(row.createdAt),
    lastSeen: when(row.lastSeenAt),
    isCurrent: row.isCurrent,
  }));
  const devices = listDevices(viewer);
  const messages = { account: dictionary.account, errors: dictionary.errors };

  return (
    <div className="space-y-8">
      <h1 className="text-2xl font-bold">{t("account.title")}</h1>

      <section
        aria-labelledby="password-title"
        className="rounded-lg border border-rule bg-white p-4"
      >
        <h2 id="password-title" className="mb-1 font-bold">
          {t("account.passwordTitle")}
        </h2>
        <p className="mb-4 text-sm text-muted">{t("account.passwordIntro")}</p>
        <PasswordForm messages={messages} mode="account" />
      </section>

      <section aria-labelledby="sessions-title" className="space-y-2">
        <h2 id="sessions-title" className="font-bold">
          {t("account.sessionsTitle")}
        </h2>
        <p className="text-sm text-muted">{t("account.sessionsIntro")}</p>
        <SessionList items={sessions} messages={messages} />
      </section>

      <section aria-labelledby="devices-title" className="space-y-2">
        <h2 id="devices-title" className="font-bold">
          {t("account.devicesTitle")}
        </h2>
        <p className="text-sm text-muted">{t("account.devicesIntro")}</p>
        <ul className="divide-y divide-rule rounded-lg border border-rule bg-white text-sm">
          {devices.map((row) => (
            <li
              key={row.id}
              data-testid="device-row"
              className="flex flex-wrap gap-x-6 gap-y-1 p-2"
            >
              <span className="font-medium">{device(row.userAgent)}</span>
              <span className="font-mono text-xs">{row.address ?? "—"}</span>
              <span>{t("account.firstSeen", { time: when(row.firstSeenAt) })}</span>
              <span>{t("account.lastSeenAt", { time: when(row.lastSeenAt) })}</span>
            </li>
          ))}
        </ul>
      </section>
    </div>
  );
}
