// Tests that publish an issue sign it off first, as the newsroom must: every round of every
// page completed by a proofreader, each page and then the issue signed off by a duty editor.
import { asc, eq } from "drizzle-orm";
import { db } from "@/db/client";
import { pages } from "@/db/schema";
import { insertUser } from "@/db/testing/temp-database";
import { completeRound } from "@/lib/proofreading";
import { getFullSettings } from "@/lib/settings";
import { signOffIssue, signOffPage } from "@/lib/sign-off";

export async function signOffIssueForTest(issueId: number, now: Date): Promise<void> {
  const proofreader = { ...(await insertUser("proofreader")), displayName: "校对" };
  const chief = { ...(await insertUser("chief_editor")), displayName: "值班总编" };
  const rows = db()
    .select({ id: pages.id, status: pages.status })
    .from(pages)
    .where(eq(pages.issueId, issueId))
    .orderBy(asc(pages.number))
    .all();
  for (const page of rows) {
    if (page.status === "signed_off") continue;
    for (let round = 1; round <= getFullSettings().proofRounds; round += 1) {
      try {
        completeRound(proofreader, { pageId: page.id, round }, now);
      } catch {
        // already completed before a reopen
      }
    }
    signOffPage(chief, { pageId: page.id }, now);
  }
  signOffIssue(chief, { issueId }, now);
}
