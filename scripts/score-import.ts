// Scores the importer on a folder of pages with their expected stories (`x.txt` beside
// `x.expected.json`): story F1, headlines exact, bylines exact, per folder. Defaults to the
// fixture pages (held exactly by the tests) and the hand-written scored pages
// (lib/import/fixtures/scored); point it at a folder of real pages kept outside the project:
//   npx tsx scripts/score-import.ts [folder …]
import fs from "node:fs";
import path from "node:path";
import { decodePageBytes } from "@/lib/import/decode";
import { parsePage } from "@/lib/import/parse-page";
import { type PageScore, scorePage, summarize } from "@/lib/import/score";

const folders = process.argv.slice(2);
const fixtures = path.join(process.cwd(), "lib/import/fixtures");
const dirs = folders.length > 0 ? folders : [fixtures, path.join(fixtures, "scored")];
const pct = (n: number) => `${(n * 100).toFixed(1)}%`;
for (const dir of dirs) {
  const scores: PageScore[] = [];
  for (const file of fs
    .readdirSync(dir)
    .filter((f) => f.endsWith(".expected.json"))
    .sort()) {
    const name = file.replace(/\.expected\.json$/u, "");
    const decoded = decodePageBytes(new Uint8Array(fs.readFileSync(path.join(dir, `${name}.txt`))));
    if (!decoded.ok) {
      console.error(`${name}: ${decoded.message}`);
      process.exitCode = 1;
      continue;
    }
    const expected = JSON.parse(fs.readFileSync(path.join(dir, file), "utf8"));
    const score = scorePage(expected.articles, parsePage(decoded.text).articles);
    scores.push(score);
    console.log(
      `${name}: ${score.matched}/${score.expected} stories found (${score.found} made), headlines ${score.headlinesExact}, bylines ${score.bylinesExact}`,
    );
  }
  const total = summarize(scores);
  console.log(
    `${dir}: ${scores.length} pages, ${total.stories} stories: story F1 ${total.f1.toFixed(3)}, headlines exact ${pct(total.headlines)}, bylines exact ${pct(total.bylines)}\n`,
  );
}
