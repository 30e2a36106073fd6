import fs from "node:fs";
import path from "node:path";
import { eq } from "drizzle-orm";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { auditEvents, issues, pages, placements, stories, users } from "@/db/schema";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import { MAX_PAGE_BYTES } from "@/lib/import/decode";
import { importPageFile, importReviewedPage, readPageFile } from "@/lib/import/desk";
import { ImportPageInput } from "@/lib/import/input";
import { parsePage } from "@/lib/import/parse-page";

withTempDatabase();
const now = new Date("2026-03-01T08:00:00Z");
const seedBytes = new Uint8Array(
  fs.readFileSync(path.join(process.cwd(), "db/fixtures/seed-page.txt")),
);
const gbkBytes = new Uint8Array(
  fs.readFileSync(path.join(process.cwd(), "lib/import/fixtures/gbk-page.txt")),
);
const seed = parsePage(new TextDecoder().decode(seedBytes));
const target = { date: "2023-03-01", pageNumber: 2, status: "approved" as const };

function counts() {
  const d = db();
  return {
    issues: d.select().from(issues).all().length,
    pages: d.select().from(pages).all().length,
    stories: d.select().from(stories).all().length,
    placements: d.select().from(placements).all().length,
    audit: d.select().from(auditEvents).all().length,
  };
}
const nothing = { issues: 0, pages: 0, stories: 0, placements: 0, audit: 0 };

function reviewed(input: unknown): ImportPageInput {
  const parsed = ImportPageInput.safeParse(input);
  if (!parsed.success) throw new Error(JSON.stringify(parsed.error.issues));
  return parsed.data;
}

describe("who may import", () => {
  it("refuses a reporter at every door, and writes nothing", async () => {
    const reporter = await insertUser("reporter");
    const input = reviewed({ ...target, page: { banner: null, articles: seed.articles } });
    expect(() => importReviewedPage(reporter, input, now)).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    expect(() =>
      importPageFile(reporter, { ...target, bytes: seedBytes, source: "seed.txt" }, now),
    ).toThrow(expect.objectContaining({ code: "forbidden" }));
    expect(() => readPageFile(reporter, seedBytes)).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    expect(counts()).toEqual(nothing);
  });

  it("refuses a viewer whose role was lowered since the page was loaded", async () => {
    const editor = await insertUser("editor");
    db().update(users).set({ role: "reporter" }).where(eq(users.id, editor.id)).run();
    const input = reviewed({ ...target, page: { banner: null, articles: seed.articles } });
    // The caller still believes it is an editor; the write re-reads the row.
    expect(() => importReviewedPage({ id: editor.id, role: "editor" }, input, now)).toThrow(
      expect.objectContaining({ code: "forbidden" }),
    );
    expect(counts()).toEqual(nothing);
  });

  it("lets an editor import a reviewed page, with the corrections it carries", async () => {
    const editor = await insertUser("editor");
    const articles = seed.articles.map((a, i) =>
      i === 1 ? { ...a, subheadline: null, headline: "  改过的主题  " } : a,
    );
    const result = importReviewedPage(
      editor,
      reviewed({
        ...target,
        pageName: "综合新闻",
        source: "粘贴的文本",
        page: { banner: "横幅", articles },
      }),
      now,
    );
    expect(result.storyIds).toHaveLength(7);
    const story = db()
      .select()
      .from(stories)
      .where(eq(stories.id, result.storyIds[1] ?? 0))
      .get();
    expect(story).toMatchObject({ headline: "改过的主题", subheadline: null, status: "approved" });
    const page = db().select().from(pages).where(eq(pages.id, result.pageId)).get();
    expect(page).toMatchObject({ name: "综合新闻", banner: "横幅", number: 2 });
  });
});

describe("where stories may go", () => {
  it("refuses a published issue and writes nothing", async () => {
    const editor = await insertUser("editor");
    importPageFile(editor, { ...target, bytes: gbkBytes, source: "a.txt" }, now);
    db().update(issues).set({ status: "published" }).run();
    const before = counts();
    expect(() =>
      importPageFile(editor, { ...target, pageNumber: 5, bytes: seedBytes, source: "b.txt" }, now),
    ).toThrow(expect.objectContaining({ code: "invalid_input", messageKey: "issue_published" }));
    expect(counts()).toEqual(before);
  });
});

