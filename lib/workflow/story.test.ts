import { describe, expect, it } from "vitest";
import type { Role } from "@/lib/permissions";
import { DEFAULT_REVIEW_LEVELS, type DeskRoleName, type ReviewLevel } from "@/lib/workflow/levels";
import {
  availableStoryActions,
  canEditStory,
  decideStory,
  STORY_ACTIONS,
  type StoryAction,
  type StoryContext,
  type StoryState,
  type StoryStatus,
} from "@/lib/workflow/story";

// The process as DESIGN.md and issue #11 state it, written out by hand cell by cell: it is not
// derived from the module's STORY_TRANSITIONS table. One line per (action, state); each line
// has one group of four per role, in the order below, and in each group one letter per desk
// membership of the viewer on the story's desk (none, reporter, editor, desk head):
//   o allowed · F forbidden · D not_in_desk · L wrong_level · T invalid_transition · I issue_only
const ROLES_IN_ORDER: readonly Role[] = [
  "reporter",
  "proofreader",
  "editor",
  "desk_head",
  "chief_editor",
  "admin",
];
const MEMBERSHIPS: readonly (DeskRoleName | null)[] = [null, "reporter", "editor", "desk_head"];
const STATES = [
  "draft",
  "submitted@1",
  "submitted@2",
  "submitted@3",
  "returned",
  "approved",
  "published",
  "spiked",
  "withdrawn",
] as const;
type StateCell = (typeof STATES)[number];

//            reporter proofreader editor desk_head chief admin
const ALL_I = "IIII IIII IIII IIII IIII IIII";
const ALL_F = "FFFF FFFF FFFF FFFF FFFF FFFF";
const same = (line: string) =>
  Object.fromEntries(STATES.map((s) => [s, line])) as Record<StateCell, string>;
