// The state of one walk through a page's units: the stories so far, the open one, the column
// (section) in force, the banner, and how a unit is recorded on its source lines (pure).
import type { StoryKind } from "@/lib/domain/story";
import { DuplicateIndex } from "./duplicates";
import { looksInterleaved } from "./english";
import type { RuleId } from "./rules";
import { type Draft, newDraft } from "./story-draft";
import type { AnnotatedLine, LineRole } from "./types";
import type { Unit } from "./units";

export class PageWalk {
  readonly drafts: Draft[] = [];
  /** The story lines are going to now; null after a section label or before any story. */
  current: Draft | null = null;
  section: StoryKind | null = null;
  banner: string | null = null;
  private readonly duplicates = new DuplicateIndex();

  constructor(
    readonly units: readonly Unit[],
    readonly annotations: AnnotatedLine[],
    /** The source text's lines, as annotated. */
    private readonly source: readonly string[],
    /** Display lines moved back above the body they followed. */
    readonly movedDecks: ReadonlySet<Unit>,
    /** Source lines dealt out to another column's paragraph. */
    private readonly interleaved: ReadonlySet<number>,
    /** The blank lines that usually separate paragraphs on this page. */
    readonly typicalGap: number,
  ) {}

  /** Records a unit's role and rule on each of its source lines, and gives them to a story. */
  mark(unit: Unit, role: LineRole, rule: RuleId, draft: Draft | null = this.current): void {
    unit.lines.forEach((index, k) => {
      const annotation = this.annotations[index];
      if (!annotation) return;
      annotation.role = role;
      annotation.rule = this.movedDecks.has(unit) ? "deckAfterBody" : rule;
      // Lines after the first of a unit were joined onto it: one wrapped paragraph or deck.
      if (k > 0) {
        annotation.continues = true;
        if (role === "body") annotation.rule = "bodyJoined";
        // Joined onto a line that is not the one above it (columns put back apart).
        const previous = unit.lines[k - 1];
        if (previous !== undefined && this.interleaved.has(index)) annotation.after = previous;
      }
      if (this.interleaved.has(index)) annotation.rule = "englishInterleaved";
      draft?.lines.push({ index, role });
    });
  }

  /** Opens a new story, in the column in force. */
  start(): Draft {
    const draft = newDraft(this.section);
    this.drafts.push(draft);
    this.current = draft;
    return draft;
  }

  /** The open story, or a new one when there is none or it is closed. */
  openOrStart(): Draft {
    return this.current && !this.current.closed ? this.current : this.start();
  }

  /**
   * Adds a paragraph to a story; an empty one (a byline that was the whole paragraph) only
   * marks its lines, an extraction duplicate is dropped.
   */
  addParagraph(
    draft: Draft,
    unit: Unit,
    text: string,
    role: LineRole = "body",
    rule: RuleId = "bodyParagraph",
  ): void {
    if (text.length === 0) {
      this.mark(unit, "byline", rule, draft);
      return;
    }
    if (role === "body" && this.duplicates.isDuplicate(text)) {
      this.mark(unit, "duplicate", "bodyDuplicate", null);
      return;
    }
    draft.paragraphs.push(text);
    this.duplicates.add(text);
    const reordered = unit.lines.some((i) => this.interleaved.has(i));
    if (reordered || looksInterleaved(unit.lines.map((i) => this.source[i] ?? ""))) {
      draft.doubts.push("interleaved");
    }
    this.mark(unit, role, rule, draft);
  }
}