describe("bad files", () => {
  const bad: [string, Uint8Array, string][] = [
    ["empty", new Uint8Array(0), "import_empty"],
    ["only spaces", new TextEncoder().encode(" \n\t\n"), "import_empty"],
    [
      "binary",
      new Uint8Array([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0, 0, 0, 13]),
      "import_binary",
    ],
    ["too large", new Uint8Array(MAX_PAGE_BYTES + 1).fill(0x41), "import_too_large"],
    ["neither UTF-8 nor GB18030", new Uint8Array([0x41, 0x81, 0x20, 0x42]), "import_undecodable"],
    [
      "no story in it",
      new TextEncoder().encode("第03版：要闻\n上一篇\n下一篇\n"),
      "import_no_stories",
    ],
  ];
  for (const [name, bytes, key] of bad) {
    it(`refuses a file that is ${name}, and writes nothing`, async () => {
      const editor = await insertUser("editor");
      expect(() =>
        importPageFile(editor, { ...target, bytes, source: `${name}.txt` }, now),
      ).toThrow(expect.objectContaining({ code: "invalid_input", messageKey: key }));
      expect(counts()).toEqual(nothing);
    });
  }

  it("reads a GBK file as Chinese and imports it", async () => {
    const editor = await insertUser("editor");
    const { text, encoding } = readPageFile(editor, gbkBytes);
    expect(encoding).toBe("gb18030");
    expect(text).toMatch(/\p{Script=Han}{4}/u);
    const result = importPageFile(editor, { ...target, bytes: gbkBytes, source: "gbk.txt" }, now);
    expect(result.storyIds.length).toBe(parsePage(text).articles.length);
  });

  it("a bad file in a batch leaves the good ones before and after it imported", async () => {
    const editor = await insertUser("editor");
    importPageFile(editor, { ...target, pageNumber: 1, bytes: seedBytes, source: "a.txt" }, now);
    expect(() =>
      importPageFile(
        editor,
        { ...target, pageNumber: 2, bytes: new Uint8Array(0), source: "b.txt" },
        now,
      ),
    ).toThrow(expect.objectContaining({ messageKey: "import_empty" }));
    importPageFile(editor, { ...target, pageNumber: 3, bytes: gbkBytes, source: "c.txt" }, now);
    const numbers = db()
      .select({ number: pages.number })
      .from(pages)
      .all()
      .map((p) => p.number);
    expect(numbers.sort()).toEqual([1, 3]);
  });
});

describe("the reviewed page's input", () => {
  const ok = { ...target, page: { banner: null, articles: seed.articles } };
  const fieldsOf = (input: unknown) => {
    const parsed = ImportPageInput.safeParse(input);
    return parsed.success ? [] : parsed.error.issues.map((i) => [i.path.join("."), i.message]);
  };
  it("accepts the parse of the seed page", () => {
    expect(fieldsOf(ok)).toEqual([]);
  });
  it("refuses a date that is not a day, a page 0, no stories, a story without text, an unknown kind", () => {
    expect(fieldsOf({ ...ok, date: "2023-02-30" })).toEqual([["date", "errors.import_bad_date"]]);
    expect(fieldsOf({ ...ok, pageNumber: 0 })).toEqual([["pageNumber", "errors.import_bad_page"]]);
    expect(fieldsOf({ ...ok, page: { banner: null, articles: [] } })).toEqual([
      ["page.articles", "errors.import_no_stories"],
    ]);
    const first = seed.articles[0];
    expect(
      fieldsOf({ ...ok, page: { banner: null, articles: [{ ...first, paragraphs: [] }] } }),
    ).toEqual([["page.articles.0.paragraphs", "errors.import_story_empty"]]);
    expect(
      fieldsOf({ ...ok, page: { banner: null, articles: [{ ...first, kind: "advert" }] } }),
    ).toHaveLength(1);
    expect(fieldsOf({ ...ok, status: "published" })).toHaveLength(1);
  });
});
