// `/desk/settings`: the paper's settings (name, timezone, language, review levels, proof rounds)
// and its desks, for admins.
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { SettingsDesk } from "@/components/desk/settings-desk";
import { listDesks } from "@/lib/desks";
import { getDictionary, getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { can } from "@/lib/permissions";
import { requireViewer } from "@/lib/session";
import { getFullSettings } from "@/lib/settings";
import { listUsers } from "@/lib/users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("paperSettings.title") };
}

export default async function SettingsPage() {
  const viewer = await requireViewer();
  if (!can(viewer, "settings:manage")) forbidden();
  const locale = await getRequestLocale();
  const dictionary = getDictionary(locale);
  const people = can(viewer, "people:manage")
    ? listUsers(viewer)
        .filter((u) => u.isActive)
        .map(({ id, displayName, role }) => ({ id, displayName, role }))
    : [];
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{dictionary.paperSettings.title}</h1>
      <SettingsDesk
        settings={getFullSettings()}
        desks={can(viewer, "desks:manage") ? listDesks() : []}
        people={people}
        messages={{
          paperSettings: dictionary.paperSettings,
          desks: dictionary.desks,
          workflow: dictionary.workflow,
          errors: dictionary.errors,
          roles: dictionary.roles,
          common: dictionary.common,
        }}
      />
    </div>
  );
}
