import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/permissions";
import {
  availableActions,
  canEditStory,
  type Decision,
  decide,
  STORY_ACTIONS,
  STORY_STATUSES,
  type StoryAction,
  type StoryStatus,
} from "@/lib/workflow";

// The workflow as the design doc states it, written out by hand. The expected result of every
// cell below is derived from this literal, never from the module's TRANSITIONS table.
type ActionSpec = {
  /** Roles whose permissions allow the action at all. */
  roles: readonly Role[];
  from: readonly StoryStatus[];
  to: StoryStatus;
  needsNote: boolean;
  /** Roles that may take the action only on a story they wrote. */
  ownOnlyFor: readonly Role[];
};

const SPEC: Record<StoryAction, ActionSpec> = {
  submit: {
    roles: ["reporter", "editor", "admin"],
    from: ["draft", "returned"],
    to: "submitted",
    needsNote: false,
    ownOnlyFor: ["reporter"],
  },
  return: {
    roles: ["editor", "admin"],
    from: ["submitted", "approved"],
    to: "returned",
    needsNote: true,
    ownOnlyFor: [],
  },
  approve: {
    roles: ["editor", "admin"],
    from: ["submitted"],
    to: "approved",
    needsNote: false,
    ownOnlyFor: [],
  },
  spike: {
    roles: ["editor", "admin"],
    from: ["draft", "submitted", "returned", "approved"],
    to: "spiked",
    needsNote: true,
    ownOnlyFor: [],
  },
  publish: {
    roles: ["editor", "admin"],
    from: ["approved"],
    to: "published",
    needsNote: false,
    ownOnlyFor: [],
  },
  unpublish: {
    roles: ["editor", "admin"],
    from: ["published"],
    to: "withdrawn",
    needsNote: true,
    ownOnlyFor: [],
  },
  correct: {
    roles: ["editor", "admin"],
    from: ["published"],
    to: "published",
    needsNote: true,
    ownOnlyFor: [],
  },
};

const ROLES: readonly Role[] = ["reporter", "editor", "admin"];
const STATUSES: readonly StoryStatus[] = [
  "draft",
  "submitted",
  "returned",
  "approved",
  "published",
  "spiked",
  "withdrawn",
];
const ACTIONS: readonly StoryAction[] = [
  "submit",
  "return",
  "approve",
  "spike",
  "publish",
  "unpublish",
  "correct",
];

const NOTES = [
  { label: "with a note", note: "Needs a second source" as string | null | undefined },
  { label: "without a note", note: undefined },
  { label: "with a null note", note: null },
  { label: "with a blank note", note: "   " },
];

const VIEWER_ID = 7;
const OTHER_AUTHOR_ID = 8;

/** What the spec says: permission first, then ownership, then state, then the note. */
function expected(
  role: Role,
  status: StoryStatus,
  action: StoryAction,
  own: boolean,
  note: string | null | undefined,
): Decision {
  const spec = SPEC[action];
  if (!spec.roles.includes(role)) return { ok: false, reason: "forbidden" };
  if (spec.ownOnlyFor.includes(role) && !own) return { ok: false, reason: "forbidden" };
  if (!spec.from.includes(status)) return { ok: false, reason: "invalid_transition" };
  if (spec.needsNote && !note?.trim()) return { ok: false, reason: "note_required" };
  return { ok: true, to: spec.to };
}

function story(status: StoryStatus, own: boolean) {
  return { status, authorId: own ? VIEWER_ID : OTHER_AUTHOR_ID };
}

function viewer(role: Role) {
  return { id: VIEWER_ID, role };
}

describe("the test's own lists", () => {
  it("cover every status and action the module knows", () => {
    expect([...STORY_STATUSES].sort()).toEqual([...STATUSES].sort());
    expect([...STORY_ACTIONS].sort()).toEqual([...ACTIONS].sort());
  });
});

describe("decide: every role × status × action × ownership × note", () => {
  const cases = ROLES.flatMap((role) =>
    STATUSES.flatMap((status) =>
      ACTIONS.flatMap((action) =>
        [true, false].flatMap((own) =>
          NOTES.map(({ label, note }) => ({
            name: `${role} · ${action} · ${own ? "own" : "other's"} ${status} story · ${label}`,
            role,
            status,
            action,
            own,
            note,
            want: expected(role, status, action, own, note),
          })),
        ),
      ),
    ),
  );

  it("has one case per cell", () => {
    expect(cases).toHaveLength(3 * 7 * 7 * 2 * NOTES.length);
  });

  it.each(cases)("$name", ({ role, status, action, own, note, want }) => {
    expect(decide(viewer(role), story(status, own), action, note)).toEqual(want);
  });
});

