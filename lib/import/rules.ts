// The named rules of the importer: every source line records the one that decided its role, and
// the import desk shows it (label `importDesk.rules.<id>`), so an editor can see why (pure).
//
// Families, each in its own module:
//   chrome.ts           e-paper chrome and print furniture (chrome*)
//   archive-headers.ts  archive page headers: 第3版(), 专栏:, 00005版:文化 (archiveHeader)
//   headings.ts         display type, section labels, the banner (label*, banner)
//   stacks.ts           headline stacks: kicker/headline/subheadline, flattened stacks (deck*)
//   bylines.ts          bylines wherever print puts them (byline*)
//   wrapped.ts          wrapped lines: paragraphs and headlines broken at a line end (body*)
//   english.ts          English OCR pages: datelines, decks, hyphens, interleaved columns (english*)

export const RULE_IDS = [
  // chrome.ts
  "chromePageTag",
  "chromeNavigation",
  "chromeCounter",
  "chromeLegal",
  "chromeEpaperHeader",
  "chromeSite",
  "chromeSource",
  "chromeEditor",
  "chromeJump",
  "chromeOrnament",
  "chromeGluedDate",
  // archive-headers.ts
  "archiveHeader",
  // headings.ts
  "labelSection",
  "labelEditorsNote",
  "banner",
  // stacks.ts
  "deckSingle",
  "deckSubheadline",
  "deckDashSubheadline",
  "deckLeadInKicker",
  "deckDashKicker",
  "deckThreeLines",
  "deckFlattened",
  "deckFlattenedUnsplit",
  "deckIndexNumber",
  "deckAfterBody",
  "deckEmpty",
  // bylines.ts
  "bylineLead",
  "bylineUnbracketed",
  "bylineLine",
  "bylineClosing",
  "bylinePhotoCredit",
  "bylineBareNames",
  // wrapped.ts
  "bodyParagraph",
  "bodyJoined",
  "bodySubhead",
  "bodyDuplicate",
  "bodyEditorsNote",
  // english.ts
  "englishDeck",
  "englishDateline",
  "englishInterleaved",
  // the desk
  "edited",
] as const;

export type RuleId = (typeof RULE_IDS)[number];

/** Why a story's confidence was lowered; the desk shows each (`importDesk.doubts.<id>`). */
export const DOUBT_IDS = [
  "ambiguousDeck",
  "flattenedSplit",
  "flattenedUnsplit",
  "indexLine",
  "headlineAfterBody",
  "guessedByline",
  "gluedSignature",
  "noByline",
  "subheadInside",
  "interleaved",
] as const;
export type DoubtId = (typeof DOUBT_IDS)[number];

/** How much each doubt costs a story's confidence (which starts at 1). */
export const DOUBT_COST: Record<DoubtId, number> = {
  ambiguousDeck: 0.15,
  flattenedSplit: 0.25,
  flattenedUnsplit: 0.4,
  indexLine: 0.35,
  headlineAfterBody: 0.2,
  guessedByline: 0.2,
  gluedSignature: 0.15,
  noByline: 0.05,
  subheadInside: 0.1,
  interleaved: 0.35,
};

/** Stories below this confidence are flagged for review on the desk. */
export const REVIEW_THRESHOLD = 0.7;

/** A story's confidence from its doubts: 1 less their costs, never below 0.1, two decimals. */
export function confidenceOf(doubts: readonly DoubtId[]): number {
  const value = doubts.reduce((c, d) => c - DOUBT_COST[d], 1);
  return Math.round(Math.max(0.1, value) * 100) / 100;
}
