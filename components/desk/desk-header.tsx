// The desk's header: navigation, who is signed in, language and sign-out.
import Link from "next/link";
import { DESK_NAV } from "@/components/desk/nav";
import { SignOutButton } from "@/components/desk/sign-out-button";
import { LanguageSwitch } from "@/components/ui/language-switch";
import { getTranslator, type Locale, otherLocale } from "@/lib/i18n/locales";
import { can } from "@/lib/permissions";
import type { Viewer } from "@/lib/session";

type Props = {
  locale: Locale;
  viewer: Pick<Viewer, "displayName" | "role">;
  /** Unread notifications, shown as a badge on the inbox entry. */
  unreadCount: number;
};

export function DeskHeader({ locale, viewer, unreadCount }: Props) {
  const t = getTranslator(locale);
  return (
    <header className="border-b border-rule bg-white">
      <div className="mx-auto flex max-w-6xl flex-wrap items-center justify-between gap-3 px-4 py-3">
        <div className="flex items-center gap-6">
          <Link href="/desk" className="font-bold">
            {t("common.appName")}
          </Link>
          <nav aria-label={t("desk.mainNavigation")}>
            <ul className="flex gap-4 text-sm">
              {DESK_NAV.filter((item) => can(viewer, item.needs)).map((item) => (
                <li key={item.href}>
                  <Link href={item.href} className="hover:underline">
                    {t(item.label)}
                    {item.badge === "unread" && unreadCount > 0 ? (
                      <span
                        data-testid="unread-badge"
                        className="ml-1 inline-block min-w-5 rounded-full bg-nameplate px-1.5 text-center text-xs font-bold text-white"
                      >
                        <span aria-hidden="true">{unreadCount}</span>
                        <span className="sr-only">
                          {t("inbox.unreadBadge", { count: unreadCount })}
                        </span>
                      </span>
                    ) : null}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
        </div>
        <div className="flex items-center gap-3 text-sm">
          <span data-testid="signed-in-as">
            {t("desk.signedInAs", { name: viewer.displayName, role: t(`roles.${viewer.role}`) })}
          </span>
          <LanguageSwitch
            label={t("meta.switchLabel")}
            switchTo={t("meta.switchTo")}
            targetLocale={otherLocale(locale)}
            className="text-accent hover:underline"
          />
          <Link href="/" className="text-accent hover:underline">
            {t("desk.viewPaper")}
          </Link>
          <SignOutButton label={t("login.signOut")} />
        </div>
      </div>
    </header>
  );
}
