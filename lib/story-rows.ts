// Writing a new story row inside a caller's transaction, with its first revision, its photos and
// its audit row. Shared by the desk and the importer (no server-only: the import command runs it
// from the shell). The body is prepared by lib/story-body, the photos linked by lib/story-photos.
import type { Tx } from "@/db/client";
import { type Story, stories } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { RichTextDoc } from "@/lib/domain/rich-text";
import type { Byline } from "@/lib/domain/story";
import { syncStoryPhotos } from "@/lib/story-photos";
import { insertRevision } from "@/lib/story-revisions";

/** The text of a new story, already checked against the editor's limits (StoryFields). */
export type NewStoryText = {
  kind: Story["kind"];
  kicker: string | null;
  headline: string;
  subheadline: string | null;
  byline: Byline;
  body: RichTextDoc;
  bodyText: string;
  charCount: number;
};

/**
 * Write a new story (a draft: the table's first state) with its first revision, its photos and
 * its audit row, inside the caller's transaction. The desk and the importer both create here.
 */
export function insertStory(
  tx: Tx,
  text: NewStoryText,
  meta: {
    authorId: number;
    deskId: number | null;
    reason: "create" | "import";
    now: Date;
    detail?: Record<string, unknown>;
  },
): Story {
  const story = tx
    .insert(stories)
    .values({
      ...text,
      deskId: meta.deskId,
      authorId: meta.authorId,
      createdAt: meta.now,
      updatedAt: meta.now,
    })
    .returning()
    .get();
  insertRevision(tx, story, meta.reason, meta.authorId, meta.now);
  syncStoryPhotos(tx, story.id, story.body);
  recordAudit(tx, {
    actorId: meta.authorId,
    action: `story.${meta.reason}`,
    subjectType: "story",
    subjectId: story.id,
    toState: story.status,
    detail: meta.detail ?? null,
    now: meta.now,
  });
  return story;
}
