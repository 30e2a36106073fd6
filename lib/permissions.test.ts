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

// Written out by hand from DESIGN.md's role table ("People and what they do"), not derived from
// the module's tables: for each permission, the roles that have it, by name. A role not listed
// must be refused.
const ROLE_LIST: readonly Role[] = [
  "reporter",
  "proofreader",
  "editor",
  "desk_head",
  "chief_editor",
  "admin",
];
const ALLOWED: Record<Permission, readonly Role[]> = {
  "desk:enter": ["reporter", "proofreader", "editor", "desk_head", "chief_editor", "admin"],
  "story:create": ["reporter", "editor", "desk_head", "chief_editor", "admin"],
  "story:edit-own": ["reporter", "editor", "desk_head", "chief_editor", "admin"],
  "story:edit-any": ["editor", "desk_head", "chief_editor", "admin"],
  "story:submit": ["reporter", "editor", "desk_head", "chief_editor", "admin"],
  "story:review": ["editor", "desk_head", "chief_editor", "admin"],
  "story:spike": ["editor", "desk_head", "chief_editor", "admin"],
  "story:comment": ["proofreader", "editor", "desk_head", "chief_editor", "admin"],
  "story:correct": ["chief_editor", "admin"],
  "story:proofread": ["proofreader", "admin"],
  "page:proofread": ["proofreader", "admin"],
  "page:sign-off": ["chief_editor", "admin"],
  "issue:plan": ["editor", "desk_head", "chief_editor", "admin"],
  "issue:sign-off": ["chief_editor", "admin"],
  "issue:publish": ["chief_editor", "admin"],
  "audit:read": ["editor", "desk_head", "chief_editor", "admin"],
  "people:manage": ["admin"],
  "desks:manage": ["admin"],
  "settings:manage": ["admin"],
};
const ALL = Object.keys(ALLOWED) as Permission[];

describe("permissions", () => {
  it("knows exactly the roles and permissions the design names", () => {
    expect([...ROLES]).toEqual([...ROLE_LIST]);
    expect([...PERMISSIONS].sort()).toEqual([...ALL].sort());
  });

  it.each(
    ROLE_LIST.flatMap((role) =>
      ALL.map((permission) => ({ role, permission, want: ALLOWED[permission].includes(role) })),
    ),
  )("$role · $permission → $want", ({ role, permission, want }) => {
    expect(can({ role }, permission)).toBe(want);
  });

  it("grants each role exactly its listed permissions", () => {
    for (const role of ROLE_LIST) {
      const want = ALL.filter((p) => ALLOWED[p].includes(role));
      expect([...ROLE_PERMISSIONS[role]].sort()).toEqual(want.sort());
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
    expect(isRole("chief_editor")).toBe(true);
    expect(isRole("Admin")).toBe(false);
    expect(isRole("")).toBe(false);
    expect(isRole("toString")).toBe(false);
  });
});
