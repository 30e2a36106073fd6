// The gram index (db/migrations/0011_search-grams.sql) against its TypeScript description
// (lib/search-terms.ts): the triggers store exactly documentGrams() of a story's text, on
// insert, on every edit and on delete, for any text — so a query's gramKey() finds it.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { db, sqlite } from "@/db/client";
import { stories } from "@/db/schema";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import type { Byline } from "@/lib/domain/story";
import { documentGrams, gramKey, searchableText } from "@/lib/search-terms";

withTempDatabase();

const byline = (reporters: string[]): Byline => ({
  dateline: "本报讯",
  reporters,
  correspondents: [],
  photographers: [],
});

/** The keys the index holds for one story (fts5vocab lists a table's terms). */
function indexedKeys(storyId: number): string[] {
  sqlite().exec(
    "CREATE VIRTUAL TABLE IF NOT EXISTS temp.grams_vocab USING fts5vocab(main, stories_grams, 'row')",
  );
  const keys = sqlite().prepare("SELECT term FROM temp.grams_vocab").pluck().all() as string[];
  const holds = sqlite().prepare(
    "SELECT 1 FROM stories_grams WHERE stories_grams MATCH ? AND rowid = ?",
  );
  return keys.filter((k) => holds.get(`"${k}"`, storyId) !== undefined).sort();
}

async function insert(fields: {
  headline: string;
  bodyText: string;
  kicker?: string | null;
  reporters?: string[];
}) {
  const author = await insertUser("editor");
  return db()
    .insert(stories)
    .values({
      headline: fields.headline,
      kicker: fields.kicker ?? null,
      bodyText: fields.bodyText,
      byline: byline(fields.reporters ?? []),
      authorId: author.id,
    })
    .returning({ id: stories.id })
    .get().id;
}

const expected = (f: {
  headline: string;
  bodyText: string;
  kicker?: string | null;
  reporters?: string[];
}) =>
  documentGrams(
    searchableText([
      f.kicker,
      f.headline,
      null,
      ["本报讯", ...(f.reporters ?? [])].join(" "),
      f.bodyText,
    ]),
  ).sort();

describe("the gram index", () => {
  it("holds every character and pair of a story, byline names included", async () => {
    const fields = { headline: "东城 AI", bodyText: "工会\n5G😀", reporters: ["欧阳"] };
    const id = await insert(fields);
    const keys = indexedKeys(id);
    for (const gram of ["东", "东城", "城", "ai", "AI", "工会", "会", "5g", "g😀", "😀", "欧阳"]) {
      expect(keys, gram).toContain(gramKey(gram));
    }
    // No gram across a space or a line break.
    expect(keys).not.toContain(gramKey("城 "));
    expect(keys).not.toContain(gramKey("会\n"));
    expect(keys).toEqual(expected(fields));
  });

  it("follows edits and deletes in the same statement", async () => {
    const id = await insert({ headline: "旧标题", bodyText: "东城" });
    sqlite().prepare("UPDATE stories SET body_text = '西城' WHERE id = ?").run(id);
    expect(indexedKeys(id)).not.toContain(gramKey("东城"));
    expect(indexedKeys(id)).toContain(gramKey("西城"));
    sqlite().prepare("DELETE FROM stories WHERE id = ?").run(id);
    expect(indexedKeys(id)).toEqual([]);
  });

  it("is linear in a long story's length and exact across its block boundaries", async () => {
    const alphabet = Array.from("工会东城职工之家A😀");
    const text = Array.from({ length: 20_000 }, (_, i) => alphabet[(i * 7) % alphabet.length]).join(
      "",
    );
    const fields = { headline: "长文", bodyText: text };
    const started = performance.now();
    const id = await insert(fields);
    expect(performance.now() - started).toBeLessThan(2000);
    expect(indexedKeys(id)).toEqual(expected(fields));
  });

  it("stores what documentGrams says, for any text", async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.string({ unit: "grapheme", maxLength: 200 }),
        fc.string({ unit: fc.constantFrom(..."工会 东城AbZz\n\t😀-+*\"'"), maxLength: 150 }),
        async (a, b) => {
          // Stored text holds no control characters but line breaks and tabs (lib/render.ts).
          const clean = (s: string) =>
            Array.from(s)
              .filter((c) => {
                const n = c.codePointAt(0) ?? 0;
                return n === 9 || n === 10 || !(n < 32 || (n >= 127 && n < 160));
              })
              .join("");
          const fields = { headline: clean(a), bodyText: clean(b) };
          const id = await insert(fields);
          expect(indexedKeys(id)).toEqual(expected(fields));
          sqlite().prepare("DELETE FROM stories WHERE id = ?").run(id);
        },
      ),
      { numRuns: 60 },
    );
  }, 60_000);
});
