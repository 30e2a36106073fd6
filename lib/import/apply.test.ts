import fs from "node:fs";
import path from "node:path";
import { asc, eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import {
  auditEvents,
  issues,
  pages,
  placements,
  stories,
  storyRevisions,
  users,
} from "@/db/schema";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import { importIntoPage } from "@/lib/import/apply";
import { parsePage } from "@/lib/import/parse-page";
import type { ParsedPage } from "@/lib/import/types";
import { publishIssueNow } from "@/lib/publishing";
import { countCharacters } from "@/lib/text";

withTempDatabase();
const now = new Date("2026-03-01T08:00:00Z");
const seed = parsePage(
  fs.readFileSync(path.join(process.cwd(), "db/fixtures/seed-page.txt"), "utf8"),
);

function counts() {
  const d = db();
  return {
    issues: d.select().from(issues).all().length,
    pages: d.select().from(pages).all().length,
    stories: d.select().from(stories).all().length,
    revisions: d.select().from(storyRevisions).all().length,
    placements: d.select().from(placements).all().length,
    audit: d.select().from(auditEvents).all().length,
  };
}

describe("importing a page into an issue", () => {
  it("creates the issue, the page, the stories with revisions, placements and audit rows", async () => {
    const editor = await insertUser("editor");
    const result = importIntoPage({
      parsed: seed,
      date: "2023-03-01",
      pageNumber: 2,
      status: "approved",
      actorId: editor.id,
      source: "seed-page.txt",
      now,
    });
    expect(result).toMatchObject({ createdIssue: true, createdPage: true, issueNumber: 1 });
    expect(result.storyIds).toHaveLength(7);

    const issue = db().select().from(issues).where(eq(issues.id, result.issueId)).get();
    expect(issue).toMatchObject({ date: "2023-03-01", number: 1, status: "planned" });
    const page = db().select().from(pages).where(eq(pages.id, result.pageId)).get();
    expect(page).toMatchObject({ number: 2, name: "要闻", banner: seed.page.banner });

    const rows = db().select().from(stories).orderBy(asc(stories.id)).all();
    expect(rows.map((s) => s.headline)).toEqual(seed.articles.map((a) => a.headline));
    for (const [i, row] of rows.entries()) {
      const article = seed.articles[i];
      expect(row.status).toBe("approved");
      expect(row.authorId).toBe(editor.id);
      expect(row.kind).toBe(article?.kind);
      expect(row.bodyText).toBe(article?.paragraphs.join("\n"));
      expect(row.charCount).toBe(countCharacters(row.bodyText));
      expect(row.body.content).toHaveLength(article?.paragraphs.length ?? -1);
      expect(row.byline).toEqual({
        agency: null,
        credit: null,
        ...article?.byline,
      });
    }

    // Each story: its imported text, then the engine's step to ready-for-layout (admit).
    const revisions = db().select().from(storyRevisions).orderBy(asc(storyRevisions.id)).all();
    expect(revisions).toHaveLength(14);
    expect(revisions.map((r) => r.reason)).toEqual(
      result.storyIds.flatMap(() => ["import", "admit"]),
    );
    expect([...new Set(revisions.map((r) => r.storyId))].sort()).toEqual(
      [...result.storyIds].sort(),
    );

    const placed = db()
      .select()
      .from(placements)
      .where(eq(placements.pageId, result.pageId))
      .orderBy(asc(placements.position))
      .all();
    expect(placed.map((p) => p.storyId)).toEqual(result.storyIds);
    expect(placed.map((p) => p.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(placed.map((p) => p.slot)).toEqual([
      "lead",
      "main",
      "main",
      "main",
      "photo",
      "main",
      "main",
    ]);

    const audit = db().select().from(auditEvents).orderBy(asc(auditEvents.id)).all();
    expect(audit.map((a) => a.action)).toEqual([
      "issue.create",
      "page.create",
      ...result.storyIds.flatMap(() => ["story.import", "story.admit"]),
      "placement.import",
    ]);
    expect(audit.every((a) => a.actorId === editor.id)).toBe(true);
    expect(audit[2]?.detail).toMatchObject({ source: "seed-page.txt", page: 2, slot: "lead" });
  });

  it("numbers a new issue after the previous one and creates drafts when asked", async () => {
    const admin = await insertUser("admin");
    db().insert(issues).values({ date: "2023-02-27", number: 41 }).run();
    db().insert(issues).values({ date: "2023-03-09", number: 50 }).run();
    const result = importIntoPage({
      parsed: seed,
      date: "2023-03-01",
      pageNumber: 1,
      pageName: "综合新闻",
      status: "draft",
      actorId: admin.id,
      now,
    });
    expect(result.issueNumber).toBe(42);
    expect(db().select().from(pages).where(eq(pages.id, result.pageId)).get()?.name).toBe(
      "综合新闻",
    );
    const statuses = db().select({ status: stories.status }).from(stories).all();
    expect(new Set(statuses.map((s) => s.status))).toEqual(new Set(["draft"]));
  });

  it("adds to an existing page after what is there, without taking the lead", async () => {
    const editor = await insertUser("editor");
    const first = importIntoPage({
      parsed: { page: seed.page, articles: seed.articles.slice(0, 2) },
      date: "2023-03-01",
      pageNumber: 1,
      status: "approved",
      actorId: editor.id,
      now,
    });
    const second = importIntoPage({
      parsed: { page: seed.page, articles: seed.articles.slice(2) },
      date: "2023-03-01",
      pageNumber: 1,
      status: "approved",
      actorId: editor.id,
      now,
    });
    expect(second).toMatchObject({ createdIssue: false, createdPage: false, pageId: first.pageId });
    const placed = db().select().from(placements).orderBy(asc(placements.position)).all();
    expect(placed.map((p) => p.position)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    expect(placed.filter((p) => p.slot === "lead")).toHaveLength(1);
    expect(placed[0]?.slot).toBe("lead");
    const actions = db().select({ action: auditEvents.action }).from(auditEvents).all();
    expect(actions.filter((a) => a.action === "issue.create")).toHaveLength(1);
  });

  it("leaves nothing behind when a story fails mid-way", async () => {
    const editor = await insertUser("editor");
    const broken: ParsedPage = {
      page: seed.page,
      articles: seed.articles.map((a, i) =>
        i === 3 ? ({ ...a, kind: "advertisement" } as unknown as typeof a) : a,
      ),
    };
    const before = counts();
    expect(() =>
      importIntoPage({
        parsed: broken,
        date: "2023-03-01",
        pageNumber: 1,
        status: "approved",
        actorId: editor.id,
        now,
      }),
    ).toThrow();
    expect(counts()).toEqual(before);
    expect(before).toMatchObject({ issues: 0, stories: 0, audit: 0 });
  });

  it("refuses reporters, inactive users and bad targets, writing nothing", async () => {
    const reporter = await insertUser("reporter");
    const gone = await insertUser("editor", { isActive: false });
    const base = {
      parsed: seed,
      date: "2023-03-01",
      pageNumber: 1,
      status: "approved" as const,
      now,
    };
    expect(() => importIntoPage({ ...base, actorId: reporter.id })).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    expect(() => importIntoPage({ ...base, actorId: gone.id })).toThrow(
      expect.objectContaining({ code: "unauthorized" }),
    );
    const editor = await insertUser("editor");
    expect(() => importIntoPage({ ...base, actorId: editor.id, date: "2023-02-30" })).toThrow(
      expect.objectContaining({ code: "invalid_input" }),
    );
    expect(() => importIntoPage({ ...base, actorId: editor.id, pageNumber: 0 })).toThrow(
      expect.objectContaining({ code: "invalid_input" }),
    );
    expect(() =>
      importIntoPage({ ...base, actorId: editor.id, parsed: { page: seed.page, articles: [] } }),
    ).toThrow(expect.objectContaining({ messageKey: "import_no_stories" }));
    expect(counts()).toMatchObject({ issues: 0, pages: 0, stories: 0, audit: 0 });
    expect(db().select().from(users).all()).toHaveLength(3);
  });
});

describe("the importer goes through the same doors as the desk", () => {
  it("refuses a story the editor could not save (a headline past the editor's limit), writing nothing", async () => {
    const editor = await insertUser("editor");
    const first = seed.articles[0];
    if (!first) throw new Error("seed page has no stories");
    const tooLong: ParsedPage = {
      page: seed.page,
      articles: [first, { ...first, headline: "长".repeat(201) }],
    };
    const before = counts();
    expect(() =>
      importIntoPage({
        parsed: tooLong,
        date: "2023-03-01",
        pageNumber: 1,
        status: "approved",
        actorId: editor.id,
        now,
      }),
    ).toThrow(
      expect.objectContaining({
        code: "invalid_input",
        messageKey: "import_story_invalid",
        fieldErrors: { "stories.1.headline": ["too_long"] },
      }),
    );
    const longName: ParsedPage = {
      page: seed.page,
      articles: [{ ...first, byline: { ...first.byline, reporters: ["名".repeat(41)] } }],
    };
    expect(() =>
      importIntoPage({
        parsed: longName,
        date: "2023-03-01",
        pageNumber: 1,
        status: "draft",
        actorId: editor.id,
        now,
      }),
    ).toThrow(expect.objectContaining({ messageKey: "import_story_invalid" }));
    expect(counts()).toEqual(before);
  });

  it("moves the issue's version, so a publish-now against the layout before the import is stale", async () => {
    const editor = await insertUser("editor");
    const issue = db().insert(issues).values({ date: "2023-03-01", number: 9 }).returning().get();
    importIntoPage({
      parsed: seed,
      date: "2023-03-01",
      pageNumber: 1,
      status: "approved",
      actorId: editor.id,
      now,
    });
    const after = db().select().from(issues).where(eq(issues.id, issue.id)).get();
    expect(after?.version).toBe(issue.version + 1);
    expect(after?.status).toBe("planned");
    const chief = await insertUser("chief_editor");
    expect(() =>
      publishIssueNow(chief, { issueId: issue.id, expectedVersion: issue.version }, now),
    ).toThrow(expect.objectContaining({ code: "conflict", messageKey: "issue_changed" }));
  });
});
