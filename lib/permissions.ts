// Roles and what each may do: one table that the desk and the domain both ask.

export const ROLES = ["reporter", "editor", "admin"] as const;
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
const ADMIN = [...EDITOR, "people:manage", "settings:manage"] as const;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  reporter: REPORTER,
  editor: EDITOR,
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
