// Writing a parsed page into the paper: its stories, the issue and page, placements, audit.
import { and, desc, eq, lt, max } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { issues, pages, placements, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import type { PlacementSlot } from "@/lib/domain/layout";
import type { Byline } from "@/lib/domain/story";
import { AppError, zodFieldErrors } from "@/lib/errors";
import { isValidIssueDate } from "@/lib/import/target";
import type { ParsedArticle, ParsedPage } from "@/lib/import/types";
import { assertLayoutOpen, insertIssue, recordLayoutChange } from "@/lib/issue-rows";
import { assertPageLayoutOpen } from "@/lib/page-freeze";
import { can, type Role } from "@/lib/permissions";
import { prepareBody } from "@/lib/story-body";
import { StoryFields } from "@/lib/story-input";
import { insertStory, type NewStoryText } from "@/lib/story-rows";
import { paragraphsToDoc } from "@/lib/text";
import { allowed, applyTransition } from "@/lib/workflow/apply";
import { storyContext, storyState } from "@/lib/workflow/context";
import { decideStory } from "@/lib/workflow/story";

export const DEFAULT_PAGE_NAME = "要闻";

export type ImportIntoPageInput = {
  parsed: ParsedPage;
  /** Issue date, YYYY-MM-DD. */
  date: string;
  pageNumber: number;
  /** Name for the page when it has to be created. */
  pageName?: string;
  /** Approved stories are ready for the page; drafts go through the desk first. */
  status: "approved" | "draft";
  /** The user the stories, revisions and audit rows are attributed to. */
  actorId: number;
  /** Where the text came from (a file name), kept in the audit rows. */
  source?: string;
  now: Date;
};

export type ImportResult = {
  issueId: number;
  issueNumber: number;
  createdIssue: boolean;
  pageId: number;
  createdPage: boolean;
  storyIds: number[];
};

function storedByline(byline: Byline): Byline {
  return { ...byline, agency: byline.agency ?? null, credit: byline.credit ?? null };
}

function assertActorMayImport(tx: Tx, actorId: number): { id: number; role: Role } {
  const actor = tx
    .select({ id: users.id, role: users.role, isActive: users.isActive })
    .from(users)
    .where(eq(users.id, actorId))
    .get();
  if (!actor?.isActive) throw new AppError("unauthorized");
  // Importing creates stories and lays them out: the editor's power to plan issues.
  if (!can(actor, "story:create") || !can(actor, "issue:plan")) throw new AppError("forbidden");
  return { id: actor.id, role: actor.role };
}

/** The article as the editor would save it: the same schema, the same limits (StoryFields). */
function storyText(article: ParsedArticle, index: number): NewStoryText {
  const parsed = StoryFields.safeParse({
    kind: article.kind,
    kicker: article.kicker,
    headline: article.headline ?? "",
    subheadline: article.subheadline,
    byline: storedByline(article.byline),
    body: null,
  });
  if (!parsed.success) {
    const fieldErrors = zodFieldErrors(parsed.error, `stories.${index}.`);
    throw new AppError("invalid_input", "import_story_invalid", fieldErrors);
  }
  const { body: _unused, ...fields } = parsed.data;
  return { ...fields, ...prepareBody(paragraphsToDoc(article.paragraphs)) };
}

function findOrCreateIssue(tx: Tx, input: ImportIntoPageInput) {
  const existing = tx.select().from(issues).where(eq(issues.date, input.date)).get();
  // A published issue's layout is closed, as on the layout desk: no story is slipped onto it.
  if (existing) {
    assertLayoutOpen(existing);
    return { issue: existing, created: false };
  }
  // 期 count up: the issue before this date decides the number.
  const previous = tx
    .select({ number: issues.number })
    .from(issues)
    .where(lt(issues.date, input.date))
    .orderBy(desc(issues.date))
    .limit(1)
    .get();
  const issue = insertIssue(
    tx,
    { date: input.date, number: (previous?.number ?? 0) + 1 },
    input.actorId,
    input.now,
    { via: "import" },
  );
  return { issue, created: true };
}

function findOrCreatePage(tx: Tx, issueId: number, input: ImportIntoPageInput) {
  const existing = tx
    .select()
    .from(pages)
    .where(and(eq(pages.issueId, issueId), eq(pages.number, input.pageNumber)))
    .get();
  if (existing) return { page: existing, created: false };
  const page = tx
    .insert(pages)
    .values({
      issueId,
      number: input.pageNumber,
      name: input.pageName?.trim() || DEFAULT_PAGE_NAME,
      banner: input.parsed.page.banner,
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning()
    .get();
  recordAudit(tx, {
    actorId: input.actorId,
    action: "page.create",
    subjectType: "page",
    subjectId: page.id,
    detail: { issueId, number: page.number, name: page.name, via: "import" },
    now: input.now,
  });
  return { page, created: true };
}

function slotFor(article: ParsedArticle, isLead: boolean): PlacementSlot {
  if (article.kind === "photo") return "photo";
  return isLead ? "lead" : "main";
}

/**
 * Creates the page's stories (with their first revision) and places them, in order, on
 * page `pageNumber` of the issue dated `date`, creating the issue (planned, numbered after
 * the previous issue) and the page when missing. One IMMEDIATE transaction: a failure at
 * any story leaves nothing behind. The first news story leads a page that was empty; photo
 * stories take the photo slot; the rest are main.
 */
export function importIntoPage(input: ImportIntoPageInput, database = db()): ImportResult {
  if (!isValidIssueDate(input.date)) throw new AppError("invalid_input", "import_bad_date");
  if (!Number.isInteger(input.pageNumber) || input.pageNumber < 1) {
    throw new AppError("invalid_input", "import_bad_page");
  }
  if (input.parsed.articles.length === 0) throw new AppError("invalid_input", "import_no_stories");

  return database.transaction(
    (tx) => {
      const actor = assertActorMayImport(tx, input.actorId);
      const { issue, created: createdIssue } = findOrCreateIssue(tx, input);
      // A signed-off page (or a new page in a signed-off issue) is frozen until it is reopened.
      if (issue.signedOffAt) throw new AppError("conflict", "issue_signed_off");
      const { page, created: createdPage } = findOrCreatePage(tx, issue.id, input);
      assertPageLayoutOpen(page);
      const last = tx
        .select({ position: max(placements.position) })
        .from(placements)
        .where(eq(placements.pageId, page.id))
        .get();
      const wasEmpty = last?.position == null;
      let position = wasEmpty ? 0 : (last?.position ?? 0) + 1;
      let leadTaken = !wasEmpty;
      const storyIds: number[] = [];

      const ctx = storyContext(tx, actor, "import");
      for (const [index, article] of input.parsed.articles.entries()) {
        const isLead = !leadTaken && article.kind === "news";
        if (isLead) leadTaken = true;
        const slot = slotFor(article, isLead);
        const detail = {
          source: input.source ?? null,
          issueDate: issue.date,
          page: page.number,
          position,
          slot,
        };
        let story = insertStory(tx, storyText(article, index), {
          authorId: actor.id,
          deskId: page.deskId,
          reason: "import",
          now: input.now,
          detail,
        });
        if (input.status === "approved") {
          const decision = allowed(decideStory(ctx, storyState(tx, story), "admit"));
          story = applyTransition(tx, { kind: "story", row: story }, decision, actor, input.now);
        }
        tx.insert(placements).values({ pageId: page.id, storyId: story.id, position, slot }).run();
        storyIds.push(story.id);
        position += 1;
      }
      // The import is a layout change of the issue: its version moves, so a publish-now made
      // against the layout as it was before the import is refused as stale.
      const current = tx.select().from(issues).where(eq(issues.id, issue.id)).get() ?? issue;
      recordLayoutChange(tx, current, {
        actorId: actor.id,
        action: "placement.import",
        subjectType: "issue",
        subjectId: issue.id,
        detail: { page: page.number, stories: storyIds, source: input.source ?? null },
        now: input.now,
      });
      return {
        issueId: issue.id,
        issueNumber: issue.number,
        createdIssue,
        pageId: page.id,
        createdPage,
        storyIds,
      };
    },
    { behavior: "immediate" },
  );
}
