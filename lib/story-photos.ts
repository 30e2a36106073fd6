// The links between a story and the photos its body shows (story_photos), written inside the
// caller's transaction.
import { eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { media, storyPhotos } from "@/db/schema";
import type { RichTextDoc } from "@/lib/domain/rich-text";
import { isMediaId } from "@/lib/editor-extensions";

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
