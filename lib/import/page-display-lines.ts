// A group of display lines on the page: the banner, a deck opening a story, a headline set
// after its body, or a subhead inside the open story (pure).
import { mergeByline } from "./bylines";
import { isBannerLike } from "./headings";
import type { PageWalk } from "./page-walk";
import { readDeck } from "./read-deck";
import { startsNewStory } from "./story-boundaries";
import { bareNameList } from "./story-draft";
import type { Unit } from "./units";

/** Reads the display lines starting at `i`; returns the index of the last one read. */
export function readDisplayLines(walk: PageWalk, i: number): number {
  const { units } = walk;
  let end = i;
  while (units[end]?.kind === "heading") end += 1;
  let group = units.slice(i, end);
  const open = walk.current;
  const first = group[0];
  if (walk.banner === null && walk.drafts.length === 0 && first && isBannerLike(first.text)) {
    walk.banner = first.text;
    walk.mark(first, "banner", "banner", null);
    group = group.slice(1);
    if (group.length === 0) return end - 1;
  }
  // Under an editor's-note label alone on its line (开栏的话): the label is the kicker.
  if (open?.labelOnly && open.paragraphs.length === 0) {
    const { deck, roles, doubts } = readDeck(group);
    open.deck = { ...deck, kicker: open.deck?.headline ?? null };
    open.labelOnly = false;
    open.doubts.push(...doubts);
    for (const r of roles) walk.mark(r.unit, r.role === "kicker" ? "subheadline" : r.role, r.rule);
    return end - 1;
  }
  // Display lines closing the page under a story printed without a deck are its headline,
  // set after its body (the page listed the body first).
  if (end === units.length && open && open.deck === null && open.paragraphs.length > 0) {
    const { deck, roles, doubts } = readDeck(group);
    open.deck = deck;
    open.doubts.push(...doubts, "headlineAfterBody");
    for (const r of roles) walk.mark(r.unit, r.role, "deckAfterBody");
    return end - 1;
  }
  // A commentary prints its author's bare name under the headline (付小为): a byline.
  const signature: Unit | undefined = group.length >= 2 ? group[group.length - 1] : undefined;
  const bareNames = signature ? bareNameList(signature.text) : null;
  if (signature && bareNames) group = group.slice(0, -1);
  if (startsNewStory(units, group, end, walk.current, walk.typicalGap)) {
    const draft = walk.start();
    if (signature && bareNames) {
      draft.byline = mergeByline(draft.byline, { reporters: bareNames });
      draft.hasLead = true;
      walk.mark(signature, "byline", "bylineBareNames");
    }
    const { deck, roles, doubts } = readDeck(group);
    draft.deck = deck;
    draft.doubts.push(...doubts);
    if (group.some((g) => walk.movedDecks.has(g))) draft.doubts.push("headlineAfterBody");
    // Briefs carry one headline; a story with a full deck leaves the brief column.
    if (deck.kicker !== null || deck.subheadline !== null) {
      walk.section = null;
      draft.section = null;
    }
    for (const r of roles) walk.mark(r.unit, r.role, r.rule);
  } else if (open) {
    open.doubts.push("subheadInside");
    for (const g of group) walk.addParagraph(open, g, g.text, "subhead", "bodySubhead");
  }
  return end - 1;
}
