import { describe, expect, it } from "vitest";
import { looksInterleaved, parseEnglishDateline } from "@/lib/import/english";
import { joinBroken } from "@/lib/import/paragraphs";
import { readPage } from "@/lib/import/parse-page";

describe("English OCR pages", () => {
  it("reads a dateline like WASHINGTON, Feb. 26.—", () => {
    expect(parseEnglishDateline("WASHINGTON, Feb. 26.—The city council voted.")).toEqual({
      part: { dateline: "WASHINGTON, Feb. 26" },
      rest: "The city council voted.",
    });
  });

  it("mends a word hyphenated at a line end", () => {
    expect(joinBroken("The city coun-", "cil voted")).toBe("The city council voted");
  });

  it("joins an all-caps deck that wrapped, and takes the second deck as the subheadline", () => {
    const page = readPage(
      "CITY COUNCIL VOTES\nNEW WATER PLANT\n\nPLANS CALL FOR RESERVOIR\n\nWASHINGTON, Feb. 26.—The council voted.",
    );
    expect(page.articles[0]).toMatchObject({
      headline: "CITY COUNCIL VOTES NEW WATER PLANT",
      subheadline: "PLANS CALL FOR RESERVOIR",
    });
  });

  it("notices interleaved columns and marks the story for review", () => {
    expect(looksInterleaved(["opened to-", "The county engineer said", "day by the board."])).toBe(
      true,
    );
    expect(looksInterleaved(["opened to-", "day by the board."])).toBe(false);
    const page = readPage(
      "BRIDGE BIDS OPENED\n\nPORTLAND, Feb. 26.—Bids were opened to-\nThe engineer said the lowest\nday by the board.",
    );
    expect(page.stories[0]?.doubts).toContain("interleaved");
    expect(page.stories[0]?.confidence).toBeLessThan(0.7);
    // The hyphen proves where the columns alternate: the lines are dealt back out.
    expect(page.articles[0]?.paragraphs).toEqual([
      "Bids were opened today by the board.",
      "The engineer said the lowest",
    ]);
    expect(page.lines.map((l) => l.rule)).toContain("englishInterleaved");
  });

  it("leaves a block alone when nothing proves the columns alternate", () => {
    const page = readPage(
      "BRIDGE BIDS OPENED\n\nPORTLAND, Feb. 26.—Bids were opened to-\nday by the board. The\nengineer said so.",
    );
    expect(page.articles[0]?.paragraphs).toEqual([
      "Bids were opened today by the board. The engineer said so.",
    ]);
    expect(page.stories[0]?.doubts).toEqual([]);
  });
});
