import fs from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { decodePageBytes } from "@/lib/import/decode";
import { parsePage } from "@/lib/import/parse-page";

const dir = path.join(process.cwd(), "lib/import/fixtures");
const names = fs
  .readdirSync(dir)
  .filter((f) => f.endsWith(".expected.json"))
  .map((f) => f.replace(/\.expected\.json$/u, ""))
  .sort();

describe("fixture pages parse to their expected stories", () => {
  it("has the varied pages the importer is held to", () => {
    expect(names.length).toBeGreaterThanOrEqual(8);
  });

  for (const name of names) {
    it(name, () => {
      const decoded = decodePageBytes(
        new Uint8Array(fs.readFileSync(path.join(dir, `${name}.txt`))),
      );
      if (!decoded.ok) throw new Error(decoded.message);
      const expected = JSON.parse(fs.readFileSync(path.join(dir, `${name}.expected.json`), "utf8"));
      expect(parsePage(decoded.text)).toStrictEqual(expected);
      // Windows line endings and trailing spaces from the extraction change nothing.
      const windows = decoded.text.replace(/\n/gu, " \r\n");
      expect(parsePage(windows)).toStrictEqual(expected);
    });
  }

  it("reads the GBK page as GB18030, not as garbled UTF-8", () => {
    const decoded = decodePageBytes(
      new Uint8Array(fs.readFileSync(path.join(dir, "gbk-page.txt"))),
    );
    expect(decoded).toMatchObject({ ok: true, encoding: "gb18030" });
  });
});
