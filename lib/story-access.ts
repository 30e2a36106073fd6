// Who may see a story, and the story as an editor is shown it. No server-only: the importer's
// shell command reaches here through lib/comments and lib/workflow/apply.
import { eq } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { type Story, stories } from "@/db/schema";
import { AppError } from "@/lib/errors";
import { can, type NamedActor } from "@/lib/permissions";

/** What an editor needs to show a story; also what a conflicting save is shown beside. */
export type StorySnapshot = Pick<
  Story,
  | "id"
  | "kind"
  | "kicker"
  | "headline"
  | "subheadline"
  | "byline"
  | "body"
  | "status"
  | "version"
  | "authorId"
  | "charCount"
> & { updatedAt: number };

export function snapshotOf(story: Story): StorySnapshot {
  return {
    id: story.id,
    kind: story.kind,
    kicker: story.kicker,
    headline: story.headline,
    subheadline: story.subheadline,
    byline: story.byline,
    body: story.body,
    status: story.status,
    version: story.version,
    authorId: story.authorId,
    charCount: story.charCount,
    updatedAt: story.updatedAt.getTime(),
  };
}

/** Reporters see their own stories; editors and admins see every story. */
export function canViewStory(viewer: NamedActor, story: Pick<Story, "authorId">): boolean {
  return can(viewer, "story:edit-any") || story.authorId === viewer.id;
}

/** The story if the viewer may see it; another reporter's story answers "not found". */
export function loadVisibleStory(tx: Tx, viewer: NamedActor, storyId: number): Story {
  const story = tx.select().from(stories).where(eq(stories.id, storyId)).get();
  // Another reporter's story answers "not found", so ids reveal nothing.
  if (!story || !canViewStory(viewer, story)) throw new AppError("not_found");
  return story;
}
