import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/permissions";
import {
  decideIssue,
  ISSUE_ACTIONS,
  type IssueAction,
  type IssueStatus,
} from "@/lib/workflow/issue";

// Written by hand from DESIGN.md: the duty/chief editor and admin publish, schedule and take
// down; editors lay out but do not; the clock only publishes a scheduled issue that is due.
// One letter per actor in this order: reporter, proofreader, editor, desk_head, chief, admin, clock.
//   o allowed · F forbidden · T invalid_transition · N not_due
const ACTORS: readonly (Role | null)[] = [
  "reporter",
  "proofreader",
  "editor",
  "desk_head",
  "chief_editor",
  "admin",
  null,
];
const STATES: readonly IssueStatus[] = ["planned", "scheduled", "published", "withdrawn"];
const EXPECTED: Record<IssueAction, Record<IssueStatus, string>> = {
  schedule: {
    planned: "FFFFooF",
    scheduled: "FFFFooF",
    published: "FFFFTTF",
    withdrawn: "FFFFooF",
  },
  unschedule: {
    planned: "FFFFTTF",
    scheduled: "FFFFooF",
    published: "FFFFTTF",
    withdrawn: "FFFFTTF",
  },
  publish: { planned: "FFFFooN", scheduled: "FFFFooo", published: "FFFFTTT", withdrawn: "FFFFooN" },
  unpublish: {
    planned: "FFFFTTF",
    scheduled: "FFFFTTF",
    published: "FFFFooF",
    withdrawn: "FFFFTTF",
  },
};
const LETTER: Record<string, string> = {
  forbidden: "F",
  invalid_transition: "T",
  not_due: "N",
};

const now = new Date("2026-05-01T00:00:00Z");
const due = new Date("2026-04-30T23:00:00Z");
const later = new Date("2026-05-02T00:00:00Z");

describe("decideIssue: every cell of actor × state × action", () => {
  const cells = ISSUE_ACTIONS.flatMap((action) =>
    STATES.flatMap((status) =>
      ACTORS.map((role, i) => ({
        action,
        status,
        actor: role ?? "clock",
        role,
        want: EXPECTED[action][status][i],
      })),
    ),
  );
  it.each(cells)("$actor · $action on $status → $want", ({ action, status, role, want }) => {
    const decision = decideIssue(
      { viewer: role ? { id: 1, role } : null, now },
      { status, publishAt: status === "scheduled" ? due : null, signedOffAt: now },
      action,
      { note: "原因", publishAt: later },
    );
    expect(decision.ok ? "o" : LETTER[decision.refusal]).toBe(want);
  });
});

describe("what an allowed issue step sets", () => {
  const chief = { viewer: { id: 1, role: "chief_editor" as const }, now };

  it("schedules only for a later moment, and unscheduling clears it", () => {
    expect(
      decideIssue(chief, { status: "planned", publishAt: null, signedOffAt: now }, "schedule", {
        publishAt: due,
      }),
    ).toEqual({ ok: false, refusal: "schedule_in_past" });
    expect(
      decideIssue(chief, { status: "planned", publishAt: null, signedOffAt: now }, "schedule", {
        publishAt: later,
      }),
    ).toMatchObject({ to: "scheduled", fields: { publishAt: later } });
    expect(
      decideIssue(chief, { status: "scheduled", publishAt: later, signedOffAt: now }, "unschedule"),
    ).toMatchObject({ to: "planned", fields: { publishAt: null } });
  });

  it("the clock waits for the moment; unpublishing needs a reason", () => {
    expect(
      decideIssue(
        { viewer: null, now },
        { status: "scheduled", publishAt: later, signedOffAt: now },
        "publish",
      ),
    ).toEqual({ ok: false, refusal: "not_due" });
    expect(
      decideIssue(
        { viewer: null, now },
        { status: "scheduled", publishAt: due, signedOffAt: now },
        "publish",
      ),
    ).toMatchObject({ to: "published", fields: { publishedAt: now } });
    expect(
      decideIssue(
        { viewer: null, now },
        { status: "scheduled", publishAt: due, signedOffAt: null },
        "publish",
      ),
    ).toEqual({ ok: false, refusal: "not_signed_off" });
    expect(
      decideIssue(chief, { status: "planned", publishAt: null, signedOffAt: null }, "publish"),
    ).toEqual({ ok: false, refusal: "not_signed_off" });
    expect(
      decideIssue(chief, { status: "published", publishAt: null, signedOffAt: now }, "unpublish"),
    ).toEqual({
      ok: false,
      refusal: "note_required",
    });
  });
});
