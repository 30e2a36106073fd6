// Writing story rows inside a caller's transaction: the body checked against the editor's
// limits, the photos it shows, a new story with its first revision. Shared by the desk and the
// importer (no server-only: the import command runs it from the shell).
import { eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { media, type Story, stories, storyPhotos } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { RichTextDoc } from "@/lib/domain/rich-text";
import type { Byline } from "@/lib/domain/story";
import { isMediaId } from "@/lib/editor-extensions";
import { AppError } from "@/lib/errors";
import { isValidDoc, sanitizeDoc } from "@/lib/render";
import { insertRevision } from "@/lib/revisions";
import { MAX_BODY_CHARS, MAX_BODY_JSON_BYTES } from "@/lib/story-input";
import { countCharacters, docToPlainText } from "@/lib/text";

/** Sanitize the body against the editor's schema and derive its text and length. */
export function prepareBody(input: unknown): {
  body: RichTextDoc;
  bodyText: string;
  charCount: number;
} {
  let size = 0;
  try {
    size = JSON.stringify(input ?? null).length;
  } catch {
    throw new AppError("invalid_input", "body_invalid");
  }
  if (size > MAX_BODY_JSON_BYTES) throw new AppError("invalid_input", "too_long");
  const body = sanitizeDoc(input);
  // The schema wants at least one block; an empty story is one empty paragraph.
  if (!body.content?.length) body.content = [{ type: "paragraph" }];
  if (!isValidDoc(body)) throw new AppError("invalid_input", "body_invalid");
  const bodyText = docToPlainText(body);
  if (bodyText.length > MAX_BODY_CHARS) throw new AppError("invalid_input", "too_long");
  return { body, bodyText, charCount: countCharacters(bodyText) };
}

/**
 * The photos a story shows, in body order: a photo story's pictures, a news story's lead image.
 * Kept in step with the body's photo blocks in the same transaction as every save, so readers'
 * pages and the media route know which photos a story uses without reading its JSON.
 */
export function syncStoryPhotos(tx: Tx, storyId: number, body: RichTextDoc): void {
  const wanted: number[] = [];
  const walk = (nodes: RichTextDoc["content"]) => {
    for (const node of nodes ?? []) {
      const id = node.attrs?.mediaId;
      if (node.type === "photo" && isMediaId(id) && !wanted.includes(id)) wanted.push(id);
      walk(node.content);
    }
  };
  walk(body.content);
  const existing = new Set(
    wanted.length > 0
      ? tx
          .select({ id: media.id })
          .from(media)
          .where(inArray(media.id, wanted))
          .all()
          .map((m) => m.id)
      : [],
  );
  tx.delete(storyPhotos).where(eq(storyPhotos.storyId, storyId)).run();
  wanted
    .filter((id) => existing.has(id))
    .forEach((mediaId, position) => {
      tx.insert(storyPhotos).values({ storyId, mediaId, position }).run();
    });
}

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
