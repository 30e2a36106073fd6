// Writing a parsed page into the paper: its stories, the issue and page, placements, audit.
import { and, desc, eq, lt, max } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import {
  type Byline,
  issues,
  type PlacementSlot,
  pages,
  placements,
  stories,
  storyRevisions,
  users,
} from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { AppError } from "@/lib/errors";
import { isValidIssueDate } from "@/lib/import/target";
import type { ParsedArticle, ParsedPage } from "@/lib/import/types";
import { can } from "@/lib/permissions";
import { countCharacters, docToPlainText, paragraphsToDoc } from "@/lib/text";

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

function assertActorMayImport(tx: Tx, actorId: number): void {
  const actor = tx
    .select({ id: users.id, role: users.role, isActive: users.isActive })
    .from(users)
    .where(eq(users.id, actorId))
    .get();
  if (!actor?.isActive) throw new AppError("unauthorized");
  // Importing creates stories and lays them out: the editor's power to plan issues.
  if (!can(actor, "story:create") || !can(actor, "issue:plan")) throw new AppError("forbidden");
}

function findOrCreateIssue(tx: Tx, input: ImportIntoPageInput) {
  const existing = tx.select().from(issues).where(eq(issues.date, input.date)).get();
  // A published issue's layout is closed, as on the layout desk: no story is slipped onto it.
  if (existing?.status === "published") throw new AppError("invalid_input", "issue_published");
  if (existing) return { issue: existing, created: false };
  // 期 count up: the issue before this date decides the number.
  const previous = tx
    .select({ number: issues.number })
    .from(issues)
    .where(lt(issues.date, input.date))
    .orderBy(desc(issues.date))
    .limit(1)
    .get();
  const issue = tx
    .insert(issues)
    .values({
      date: input.date,
      number: (previous?.number ?? 0) + 1,
      status: "planned",
      createdAt: input.now,
      updatedAt: input.now,
    })
    .returning()
    .get();
  recordAudit(tx, {
    actorId: input.actorId,
    action: "issue.create",
    subjectType: "issue",
    subjectId: issue.id,
    toState: "planned",
    detail: { date: issue.date, number: issue.number, via: "import" },
    now: input.now,
  });
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
      assertActorMayImport(tx, input.actorId);
      const { issue, created: createdIssue } = findOrCreateIssue(tx, input);
      const { page, created: createdPage } = findOrCreatePage(tx, issue.id, input);
      const last = tx
        .select({ position: max(placements.position) })
        .from(placements)
        .where(eq(placements.pageId, page.id))
        .get();
      const wasEmpty = last?.position == null;
      let position = wasEmpty ? 0 : (last?.position ?? 0) + 1;
      let leadTaken = !wasEmpty;
      const storyIds: number[] = [];

      for (const article of input.parsed.articles) {
        const body = paragraphsToDoc(article.paragraphs);
        const bodyText = docToPlainText(body);
        const byline = storedByline(article.byline);
        const headline = article.headline ?? "";
        const story = tx
          .insert(stories)
          .values({
            kind: article.kind,
            kicker: article.kicker,
            headline,
            subheadline: article.subheadline,
            byline,
            body,
            bodyText,
            charCount: countCharacters(bodyText),
            status: input.status,
            authorId: input.actorId,
            createdAt: input.now,
            updatedAt: input.now,
          })
          .returning({ id: stories.id, version: stories.version })
          .get();
        tx.insert(storyRevisions)
          .values({
            storyId: story.id,
            version: story.version,
            kicker: article.kicker,
            headline,
            subheadline: article.subheadline,
            byline,
            body,
            bodyText,
            reason: "import",
            authorId: input.actorId,
            createdAt: input.now,
          })
          .run();
        const isLead = !leadTaken && article.kind === "news";
        if (isLead) leadTaken = true;
        const slot = slotFor(article, isLead);
        tx.insert(placements).values({ pageId: page.id, storyId: story.id, position, slot }).run();
        recordAudit(tx, {
          actorId: input.actorId,
          action: "story.import",
          subjectType: "story",
          subjectId: story.id,
          toState: input.status,
          detail: {
            source: input.source ?? null,
            issueDate: issue.date,
            page: page.number,
            position,
            slot,
          },
          now: input.now,
        });
        storyIds.push(story.id);
        position += 1;
      }
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
