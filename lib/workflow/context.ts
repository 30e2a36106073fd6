// What the engine is told about a step: the viewer's desks, the paper's levels, the story's passes.
import { and, asc, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { deskMembers, type Story, settings, storyReviewPasses } from "@/db/schema";
import { DEFAULT_REVIEW_LEVELS, type DeskRole, isReviewLevels } from "@/lib/workflow/levels";
import type { StoryContext, StoryState, StoryViewer, Via } from "@/lib/workflow/story";

export function listDeskRoles(tx: Tx, userId: number): DeskRole[] {
  return tx
    .select({ deskId: deskMembers.deskId, role: deskMembers.role })
    .from(deskMembers)
    .where(eq(deskMembers.userId, userId))
    .all();
}

/** The paper's review configuration now (the defaults until an admin changes them). */
export function reviewConfig(tx: Tx): Pick<StoryContext, "levels" | "allowSamePasser"> {
  const row = tx
    .select({ levels: settings.reviewLevels, allowSamePasser: settings.allowSamePasser })
    .from(settings)
    .where(eq(settings.id, 1))
    .get();
  return {
    levels: isReviewLevels(row?.levels) ? row.levels : DEFAULT_REVIEW_LEVELS,
    allowSamePasser: row?.allowSamePasser ?? false,
  };
}

export function storyContext(tx: Tx, viewer: StoryViewer | null, via: Via): StoryContext {
  return {
    viewer,
    desks: viewer ? listDeskRoles(tx, viewer.id) : [],
    ...reviewConfig(tx),
    via,
  };
}

export function storyState(tx: Tx, story: Story): StoryState {
  const passedBy =
    story.status === "submitted"
      ? tx
          .select({ userId: storyReviewPasses.userId })
          .from(storyReviewPasses)
          .where(
            and(
              eq(storyReviewPasses.storyId, story.id),
              eq(storyReviewPasses.round, story.reviewRound),
            ),
          )
          .orderBy(asc(storyReviewPasses.level))
          .all()
          .map((p) => p.userId)
      : [];
  return {
    status: story.status,
    authorId: story.authorId,
    deskId: story.deskId,
    reviewLevel: story.reviewLevel,
    reviewLevels: isReviewLevels(story.reviewLevels) ? story.reviewLevels : null,
    passedBy,
  };
}
