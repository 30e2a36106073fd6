// Issues must be signed off (签发) before they publish. Specs about something else sign theirs
// off here: in the browser as a duty editor (the rounds recorded for a proofreader), or, for
// specs that write their issues straight into the database, straight into the database.
import { type Browser, expect } from "@playwright/test";
import type Database from "better-sqlite3";
import { createTestUser, signInAndWait, testDb } from "./fixtures";

function pagesOf(db: Database.Database, issueId: number): { id: number; number: number }[] {
  return db
    .prepare("SELECT id, number FROM pages WHERE issue_id = ? ORDER BY number")
    .all(issueId) as { id: number; number: number }[];
}

/** Record every proofreading round the paper asks for on each page of the issue. */
async function completeRounds(db: Database.Database, issueId: number): Promise<void> {
  const proofreader = await createTestUser("proofreader");
  const { rounds } = db
    .prepare("SELECT proof_rounds AS rounds FROM settings WHERE id = 1")
    .get() as {
    rounds: number;
  };
  const insert = db.prepare(
    "INSERT OR IGNORE INTO proof_rounds (page_id, round, proofreader_id, completed_at) VALUES (?, ?, ?, ?)",
  );
  for (const page of pagesOf(db, issueId)) {
    for (let round = 1; round <= rounds; round += 1)
      insert.run(page.id, round, proofreader.id, Date.now());
  }
}

/** A duty editor signs off every page of the issue and then the issue, on the layout desk. */
export async function signOffIssueInBrowser(browser: Browser, issueId: number): Promise<void> {
  const db = testDb();
  let pageNumbers: number[];
  try {
    await completeRounds(db, issueId);
    pageNumbers = pagesOf(db, issueId).map((p) => p.number);
  } finally {
    db.close();
  }
  const chief = await createTestUser("chief_editor");
  const context = await browser.newContext({ storageState: { cookies: [], origins: [] } });
  const page = await context.newPage();
  page.on("dialog", (dialog) => void dialog.accept());
  await signInAndWait(page, chief.email, chief.password);
  for (const number of pageNumbers) {
    await page.goto(`/desk/issues/${issueId}?page=${number}`);
    const panel = page.getByTestId("sign-off-panel");
    await panel.getByRole("button", { name: "签发本版" }).click();
    await expect(page.getByTestId("page-sign-off-status")).toHaveAttribute(
      "data-status",
      "signed_off",
    );
  }
  await page.getByTestId("issue-sign-off").getByRole("button", { name: "签发本期" }).click();
  await expect(page.getByTestId("issue-sign-off")).toContainText("这一期已签发");
  await context.close();
}

/** Mark an issue written straight into the database as signed off, pages and all. */
export function markIssueSignedOff(db: Database.Database, issueId: number): void {
  const now = Date.now();
  for (const page of pagesOf(db, issueId)) {
    db.prepare("UPDATE pages SET status = 'signed_off', version = version + 1 WHERE id = ?").run(
      page.id,
    );
    db.prepare(
      "INSERT INTO page_sign_offs (page_id, signed_off_at, snapshot) VALUES (?, ?, ?)",
    ).run(
      page.id,
      now,
      JSON.stringify({
        page: { number: page.number, name: "", banner: null },
        placements: [],
        stories: [],
      }),
    );
  }
  db.prepare("UPDATE issues SET signed_off_at = ? WHERE id = ?").run(now, issueId);
}