const EXPECTED: Record<StoryAction, Record<StateCell, string>> = {
  // Filing: the author (here another reporter) or any editor, from draft or returned.
  submit: {
    draft: "FFFF FFFF oooo oooo oooo oooo",
    "submitted@1": "TTTT FFFF TTTT TTTT TTTT TTTT",
    "submitted@2": "TTTT FFFF TTTT TTTT TTTT TTTT",
    "submitted@3": "TTTT FFFF TTTT TTTT TTTT TTTT",
    returned: "FFFF FFFF oooo oooo oooo oooo",
    approved: "TTTT FFFF TTTT TTTT TTTT TTTT",
    published: "TTTT FFFF TTTT TTTT TTTT TTTT",
    spiked: "TTTT FFFF TTTT TTTT TTTT TTTT",
    withdrawn: "TTTT FFFF TTTT TTTT TTTT TTTT",
  },
  // 初审: the desk's editors and its head; 复审: its head; 终审: the duty/chief editor.
  pass: {
    draft: "FFFF FFFF TTTT TTTT TTTT TTTT",
    "submitted@1": "FFFF FFFF DDoo DDoo oooo oooo",
    "submitted@2": "FFFF FFFF DDLo DDLo oooo oooo",
    "submitted@3": "FFFF FFFF LLLL LLLL oooo oooo",
    returned: "FFFF FFFF TTTT TTTT TTTT TTTT",
    approved: "FFFF FFFF TTTT TTTT TTTT TTTT",
    published: "FFFF FFFF TTTT TTTT TTTT TTTT",
    spiked: "FFFF FFFF TTTT TTTT TTTT TTTT",
    withdrawn: "FFFF FFFF TTTT TTTT TTTT TTTT",
  },
  // Returned from any level by whoever may pass it; once ready for layout, by the last level's.
  return: {
    draft: "FFFF FFFF TTTT TTTT TTTT TTTT",
    "submitted@1": "FFFF FFFF DDoo DDoo oooo oooo",
    "submitted@2": "FFFF FFFF DDLo DDLo oooo oooo",
    "submitted@3": "FFFF FFFF LLLL LLLL oooo oooo",
    returned: "FFFF FFFF TTTT TTTT TTTT TTTT",
    approved: "FFFF FFFF LLLL LLLL oooo oooo",
    published: "FFFF FFFF TTTT TTTT TTTT TTTT",
    spiked: "FFFF FFFF TTTT TTTT TTTT TTTT",
    withdrawn: "FFFF FFFF TTTT TTTT TTTT TTTT",
  },
  // Spiking: an editor of the story's desk, or the paper-wide chief and admin, before publishing.
  spike: {
    draft: "FFFF FFFF DDoo DDoo oooo oooo",
    "submitted@1": "FFFF FFFF DDoo DDoo oooo oooo",
    "submitted@2": "FFFF FFFF DDoo DDoo oooo oooo",
    "submitted@3": "FFFF FFFF DDoo DDoo oooo oooo",
    returned: "FFFF FFFF DDoo DDoo oooo oooo",
    approved: "FFFF FFFF DDoo DDoo oooo oooo",
    published: "FFFF FFFF TTTT TTTT TTTT TTTT",
    spiked: "FFFF FFFF TTTT TTTT TTTT TTTT",
    withdrawn: "FFFF FFFF TTTT TTTT TTTT TTTT",
  },
  // Only the importer admits a story straight to layout; nobody on the desk does.
  admit: same(ALL_F),
  // Nobody publishes, republishes or takes down a single story: its issue does.
  publish: same(ALL_I),
  republish: same(ALL_I),
  unpublish: same(ALL_I),
  // Correcting a published story: the duty/chief editor (and admin).
  correct: {
    draft: "FFFF FFFF FFFF FFFF TTTT TTTT",
    "submitted@1": "FFFF FFFF FFFF FFFF TTTT TTTT",
    "submitted@2": "FFFF FFFF FFFF FFFF TTTT TTTT",
    "submitted@3": "FFFF FFFF FFFF FFFF TTTT TTTT",
    returned: "FFFF FFFF FFFF FFFF TTTT TTTT",
    approved: "FFFF FFFF FFFF FFFF TTTT TTTT",
    published: "FFFF FFFF FFFF FFFF oooo oooo",
    spiked: "FFFF FFFF FFFF FFFF TTTT TTTT",
    withdrawn: "FFFF FFFF FFFF FFFF TTTT TTTT",
  },
};

const LETTER: Record<string, string> = {
  forbidden: "F",
  not_in_desk: "D",
  wrong_level: "L",
  invalid_transition: "T",
  issue_only: "I",
};

const DESK = 7;
const AUTHOR = 100;
const VIEWER = 1;

function stateOf(cell: StateCell): StoryState {
  const [status, level] = cell.split("@") as [StoryStatus, string | undefined];
  const inReview = status === "submitted";
  return {
    status,
    authorId: AUTHOR,
    deskId: DESK,
    reviewLevel: level ? Number(level) : null,
    reviewLevels: inReview || status === "approved" ? [...DEFAULT_REVIEW_LEVELS] : null,
    // Earlier levels were passed by other people.
    passedBy: inReview ? [201, 202].slice(0, Number(level) - 1) : [],
  };
}

function contextOf(role: Role, membership: DeskRoleName | null): StoryContext {
  return {
    viewer: { id: VIEWER, role },
    desks: membership ? [{ deskId: DESK, role: membership }] : [],
    levels: DEFAULT_REVIEW_LEVELS,
    allowSamePasser: false,
    via: "desk",
  };
}

const cells = STORY_ACTIONS.flatMap((action) =>
  STATES.flatMap((state) =>
    ROLES_IN_ORDER.flatMap((role, r) =>
      MEMBERSHIPS.map((membership, m) => ({
        action,
        state,
        role,
        membership,
        want: EXPECTED[action][state].replaceAll(" ", "")[r * 4 + m],
      })),
    ),
  ),
);

