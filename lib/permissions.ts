// Roles and what each may do: one table that the desk and the domain both ask.

export const ROLES = [
  "reporter",
  "proofreader",
  "editor",
  "desk_head",
  "chief_editor",
  "admin",
] as const;
export type Role = (typeof ROLES)[number];

export const PERMISSIONS = [
  "desk:enter",
  "story:create",
  "story:edit-own",
  "story:edit-any",
  "story:submit",
  "story:review",
  "story:spike",
  "story:comment",
  "story:correct",
  "issue:plan",
  "issue:publish",
  "audit:read",
  "people:manage",
  "settings:manage",
  "story:proofread",
  "page:proofread",
  "page:sign-off",
  "issue:sign-off",
  "desks:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const REPORTER = ["desk:enter", "story:create", "story:edit-own", "story:submit"] as const;
const EDITOR = [
  ...REPORTER,
  "story:edit-any",
  "story:review",
  "story:spike",
  "story:comment",
  "story:correct",
  "issue:plan",
  "issue:publish",
  "audit:read",
] as const;
/** 校对: reads the stories of laid-out pages and marks them; edits nothing directly. */
const PROOFREADER = ["desk:enter", "story:proofread", "page:proofread"] as const;
/** The chief / duty editor (总编辑 / 值班总编) signs pages and issues off (签发). */
const CHIEF_EDITOR = [...EDITOR, "page:sign-off", "issue:sign-off"] as const;
const ADMIN = [
  ...CHIEF_EDITOR,
  "story:proofread",
  "page:proofread",
  "people:manage",
  "settings:manage",
  "desks:manage",
] as const;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  reporter: REPORTER,
  proofreader: PROOFREADER,
  editor: EDITOR,
  desk_head: EDITOR,
  chief_editor: CHIEF_EDITOR,
  admin: ADMIN,
};

export type PermissionSubject = { role: Role };

export function can(viewer: PermissionSubject | null | undefined, permission: Permission): boolean {
  if (!viewer) return false;
  return ROLE_PERMISSIONS[viewer.role].includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
