// Story revisions: every kept state of a story's text, written inside the change's transaction
// (a step, a save, a restore, the publishing clock), and read back for the history page.
// No server-only: the importer's shell command writes revisions through lib/story-rows.
import { and, desc, eq } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { type Story, storyRevisions, users } from "@/db/schema";
import { AppError } from "@/lib/errors";
import type { NamedActor } from "@/lib/permissions";
import { loadVisibleStory } from "@/lib/story-access";
import { countCharacters } from "@/lib/text";

/** Autosaves within this window of the last autosave revision by the same person fold into it. */
export const REVISION_WINDOW_MS = 5 * 60 * 1000;

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

/** Keep a revision of an autosave, folded into the last one while the same person keeps typing. */
export function recordAutosaveRevision(tx: Tx, story: Story, authorId: number, now: Date): void {
  const last = tx
    .select({
      id: storyRevisions.id,
      reason: storyRevisions.reason,
      authorId: storyRevisions.authorId,
      createdAt: storyRevisions.createdAt,
    })
    .from(storyRevisions)
    .where(eq(storyRevisions.storyId, story.id))
    .orderBy(desc(storyRevisions.id))
    .limit(1)
    .get();
  const foldable =
    last &&
    last.reason === "autosave" &&
    last.authorId === authorId &&
    now.getTime() - last.createdAt.getTime() < REVISION_WINDOW_MS;
  if (!foldable) {
    insertRevision(tx, story, "autosave", authorId, now);
    return;
  }
  tx.update(storyRevisions)
    .set({
      version: story.version,
      kicker: story.kicker,
      headline: story.headline,
      subheadline: story.subheadline,
      byline: story.byline,
      body: story.body,
      bodyText: story.bodyText,
    })
    .where(eq(storyRevisions.id, last.id))
    .run();
}

export type RevisionSummary = {
  id: number;
  version: number;
  reason: string;
  authorName: string | null;
  createdAt: number;
  charCount: number;
};

export function listRevisions(viewer: NamedActor, storyId: number): RevisionSummary[] {
  loadVisibleStory(db(), viewer, storyId);
  return db()
    .select({
      id: storyRevisions.id,
      version: storyRevisions.version,
      reason: storyRevisions.reason,
      authorName: users.displayName,
      createdAt: storyRevisions.createdAt,
      bodyText: storyRevisions.bodyText,
    })
    .from(storyRevisions)
    .leftJoin(users, eq(storyRevisions.authorId, users.id))
    .where(eq(storyRevisions.storyId, storyId))
    .orderBy(desc(storyRevisions.id))
    .all()
    .map(({ bodyText, ...r }) => ({
      ...r,
      createdAt: r.createdAt.getTime(),
      charCount: countCharacters(bodyText),
    }));
}

export type RevisionText = { id: number; version: number; title: string; text: string };

/** A revision as text for comparing: its headings and body, one line per block. */
export function getRevisionText(
  viewer: NamedActor,
  storyId: number,
  revisionId: number,
): RevisionText {
  loadVisibleStory(db(), viewer, storyId);
  const revision = db()
    .select()
    .from(storyRevisions)
    .where(and(eq(storyRevisions.id, revisionId), eq(storyRevisions.storyId, storyId)))
    .get();
  if (!revision) throw new AppError("not_found");
  const title = [revision.kicker, revision.headline, revision.subheadline]
    .filter(Boolean)
    .join("\n");
  return { id: revision.id, version: revision.version, title, text: revision.bodyText };
}
