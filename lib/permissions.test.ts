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

// Written out by hand from DESIGN.md's role table; not derived from the module's tables.
// Columns: reporter, proofreader, editor, desk_head, chief_editor, admin ("x" granted, "." not).
const ROLE_LIST: readonly Role[] = [
  "reporter",
  "proofreader",
  "editor",
  "desk_head",
  "chief_editor",
  "admin",
];
const GRID: Record<Permission, string> = {
  "desk:enter": "xxxxxx",
  "story:create": "x.xxxx",
  "story:edit-own": "x.xxxx",
  "story:edit-any": "..xxxx",
  "story:submit": "x.xxxx",
  "story:review": "..xxxx",
  "story:spike": "..xxxx",
  "story:comment": ".xxxxx",
  "story:correct": "....xx",
  "story:proofread": ".x...x",
  "page:proofread": ".x...x",
  "page:sign-off": "....xx",
  "issue:plan": "..xxxx",
  "issue:sign-off": "....xx",
  "issue:publish": "....xx",
  "audit:read": "..xxxx",
  "people:manage": ".....x",
  "desks:manage": ".....x",
  "settings:manage": ".....x",
};
const ALL = Object.keys(GRID) as Permission[];

describe("permissions", () => {
  it("knows exactly the roles and permissions the design names", () => {
    expect([...ROLES]).toEqual([...ROLE_LIST]);
    expect([...PERMISSIONS].sort()).toEqual([...ALL].sort());
  });

  it.each(
    ROLE_LIST.flatMap((role, column) =>
      ALL.map((permission) => ({ role, permission, want: GRID[permission][column] === "x" })),
    ),
  )("$role · $permission → $want", ({ role, permission, want }) => {
    expect(can({ role }, permission)).toBe(want);
  });

  it("grants each role exactly its listed permissions", () => {
    for (const [column, role] of ROLE_LIST.entries()) {
      const want = ALL.filter((p) => GRID[p][column] === "x");
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
