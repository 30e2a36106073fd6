// An issue's stories move with it: going live (or again), coming down, each step decided by the
// engine and written by apply.ts. No server-only: the seed publishes the demo issue with it.
import { and, eq, inArray } from "drizzle-orm";
import type { Tx } from "@/db/client";
import { type Issue, pages, placements, type Story, stories } from "@/db/schema";
import type { Actor } from "@/lib/permissions";
import { allowed, applyTransition, refusalError } from "@/lib/workflow/apply";
import { storyContext, storyState } from "@/lib/workflow/context";
import { decideIssue } from "@/lib/workflow/issue";
import { decideStory, type StoryAction } from "@/lib/workflow/story";

function placedStories(tx: Tx, issueId: number, statuses: Story["status"][]): Story[] {
  const ids = tx
    .select({ id: placements.storyId })
    .from(placements)
    .innerJoin(pages, eq(placements.pageId, pages.id))
    .where(eq(pages.issueId, issueId))
    .all()
    .map((r) => r.id);
  if (ids.length === 0) return [];
  return tx
    .select()
    .from(stories)
    .where(and(inArray(stories.id, ids), inArray(stories.status, statuses)))
    .all();
}

/** Move every story on the issue with it, each step decided by the engine (via the issue). */
export function moveIssueStories(
  tx: Tx,
  issue: Issue,
  actor: Actor | null,
  actions: Partial<Record<Story["status"], StoryAction>>,
  note: string | null,
  now: Date,
): number {
  const going = placedStories(tx, issue.id, Object.keys(actions) as Story["status"][]);
  const ctx = storyContext(tx, actor, "issue");
  for (const story of going) {
    const action = actions[story.status];
    if (!action) continue;
    const decision = allowed(decideStory(ctx, storyState(tx, story), action, note));
    applyTransition(tx, { kind: "story", row: story }, decision, actor, now, { issueId: issue.id });
  }
  return going.length;
}

/**
 * Put an issue live inside the caller's transaction, as the engine decides: the clock (no actor)
 * publishes only a scheduled issue that is due. applyTransition moves only an issue still at the
 * status and version the caller saw, so two processes publishing the same due issue publish it
 * once: the second finds it already published and does nothing.
 */
export function publishIssueInTx(tx: Tx, issue: Issue, actor: Actor | null, now: Date): boolean {
  const decision = decideIssue({ viewer: actor, now }, issue, "publish");
  if (!decision.ok) {
    if (actor) throw refusalError(decision);
    return false;
  }
  const count = moveIssueStories(
    tx,
    issue,
    actor,
    { approved: "publish", withdrawn: "republish" },
    null,
    now,
  );
  applyTransition(tx, { kind: "issue", row: issue }, decision, actor, now, {
    date: issue.date,
    stories: count,
    scheduledFor: issue.publishAt?.toISOString() ?? null,
  });
  return true;
}
