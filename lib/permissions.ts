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
  "story:proofread",
  "page:proofread",
  "page:sign-off",
  "issue:plan",
  "issue:sign-off",
  "issue:publish",
  "audit:read",
  "people:manage",
  "desks:manage",
  "settings:manage",
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const REPORTER = ["desk:enter", "story:create", "story:edit-own", "story:submit"] as const;
// 校对 read and mark stories and pages in their rounds; they neither file nor review.
const PROOFREADER = ["desk:enter", "story:comment", "story:proofread", "page:proofread"] as const;
// A desk editor reviews (the levels decide which), spikes and lays out pages; they no longer
// publish: going live is the duty/chief editor's (DESIGN.md, People).
const EDITOR = [
  ...REPORTER,
  "story:edit-any",
  "story:review",
  "story:spike",
  "story:comment",
  "issue:plan",
  "audit:read",
] as const;
// A desk head is an editor of the desk whom the levels let pass 复审.
const DESK_HEAD = EDITOR;
const CHIEF_EDITOR = [
  ...EDITOR,
  "story:correct",
  "page:sign-off",
  "issue:sign-off",
  "issue:publish",
] as const;
const ADMIN = [
  ...CHIEF_EDITOR,
  "story:proofread",
  "page:proofread",
  "people:manage",
  "desks:manage",
  "settings:manage",
] as const;

export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  reporter: REPORTER,
  proofreader: PROOFREADER,
  editor: EDITOR,
  desk_head: DESK_HEAD,
  chief_editor: CHIEF_EDITOR,
  admin: ADMIN,
};

export type PermissionSubject = { role: Role };

/** Who acts in a lib/ call: a user's id and role (the desk's Viewer is one). */
export type Actor = PermissionSubject & { id: number };

/** An actor whose name the call writes down (a note's author, a notification's sender). */
export type NamedActor = Actor & { displayName: string };

export function can(viewer: PermissionSubject | null | undefined, permission: Permission): boolean {
  if (!viewer) return false;
  return ROLE_PERMISSIONS[viewer.role].includes(permission);
}

export function isRole(value: string): value is Role {
  return (ROLES as readonly string[]).includes(value);
}