describe("decide: spot checks written out in full", () => {
  const reporter = viewer("reporter");
  const editor = viewer("editor");

  it("lets a reporter submit their own draft and resubmit a returned story", () => {
    expect(decide(reporter, story("draft", true), "submit")).toEqual({ ok: true, to: "submitted" });
    expect(decide(reporter, story("returned", true), "submit")).toEqual({
      ok: true,
      to: "submitted",
    });
  });

  it("refuses a reporter submitting someone else's story, whatever its state", () => {
    expect(decide(reporter, story("draft", false), "submit")).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(decide(reporter, story("published", false), "submit")).toEqual({
      ok: false,
      reason: "forbidden",
    });
  });

  it("checks permission before state", () => {
    expect(decide(reporter, story("published", true), "publish")).toEqual({
      ok: false,
      reason: "forbidden",
    });
    expect(decide(reporter, story("submitted", true), "approve")).toEqual({
      ok: false,
      reason: "forbidden",
    });
  });

  it("checks state before the note", () => {
    expect(decide(editor, story("draft", false), "return")).toEqual({
      ok: false,
      reason: "invalid_transition",
    });
  });

  it("requires a note to return, spike, unpublish and correct", () => {
    expect(decide(editor, story("submitted", false), "return", "")).toEqual({
      ok: false,
      reason: "note_required",
    });
    expect(decide(editor, story("submitted", false), "return", "Check the figures")).toEqual({
      ok: true,
      to: "returned",
    });
    expect(decide(editor, story("approved", false), "spike")).toEqual({
      ok: false,
      reason: "note_required",
    });
    expect(decide(editor, story("published", false), "unpublish", "\n\t ")).toEqual({
      ok: false,
      reason: "note_required",
    });
    expect(decide(editor, story("published", false), "correct", "Name misspelt")).toEqual({
      ok: true,
      to: "published",
    });
  });

  it("lets an editor submit someone else's story", () => {
    expect(decide(editor, story("draft", false), "submit")).toEqual({ ok: true, to: "submitted" });
  });

  it("never moves a spiked or withdrawn story", () => {
    for (const status of ["spiked", "withdrawn"] as const) {
      for (const action of ACTIONS) {
        expect(decide(viewer("admin"), story(status, true), action, "note").ok).toBe(false);
      }
    }
  });
});

describe("availableActions", () => {
  it("never offers publish or unpublish", () => {
    for (const role of ROLES) {
      for (const status of STATUSES) {
        for (const own of [true, false]) {
          const actions = availableActions(viewer(role), story(status, own));
          expect(actions).not.toContain("publish");
          expect(actions).not.toContain("unpublish");
        }
      }
    }
  });

  it("offers a reporter only submit on their own draft or returned story", () => {
    expect(availableActions(viewer("reporter"), story("draft", true))).toEqual(["submit"]);
    expect(availableActions(viewer("reporter"), story("returned", true))).toEqual(["submit"]);
    expect(availableActions(viewer("reporter"), story("submitted", true))).toEqual([]);
  });

  it("offers a reporter nothing on someone else's story", () => {
    for (const status of STATUSES) {
      expect(availableActions(viewer("reporter"), story(status, false))).toEqual([]);
    }
  });

  it("offers an editor return, approve and spike on a submitted story", () => {
    expect(availableActions(viewer("editor"), story("submitted", false))).toEqual([
      "return",
      "approve",
      "spike",
    ]);
  });

  it("offers an editor correct on a published story", () => {
    expect(availableActions(viewer("editor"), story("published", false))).toEqual(["correct"]);
  });

  it.each(
    ROLES.flatMap((role) =>
      STATUSES.flatMap((status) => [true, false].map((own) => ({ role, status, own }))),
    ),
  )("matches the spec for $role on own=$own $status story", ({ role, status, own }) => {
    const want = ACTIONS.filter(
      (action) =>
        action !== "publish" &&
        action !== "unpublish" &&
        expected(role, status, action, own, "note").ok,
    );
    expect(availableActions(viewer(role), story(status, own))).toEqual(want);
  });
});

describe("canEditStory", () => {
  // Written out by hand: statuses in which each role may edit a story.
  const EDITABLE: Record<Role, { own: readonly StoryStatus[]; other: readonly StoryStatus[] }> = {
    reporter: { own: ["draft", "returned"], other: [] },
    editor: {
      own: ["draft", "submitted", "returned", "approved"],
      other: ["draft", "submitted", "returned", "approved"],
    },
    admin: {
      own: ["draft", "submitted", "returned", "approved"],
      other: ["draft", "submitted", "returned", "approved"],
    },
    proofreader: { own: [], other: [] },
    desk_head: {
      own: ["draft", "submitted", "returned", "approved"],
      other: ["draft", "submitted", "returned", "approved"],
    },
    chief_editor: {
      own: ["draft", "submitted", "returned", "approved"],
      other: ["draft", "submitted", "returned", "approved"],
    },
  };

  it.each(
    ROLES.flatMap((role) =>
      STATUSES.flatMap((status) =>
        [true, false].map((own) => ({
          role,
          status,
          own,
          want: EDITABLE[role][own ? "own" : "other"].includes(status),
        })),
      ),
    ),
  )("$role on own=$own $status story → $want", ({ role, status, own, want }) => {
    expect(canEditStory(viewer(role), story(status, own))).toBe(want);
  });

  it("lets nobody edit a published, spiked or withdrawn story through the editor", () => {
    for (const role of ROLES) {
      for (const status of ["published", "spiked", "withdrawn"] as const) {
        expect(canEditStory(viewer(role), story(status, true))).toBe(false);
        expect(canEditStory(viewer(role), story(status, false))).toBe(false);
      }
    }
  });
});
