// Where a story stands: its steps (filed, each review level, proofs, placed, signed off,
// published), who holds it now, the passes recorded, and the steps this viewer may take.
import "server-only";
import { and, asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { desks, placements, type Story, storyReviewPasses, users } from "@/db/schema";
import { reviewConfig, storyContext, storyState } from "@/lib/workflow/context";
import { isReviewLevels, type LevelPasser } from "@/lib/workflow/levels";
import {
  availableStoryActions,
  type DeskStoryAction,
  type StoryViewer,
} from "@/lib/workflow/story";

export type StepKind = "filed" | "level" | "proofs" | "placed" | "signedOff" | "published";
export type StepState = "done" | "current" | "todo";
export type ProgressStep = { kind: StepKind; level?: number; state: StepState };

export type StoryHolder =
  | { kind: "author" }
  | { kind: "level"; level: number; total: number; passer: LevelPasser; deskName: string | null }
  | { kind: "layout" }
  | { kind: "none" };

export type ReviewPassView = {
  level: number;
  userName: string;
  version: number;
  createdAt: number;
};

export type StoryProgress = {
  steps: ProgressStep[];
  levels: number;
  holder: StoryHolder;
  passes: ReviewPassView[];
  actions: DeskStoryAction[];
  deskName: string | null;
};

/** The index of the current step in filed, level 1…N, proofs, placed, signed off, published. */
function currentIndex(story: Story, levels: number, placed: boolean): number | null {
  switch (story.status) {
    case "draft":
    case "returned":
      return 0;
    case "submitted":
      return story.reviewLevel ?? 1;
    case "approved":
      return placed ? levels + 3 : levels + 1;
    case "published":
      return levels + 5;
    default:
      return null;
  }
}

export function getStoryProgress(viewer: StoryViewer, story: Story): StoryProgress {
  const database = db();
  // A story not yet in review will take the paper's levels as they are when it is submitted.
  const levels = isReviewLevels(story.reviewLevels)
    ? story.reviewLevels
    : reviewConfig(database).levels;
  const placed = Boolean(
    database
      .select({ id: placements.id })
      .from(placements)
      .where(eq(placements.storyId, story.id))
      .get(),
  );
  const deskName = story.deskId
    ? (database.select({ name: desks.name }).from(desks).where(eq(desks.id, story.deskId)).get()
        ?.name ?? null)
    : null;
  const kinds: ProgressStep[] = [
    { kind: "filed", state: "todo" },
    ...levels.map((_, i) => ({ kind: "level" as const, level: i + 1, state: "todo" as const })),
    { kind: "proofs", state: "todo" },
    { kind: "placed", state: "todo" },
    { kind: "signedOff", state: "todo" },
    { kind: "published", state: "todo" },
  ];
  const current = currentIndex(story, levels.length, placed);
  const steps = kinds.map((step, i) => ({
    ...step,
    state: (current === null
      ? "todo"
      : i < current
        ? "done"
        : i === current
          ? "current"
          : "todo") as StepState,
  }));
  let holder: StoryHolder = { kind: "none" };
  if (story.status === "draft" || story.status === "returned") holder = { kind: "author" };
  if (story.status === "submitted") {
    const level = story.reviewLevel ?? 1;
    holder = {
      kind: "level",
      level,
      total: levels.length,
      passer: levels[level - 1]?.passer ?? "chief_editor",
      deskName,
    };
  }
  if (story.status === "approved") holder = { kind: "layout" };
  const passes = database
    .select({
      level: storyReviewPasses.level,
      userName: users.displayName,
      version: storyReviewPasses.version,
      createdAt: storyReviewPasses.createdAt,
    })
    .from(storyReviewPasses)
    .innerJoin(users, eq(users.id, storyReviewPasses.userId))
    .where(
      and(eq(storyReviewPasses.storyId, story.id), eq(storyReviewPasses.round, story.reviewRound)),
    )
    .orderBy(asc(storyReviewPasses.level))
    .all()
    .map((p) => ({ ...p, createdAt: p.createdAt.getTime() }));
  const ctx = storyContext(database, viewer, "desk");
  return {
    steps,
    levels: levels.length,
    holder,
    passes,
    actions: availableStoryActions(ctx, storyState(database, story)),
    deskName,
  };
}
