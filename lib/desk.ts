// Reads for the desk's home: what the viewer has on their plate.
import "server-only";
import { count, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { stories } from "@/db/schema";
import { can, type Role } from "@/lib/permissions";
import type { StoryStatus } from "@/lib/workflow/story";

/** Stories by status: a reporter's own, or the whole newsroom's for editors. */
export function countStoriesByStatus(viewer: {
  id: number;
  role: Role;
}): Partial<Record<StoryStatus, number>> {
  const query = db().select({ status: stories.status, n: count() }).from(stories).$dynamic();
  const rows = (
    can(viewer, "story:edit-any") ? query : query.where(eq(stories.authorId, viewer.id))
  )
    .groupBy(stories.status)
    .all();
  return Object.fromEntries(rows.map((r) => [r.status, r.n]));
}
