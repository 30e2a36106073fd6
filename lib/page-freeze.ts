// What a signed-off page (签发) freezes: its layout and the text of the stories on it. Until the
// page is reopened with a reason, lib/issues, lib/import and lib/stories refuse to change either
// (no server-only: the command-line importer uses it).
import { and, eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { pages, placements } from "@/db/schema";
import { AppError } from "@/lib/errors";

/** The signed-off page a story sits on, if any. */
export function frozenPageOfStory(tx: Tx, storyId: number): { id: number } | undefined {
  return tx
    .select({ id: pages.id })
    .from(placements)
    .innerJoin(pages, eq(placements.pageId, pages.id))
    .where(and(eq(placements.storyId, storyId), eq(pages.status, "signed_off")))
    .get();
}

export function assertStoryTextOpen(tx: Tx, storyId: number): void {
  if (frozenPageOfStory(tx, storyId)) throw new AppError("conflict", "page_signed_off");
}

export function assertPageLayoutOpen(page: { status: string }): void {
  if (page.status === "signed_off") throw new AppError("conflict", "page_signed_off");
}
