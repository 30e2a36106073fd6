// `/desk/people`: admins manage the newsroom's accounts.
import type { Metadata } from "next";
import { forbidden } from "next/navigation";
import { PeopleDesk } from "@/components/desk/people-desk";
import { getDictionary, getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { listEnrolledUserIds } from "@/lib/mfa";
import { can } from "@/lib/permissions";
import { requireViewer } from "@/lib/session";
import { listUsers } from "@/lib/users";

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("people.title") };
}

export default async function PeoplePage() {
  const viewer = await requireViewer();
  if (!can(viewer, "people:manage")) forbidden();
  const locale = await getRequestLocale();
  const dictionary = getDictionary(locale);
  const users = listUsers(viewer);
  const enrolled = listEnrolledUserIds(
    viewer,
    users.map((u) => u.id),
  );
  const people = users.map(({ id, email, displayName, role, isActive }) => ({
    id,
    email,
    displayName,
    role,
    isActive,
    mfaEnrolled: enrolled.has(id),
  }));
  return (
    <div className="space-y-6">
      <h1 className="text-2xl font-bold">{dictionary.people.title}</h1>
      <PeopleDesk
        people={people}
        viewerId={viewer.id}
        messages={{
          people: dictionary.people,
          errors: dictionary.errors,
          roles: dictionary.roles,
          mfa: dictionary.mfa,
        }}
      />
    </div>
  );
}