describe("decideStory: every cell of role × desk membership × level × state × action", () => {
  it("covers 6 roles × 4 memberships × 9 state-levels × 9 actions", () => {
    expect(cells).toHaveLength(6 * 4 * 9 * 9);
    for (const action of STORY_ACTIONS) {
      for (const state of STATES) {
        expect(EXPECTED[action][state].replaceAll(" ", "")).toHaveLength(24);
      }
    }
  });

  it.each(cells)(
    "$role (desk: $membership) · $action on $state → $want",
    ({ action, state, role, membership, want }) => {
      const decision = decideStory(contextOf(role, membership), stateOf(state), action, "一条说明");
      expect(decision.ok ? "o" : (LETTER[decision.refusal] ?? decision.refusal)).toBe(want);
    },
  );
});

describe("where an allowed step leads", () => {
  const chief = contextOf("chief_editor", null);
  const editor = contextOf("editor", "editor");
  const head = contextOf("desk_head", "desk_head");

  it("submit enters review at level 1 with a copy of the paper's levels", () => {
    const levels: ReviewLevel[] = [{ passer: "desk_editor" }, { passer: "chief_editor" }];
    const d = decideStory({ ...editor, levels }, stateOf("draft"), "submit");
    expect(d).toMatchObject({
      ok: true,
      to: "submitted",
      reviewLevel: 1,
      reviewLevels: levels,
      reviewPasser: "desk_editor",
      startsRound: true,
    });
  });

  it("passing a level moves to the next; passing the last makes the story ready for layout", () => {
    expect(decideStory(editor, stateOf("submitted@1"), "pass")).toMatchObject({
      ok: true,
      to: "submitted",
      reviewLevel: 2,
      reviewPasser: "desk_head",
      passedLevel: 1,
    });
    expect(decideStory(head, stateOf("submitted@2"), "pass")).toMatchObject({
      to: "submitted",
      reviewLevel: 3,
      reviewPasser: "chief_editor",
      passedLevel: 2,
    });
    expect(decideStory(chief, stateOf("submitted@3"), "pass")).toMatchObject({
      to: "approved",
      reviewLevel: null,
      reviewPasser: null,
      passedLevel: 3,
    });
  });

  it("a story keeps the levels it entered review with, whatever the paper now says", () => {
    const oneLevel = { ...chief, levels: [{ passer: "desk_editor" }] as ReviewLevel[] };
    // The story entered with three levels: passing level 1 still leads to level 2.
    expect(decideStory(oneLevel, stateOf("submitted@1"), "pass")).toMatchObject({
      to: "submitted",
      reviewLevel: 2,
    });
  });

  it("one person may not pass two levels of the same story, unless the paper allows it", () => {
    const state = { ...stateOf("submitted@2"), passedBy: [VIEWER] };
    expect(decideStory(head, state, "pass")).toEqual({ ok: false, refusal: "same_person" });
    expect(decideStory({ ...head, allowSamePasser: true }, state, "pass")).toMatchObject({
      ok: true,
      reviewLevel: 3,
    });
  });

  it("return and spike need a note; returning leaves review", () => {
    expect(decideStory(editor, stateOf("submitted@1"), "return", " ")).toEqual({
      ok: false,
      refusal: "note_required",
    });
    expect(decideStory(editor, stateOf("draft"), "spike")).toEqual({
      ok: false,
      refusal: "note_required",
    });
    expect(decideStory(head, stateOf("submitted@2"), "return", "补充数据")).toMatchObject({
      ok: true,
      to: "returned",
      reviewLevel: null,
      note: "补充数据",
    });
  });

  it("a reporter submits their own story, not another's", () => {
    const own = { ...stateOf("draft"), authorId: VIEWER };
    expect(decideStory(contextOf("reporter", null), own, "submit")).toMatchObject({ ok: true });
    expect(decideStory(contextOf("reporter", null), stateOf("draft"), "submit")).toEqual({
      ok: false,
      refusal: "forbidden",
    });
  });

  it("a story without a desk is reviewed by the paper's editors by their own role", () => {
    const noDesk = (cell: StateCell) => ({ ...stateOf(cell), deskId: null });
    expect(decideStory(contextOf("editor", null), noDesk("submitted@1"), "pass").ok).toBe(true);
    expect(decideStory(contextOf("editor", null), noDesk("submitted@2"), "pass")).toEqual({
      ok: false,
      refusal: "wrong_level",
    });
    expect(decideStory(contextOf("desk_head", null), noDesk("submitted@2"), "pass").ok).toBe(true);
  });
});

