// The desk's navigation as data: each entry shows only to those allowed to open it.
import type { MessageKey } from "@/lib/i18n/dictionary";
import type { Permission } from "@/lib/permissions";

export type DeskNavItem = {
  href: string;
  label: MessageKey;
  needs: Permission;
  /** The entry carries the viewer's unread-notification count. */
  badge?: "unread";
};

export const DESK_NAV: readonly DeskNavItem[] = [
  { href: "/desk", label: "desk.home", needs: "desk:enter" },
  { href: "/desk/stories", label: "desk.myStories", needs: "story:create" },
  { href: "/desk/review", label: "desk.review", needs: "story:review" },
  { href: "/desk/media", label: "desk.media", needs: "story:create" },
  { href: "/desk/issues", label: "desk.issues", needs: "issue:plan" },
  { href: "/desk/import", label: "desk.import", needs: "issue:plan" },
  { href: "/desk/proofread", label: "proofreading.title", needs: "page:proofread" },
  { href: "/desk/inbox", label: "inbox.title", needs: "desk:enter", badge: "unread" },
  { href: "/desk/audit", label: "desk.audit", needs: "audit:read" },
  { href: "/desk/people", label: "desk.people", needs: "people:manage" },
  { href: "/desk/settings", label: "desk.settings", needs: "settings:manage" },
  { href: "/desk/account", label: "desk.account", needs: "desk:enter" },
  { href: "/desk/security", label: "mfa.navLabel", needs: "desk:enter" },
];
