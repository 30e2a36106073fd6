// The display lines above a story read as its deck, with the role and rule of each line (pure).
import { englishDecks } from "./english";
import { isMostlyHan } from "./fold";
import type { DoubtId, RuleId } from "./rules";
import { type Deck, readStack, stripDash } from "./stacks";
import type { LineRole } from "./types";
import type { Unit } from "./units";

export type DeckReading = {
  deck: Deck;
  roles: { unit: Unit; role: LineRole; rule: RuleId }[];
  doubts: DoubtId[];
};

const MARK = /^[■□●○◆◇▲△★☆◎※▶►]\s*/u;

/** Deck from display lines, with the role each source line plays in it. */
export function readDeck(group: Unit[]): DeckReading {
  const english = group.every((u) => !isMostlyHan(u.text));
  if (english) {
    const decks = englishDecks(group);
    const [main, ...rest] = decks;
    const roles = decks.flatMap((d, i) =>
      d.units.map((unit) => ({
        unit,
        role: (i === 0 ? "headline" : "subheadline") as LineRole,
        rule: "englishDeck" as const,
      })),
    );
    return {
      deck: {
        kicker: null,
        headline: main?.text ?? "",
        subheadline: rest.length > 0 ? rest.map((d) => stripDash(d.text)).join(" — ") : null,
      },
      roles,
      doubts: [],
    };
  }
  // A mark before a headline (■朝阳区…) is decoration, not part of it.
  const { deck, rules, doubts } = readStack(group.map((u) => u.text.replace(MARK, "")));
  const roles = group.map((unit, i) => {
    let role: LineRole = "subheadline";
    if (deck.kicker !== null && i === 0) role = "kicker";
    else if (unit.text.trim().endsWith(deck.headline)) role = "headline";
    // A flattened stack is one line: it holds the headline.
    if (group.length === 1) role = "headline";
    return { unit, role, rule: unit.rule ?? rules[i] ?? "deckSingle" };
  });
  return { deck, roles, doubts };
}
