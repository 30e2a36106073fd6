import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/permissions";
import {
  decideIssueSignOff,
  decidePage,
  PAGE_ACTIONS,
  PAGE_STATUSES,
  type PageAction,
  type PageContext,
  type PageStatus,
} from "@/lib/workflow/page";

// The page workflow as the design states it, written out by hand: every role × state × action,
// on a page whose proofreading is done (3 of 3 rounds, no open marks, two stories) and with a
// reason given. Each cell is the resulting state or the refusal. Not derived from the module.
const ROLES = ["reporter", "proofreader", "editor", "desk_head", "chief_editor", "admin"] as const;
const F = "forbidden";
const S = "page_signed_off";
const I = "invalid_transition";
const C = "rounds_complete";

//                     reporter proofreader editor desk_head chief_editor admin
const EXPECTED: Record<PageAction, Record<PageStatus, readonly string[]>> = {
  mark: {
    open: [F, "open", F, F, F, "open"],
    signed_off: [F, S, F, F, F, S],
    reopened: [F, "reopened", F, F, F, "reopened"],
  },
  decide_mark: {
    open: [F, F, "open", "open", "open", "open"],
    signed_off: [F, F, S, S, S, S],
    reopened: [F, F, "reopened", "reopened", "reopened", "reopened"],
  },
  complete_round: {
    open: [F, C, F, F, F, C],
    signed_off: [F, S, F, F, F, S],
    reopened: [F, C, F, F, F, C],
  },
  sign_off: {
    open: [F, F, F, F, "signed_off", "signed_off"],
    signed_off: [F, F, F, F, S, S],
    reopened: [F, F, F, F, "signed_off", "signed_off"],
  },
  reopen: {
    open: [F, F, I, I, I, I],
    signed_off: [F, F, "reopened", "reopened", "reopened", "reopened"],
    reopened: [F, F, I, I, I, I],
  },
  change_layout: {
    open: [F, F, "open", "open", "open", "open"],
    signed_off: [F, F, S, S, S, S],
    reopened: [F, F, "reopened", "reopened", "reopened", "reopened"],
  },
};

const STATES: readonly PageStatus[] = ["open", "signed_off", "reopened"];

function ctx(role: Role, over: Partial<PageContext> = {}): PageContext {
  return {
    viewer: { id: 1, role },
    rounds: { required: 3, done: 3 },
    openMarks: 0,
    storyCount: 2,
    note: "改版：头条数据更正",
    ...over,
  };
}

const outcome = (d: ReturnType<typeof decidePage>) => (d.ok ? d.to : d.refusal);

describe("the test's own lists", () => {
  it("cover every state and action the module knows", () => {
    expect([...PAGE_STATUSES].sort()).toEqual([...STATES].sort());
    expect([...PAGE_ACTIONS].sort()).toEqual(Object.keys(EXPECTED).sort());
  });
});

describe("decidePage: every role × state × action", () => {
  const cases = PAGE_ACTIONS.flatMap((action) =>
    STATES.flatMap((status) =>
      ROLES.map((role, i) => ({ action, status, role, want: EXPECTED[action][status][i] })),
    ),
  );
  it.each(cases)("$role · $action on a $status page → $want", ({ action, status, role, want }) => {
    expect(outcome(decidePage(ctx(role), { status }, action))).toBe(want);
  });
});

describe("decidePage: the guards of proofreading and sign-off", () => {
  it("lets a proofreader complete a round only while rounds remain", () => {
    const two = ctx("proofreader", { rounds: { required: 3, done: 2 } });
    expect(outcome(decidePage(two, { status: "open" }, "complete_round"))).toBe("open");
    const none = ctx("proofreader", { rounds: { required: 0, done: 0 } });
    expect(outcome(decidePage(none, { status: "open" }, "complete_round"))).toBe(C);
  });

  it("refuses sign-off until every round is done, no mark is open and a story is placed", () => {
    const chief = (over: Partial<PageContext>) => ctx("chief_editor", over);
    const open = { status: "open" } as const;
    expect(outcome(decidePage(chief({ rounds: { required: 3, done: 2 } }), open, "sign_off"))).toBe(
      "rounds_incomplete",
    );
    expect(outcome(decidePage(chief({ openMarks: 1 }), open, "sign_off"))).toBe("marks_open");
    expect(outcome(decidePage(chief({ storyCount: 0 }), open, "sign_off"))).toBe("page_empty");
    expect(outcome(decidePage(chief({ rounds: { required: 0, done: 0 } }), open, "sign_off"))).toBe(
      "signed_off",
    );
  });

  it("asks a reason to reopen, and checks permission before state", () => {
    const signed = { status: "signed_off" } as const;
    for (const note of [undefined, null, "", "   "]) {
      expect(outcome(decidePage(ctx("editor", { note }), signed, "reopen"))).toBe("note_required");
    }
    expect(outcome(decidePage(ctx("reporter", { note: null }), signed, "reopen"))).toBe(F);
    expect(
      outcome(decidePage(ctx("editor", { rounds: { required: 3, done: 0 } }), signed, "sign_off")),
    ).toBe(F);
  });
});

describe("decideIssueSignOff", () => {
  const chief = { id: 1, role: "chief_editor" as const };
  const planned = { status: "planned", isSignedOff: false };
  it("signs an issue off once every page is signed off, for the duty editor only", () => {
    expect(decideIssueSignOff(chief, planned, ["signed_off", "signed_off"])).toEqual({ ok: true });
    expect(decideIssueSignOff(chief, planned, ["signed_off", "reopened"])).toEqual({
      ok: false,
      refusal: "pages_not_signed_off",
    });
    expect(decideIssueSignOff(chief, planned, [])).toEqual({
      ok: false,
      refusal: "pages_not_signed_off",
    });
    for (const role of ["reporter", "proofreader", "editor", "desk_head"] as const) {
      expect(decideIssueSignOff({ id: 1, role }, planned, ["signed_off"])).toEqual({
        ok: false,
        refusal: "forbidden",
      });
    }
    expect(decideIssueSignOff({ id: 1, role: "admin" }, planned, ["signed_off"])).toEqual({
      ok: true,
    });
    expect(
      decideIssueSignOff(chief, { status: "planned", isSignedOff: true }, ["signed_off"]),
    ).toEqual({ ok: false, refusal: "invalid_transition" });
    expect(
      decideIssueSignOff(chief, { status: "published", isSignedOff: false }, ["signed_off"]),
    ).toEqual({ ok: false, refusal: "invalid_transition" });
  });
});