describe("steps taken because an issue or an import moves", () => {
  const viaIssue = (role: Role | null): StoryContext => ({
    viewer: role ? { id: VIEWER, role } : null,
    desks: [],
    levels: DEFAULT_REVIEW_LEVELS,
    allowSamePasser: false,
    via: "issue",
  });

  it.each([null, "chief_editor"] as const)(
    "publish takes approved, republish withdrawn, unpublish published (%s)",
    (viewer) => {
      const ctx = viaIssue(viewer);
      expect(decideStory(ctx, stateOf("approved"), "publish")).toMatchObject({ to: "published" });
      expect(decideStory(ctx, stateOf("withdrawn"), "republish")).toMatchObject({
        to: "published",
      });
      expect(decideStory(ctx, stateOf("published"), "unpublish", "撤")).toMatchObject({
        to: "withdrawn",
      });
      expect(decideStory(ctx, stateOf("published"), "unpublish")).toEqual({
        ok: false,
        refusal: "note_required",
      });
      for (const cell of ["draft", "submitted@1", "returned", "spiked", "withdrawn"] as const) {
        expect(decideStory(ctx, stateOf(cell), "publish")).toEqual({
          ok: false,
          refusal: "invalid_transition",
        });
      }
      expect(decideStory(ctx, stateOf("draft"), "submit")).toEqual({
        ok: false,
        refusal: "forbidden",
      });
    },
  );

  it("the importer admits a draft straight to layout for those who plan issues", () => {
    const viaImport = (role: Role): StoryContext => ({ ...viaIssue(role), via: "import" });
    expect(decideStory(viaImport("editor"), stateOf("draft"), "admit")).toMatchObject({
      to: "approved",
    });
    expect(decideStory(viaImport("reporter"), stateOf("draft"), "admit")).toEqual({
      ok: false,
      refusal: "forbidden",
    });
    expect(decideStory(viaImport("editor"), stateOf("draft"), "publish")).toEqual({
      ok: false,
      refusal: "issue_only",
    });
  });
});

describe("what the desk offers", () => {
  it("offers each person only the steps the engine allows them", () => {
    const { via: _via, ...editor } = contextOf("editor", "editor");
    expect(availableStoryActions(editor, stateOf("submitted@1"))).toEqual([
      "pass",
      "return",
      "spike",
    ]);
    expect(availableStoryActions(editor, stateOf("submitted@2"))).toEqual(["spike"]);
    const { via: _v, ...reporter } = contextOf("reporter", "reporter");
    expect(availableStoryActions(reporter, { ...stateOf("draft"), authorId: VIEWER })).toEqual([
      "submit",
    ]);
  });

  it("lets the owner edit while draft or returned, editors until the story is published", () => {
    const reporter = { id: VIEWER, role: "reporter" as const };
    const editor = { id: VIEWER, role: "editor" as const };
    const mine = (status: StoryStatus) => ({ status, authorId: VIEWER });
    expect(canEditStory(reporter, mine("draft"))).toBe(true);
    expect(canEditStory(reporter, mine("submitted"))).toBe(false);
    expect(canEditStory(reporter, { status: "draft", authorId: AUTHOR })).toBe(false);
    expect(canEditStory(editor, { status: "approved", authorId: AUTHOR })).toBe(true);
    expect(canEditStory(editor, { status: "published", authorId: AUTHOR })).toBe(false);
    expect(canEditStory({ id: VIEWER, role: "proofreader" }, mine("draft"))).toBe(false);
  });
});
