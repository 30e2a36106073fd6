// Story revisions: every kept state of a story's text, written inside the change's transaction.
import type { Tx } from "@/db/client";
import { type Story, storyRevisions } from "@/db/schema";

/** Keep the story as it now is; `authorId` is null when the system acted (the publishing clock). */
export function insertRevision(
  tx: Tx,
  story: Story,
  reason: string,
  authorId: number | null,
  now: Date,
): void {
  tx.insert(storyRevisions)
    .values({
      storyId: story.id,
      version: story.version,
      kicker: story.kicker,
      headline: story.headline,
      subheadline: story.subheadline,
      byline: story.byline,
      body: story.body,
      bodyText: story.bodyText,
      reason,
      authorId,
      createdAt: now,
    })
    .run();
}
