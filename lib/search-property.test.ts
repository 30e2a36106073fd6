// Search takes anything: random strings against the real search over a real SQLite file,
// with published stories that contain those same strings.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db } from "@/db/client";
import { issues, pages, placements, stories } from "@/db/schema";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import { parseQuery, searchStories } from "@/lib/search";
import { prepareBody } from "@/lib/story-body";

withTempDatabase();

/** Search is asked at one moment: no story in these tests carries an embargo. */
const NOW = new Date("2026-12-01T00:00:00Z");

const NASTY = [
  "covid-19",
  "C++",
  "a.b",
  "(x)",
  "[x]",
  "*",
  "^$",
  "\\",
  '"',
  "'",
  "“引号”",
  "{2}",
  "a|b",
  "/x/",
  "-",
  "NEAR(a b)",
  "AND",
  "%_",
  "😀👍🏽",
  "工会-2023",
  "\ud800",
  "\udfff x",
  "a\u0000b",
  "x".repeat(1000),
];

let day = 0;
/** A published story on page 1 of a new published issue, newer than every one before it. */
async function publishStoryWith(
  text: string,
  authorId: number,
): Promise<{ id: number; bodyText: string }> {
  day += 1;
  const date = new Date(Date.UTC(2001, 0, day)).toISOString().slice(0, 10);
  const issue = db()
    .insert(issues)
    .values({ date, number: day, status: "published" })
    .returning({ id: issues.id })
    .get();
  const page = db()
    .insert(pages)
    .values({ issueId: issue.id, number: 1, name: "要闻" })
    .returning({ id: pages.id })
    .get();
  // The body the editor would store: the same cleaning every save goes through.
  const prepared = prepareBody({
    type: "doc",
    content: [{ type: "paragraph", content: [{ type: "text", text: `开头 ${text} 结尾` }] }],
  });
  const story = db()
    .insert(stories)
    .values({
      headline: "测试",
      ...prepared,
      byline: { dateline: "本报讯", reporters: [], correspondents: [], photographers: [] },
      status: "published",
      authorId,
    })
    .returning({ id: stories.id, bodyText: stories.bodyText })
    .get();
  db().insert(placements).values({ pageId: page.id, storyId: story.id, position: 1 }).run();
  return story;
}

function hitIds(q: string): number[] {
  const outcome = searchStories({ q, now: NOW });
  return outcome.kind === "results" ? outcome.hits.map((h) => h.id) : [];
}

const randomText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.string({
    unit: fc.constantFrom(..."-+.*()[]{}^$\\|/\"'%_ 工会😀\u0000\ud800"),
    maxLength: 30,
  }),
  fc.constantFrom(...NASTY),
  fc.array(fc.constantFrom(...NASTY), { minLength: 1, maxLength: 4 }).map((p) => p.join(" ")),
);

describe("search takes anything", () => {
  it.each(NASTY)("%j gives results or none, never an error", async (q) => {
    const author = await insertUser("editor");
    const { id, bodyText } = await publishStoryWith(q, author.id);
    expect(() => searchStories({ q, now: NOW })).not.toThrow();
    if (parseQuery(q).terms.every((t) => bodyText.includes(t)) && parseQuery(q).terms.length > 0) {
      expect(hitIds(q)).toContain(id);
    }
  });

  it("finds a story by any term it holds verbatim, and never throws", async () => {
    const author = await insertUser("editor");
    await fc.assert(
      fc.asyncProperty(randomText, randomText, async (inStory, other) => {
        const { id, bodyText: stored } = await publishStoryWith(inStory, author.id);
        // Random input against a story that holds it, and against one that holds other text.
        expect(() => searchStories({ q: other, now: NOW })).not.toThrow();
        expect(() => searchStories({ q: inStory, page: "2", now: NOW })).not.toThrow();
        const { terms } = parseQuery(inStory);
        const present = terms.filter((t) => stored.includes(t));
        for (const term of present) expect(hitIds(term)).toContain(id);
        if (terms.length > 0 && present.length === terms.length) {
          expect(hitIds(inStory)).toContain(id);
        }
      }),
      { numRuns: 300 },
    );
  }, 120_000);
});
