import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { annotatePage, parsePage } from "@/lib/import/parse-page";

const root = process.cwd();
const seedText = fs.readFileSync(path.join(root, "db/fixtures/seed-page.txt"), "utf8");
const seedExpected = JSON.parse(
  fs.readFileSync(path.join(root, "db/fixtures/seed-page.expected.json"), "utf8"),
);

describe("the seed page", () => {
  it("parses to exactly the expected stories", () => {
    // `source` and `notes` describe the fixture file; everything the parser produces is compared.
    const { source: _source, notes: _notes, ...expected } = seedExpected;
    expect(Object.keys(expected).sort()).toEqual(["articles", "page"]);
    expect(parsePage(seedText)).toStrictEqual(expected);
  });

  it("annotates every source line, and the roles agree with the parse", () => {
    const lines = annotatePage(seedText);
    const source = seedText.split("\n");
    expect(lines.map((l) => l.text)).toEqual(source);
    expect(lines.filter((l) => l.role === "banner").map((l) => l.text)).toEqual([
      seedExpected.page.banner,
    ]);
    const headlines = lines.filter((l) => l.role === "headline");
    expect(headlines.map((l) => l.text)).toEqual(
      seedExpected.articles.map((a: { headline: string }) => a.headline),
    );
    expect(headlines.map((l) => l.article)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    const duplicate = lines.filter((l) => l.role === "duplicate");
    expect(duplicate).toHaveLength(1);
    expect(duplicate[0]?.article).toBeUndefined();
    expect(lines.filter((l) => l.role === "byline").map((l) => l.article)).toEqual([4, 4]);
  });
});
