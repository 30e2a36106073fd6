import { describe, expect, it } from "vitest";
import {
  can,
  isRole,
  PERMISSIONS,
  type Permission,
  ROLE_PERMISSIONS,
  ROLES,
  type Role,
} from "@/lib/permissions";

// Written out by hand from the design doc; not derived from the module's tables.
const ALL: readonly Permission[] = [
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
];

const EDITOR: readonly Permission[] = [
  "desk:enter",
  "story:create",
  "story:edit-own",
  "story:submit",
  "story:edit-any",
  "story:review",
  "story:spike",
  "story:comment",
  "story:correct",
  "issue:plan",
  "issue:publish",
  "audit:read",
];

const GRANTED: Record<Role, readonly Permission[]> = {
  reporter: ["desk:enter", "story:create", "story:edit-own", "story:submit"],
  editor: [
    "desk:enter",
    "story:create",
    "story:edit-own",
    "story:submit",
    "story:edit-any",
    "story:review",
    "story:spike",
    "story:comment",
    "story:correct",
    "issue:plan",
    "issue:publish",
    "audit:read",
  ],
  admin: [
    "desk:enter",
    "story:create",
    "story:edit-own",
    "story:submit",
    "story:edit-any",
    "story:review",
    "story:spike",
    "story:comment",
    "story:correct",
    "issue:plan",
    "issue:publish",
    "audit:read",
    "people:manage",
    "settings:manage",
    "page:sign-off",
    "issue:sign-off",
    "desks:manage",
    "story:proofread",
    "page:proofread",
  ],
  proofreader: ["desk:enter", "story:proofread", "page:proofread"],
  desk_head: EDITOR,
  chief_editor: [...EDITOR, "page:sign-off", "issue:sign-off"],
};

const ROLE_LIST: readonly Role[] = [
  "reporter",
  "proofreader",
  "editor",
  "desk_head",
  "chief_editor",
  "admin",
];

describe("permissions", () => {
  it("knows exactly the roles and permissions the spec names", () => {
    expect([...ROLES].sort()).toEqual([...ROLE_LIST].sort());
    expect([...PERMISSIONS].sort()).toEqual([...ALL].sort());
  });

  it.each(
    ROLE_LIST.flatMap((role) =>
      ALL.map((permission) => ({ role, permission, want: GRANTED[role].includes(permission) })),
    ),
  )("$role · $permission → $want", ({ role, permission, want }) => {
    expect(can({ role }, permission)).toBe(want);
  });

  it("grants each role exactly its listed permissions", () => {
    for (const role of ROLE_LIST) {
      expect([...ROLE_PERMISSIONS[role]].sort()).toEqual([...GRANTED[role]].sort());
    }
  });

  it("grants nothing without a viewer", () => {
    for (const permission of ALL) {
      expect(can(null, permission)).toBe(false);
      expect(can(undefined, permission)).toBe(false);
    }
  });

  it("recognises roles", () => {
    expect(isRole("reporter")).toBe(true);
    expect(isRole("admin")).toBe(true);
    expect(isRole("Admin")).toBe(false);
    expect(isRole("")).toBe(false);
    expect(isRole("toString")).toBe(false);
  });
});
