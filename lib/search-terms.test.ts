// The database-independent half of search: terms, which index answers them, and their keys.
import { describe, expect, it } from "vitest";
import {
  documentGrams,
  foldAscii,
  gramKey,
  isShort,
  parseQuery,
  planTerms,
} from "@/lib/search-terms";

describe("search terms", () => {
  it("keys a gram by the hex of its folded UTF-8 bytes", () => {
    expect(gramKey("工会")).toBe("e5b7a5e4bc9a");
    expect(gramKey("AI")).toBe(gramKey("ai"));
    expect(gramKey("😀")).toBe("f09f9880");
    expect(foldAscii("ÀBΩz")).toBe("ÀbΩz");
  });

  it("counts characters, not code units", () => {
    expect(isShort("😀👍")).toBe(true);
    expect(isShort("工会")).toBe(true);
    expect(isShort("加强年")).toBe(false);
  });

  it("sends long terms to the trigram index and short ones to the gram index", () => {
    const plan = planTerms(parseQuery('东城 "加强年" AI ai 5G 税').terms);
    expect(plan.longTerms).toEqual(["加强年"]);
    expect(plan.shortTerms).toEqual(["东城", "AI", "5G", "税"]);
    expect(plan.trigramMatch).toBe('"加强年"');
    expect(plan.gramMatch).toBe(
      [gramKey("东城"), gramKey("ai"), gramKey("5g"), gramKey("税")]
        .map((k) => `"${k}"`)
        .join(" AND "),
    );
    expect(planTerms(parseQuery('a"b').terms).gramMatch).toBe(
      `"${gramKey("a")}" AND "${gramKey("b")}"`,
    );
    expect(planTerms(['x"y"z']).trigramMatch).toBe('"x""y""z"');
    expect(planTerms([])).toMatchObject({ trigramMatch: null, gramMatch: null });
  });

  it("lists every character and pair of a text once, none across a space or line break", () => {
    expect(documentGrams("Ab c\n东城东城")).toEqual(
      ["a", "ab", "b", "c", "东", "东城", "城", "城东"].map(gramKey),
    );
  });
});
