// What the desk's pages read about stories: one story as its editor shows it, and a reporter's
// own stories with the latest comment on each. Comments themselves are read from lib/comments.
import "server-only";
import { desc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { type Story, stories, users } from "@/db/schema";
import { latestCommentsOn } from "@/lib/comments";
import { frozenPageOfStory } from "@/lib/page-freeze";
import type { NamedActor } from "@/lib/permissions";
import { loadVisibleStory, type StorySnapshot, snapshotOf } from "@/lib/story-access";
import { getStoryProgress, type StoryProgress } from "@/lib/story-progress";
import { canEditStory } from "@/lib/workflow/story";

/** A story as the desk's editor shows it; its comments come from lib/comments. */
export type DeskStory = StorySnapshot & {
  canEdit: boolean;
  authorName: string;
  progress: StoryProgress;
  /** It sits on a signed-off page: its text is frozen until the page is reopened. */
  isFrozen: boolean;
};

export function getDeskStory(viewer: NamedActor, storyId: number): DeskStory {
  const story = loadVisibleStory(db(), viewer, storyId);
  const author = db()
    .select({ name: users.displayName })
    .from(users)
    .where(eq(users.id, story.authorId))
    .get();
  const isFrozen = frozenPageOfStory(db(), story.id) !== undefined;
  return {
    ...snapshotOf(story),
    canEdit: canEditStory(viewer, story) && !isFrozen,
    authorName: author?.name ?? "",
    progress: getStoryProgress(viewer, story),
    isFrozen,
  };
}

export type MyStory = {
  id: number;
  headline: string;
  status: Story["status"];
  charCount: number;
  updatedAt: number;
  latestComment: string | null;
};

/** A reporter's own stories, newest first, each with the latest comment by someone else. */
export function listMyStories(viewer: NamedActor): MyStory[] {
  const rows = db()
    .select({
      id: stories.id,
      headline: stories.headline,
      status: stories.status,
      charCount: stories.charCount,
      updatedAt: stories.updatedAt,
    })
    .from(stories)
    .where(eq(stories.authorId, viewer.id))
    .orderBy(desc(stories.updatedAt))
    .limit(500)
    .all();
  // The reporter's own replies are not editors' comments.
  const latest = latestCommentsOn(
    rows.map((r) => r.id),
    viewer.id,
  );
  return rows.map((r) => ({
    ...r,
    updatedAt: r.updatedAt.getTime(),
    latestComment: latest.get(r.id) ?? null,
  }));
}
