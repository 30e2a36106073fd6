// Word-level differences between two texts, Chinese included (words found by Intl.Segmenter,
// since Chinese has no spaces to split on).
import { diffArrays } from "diff";

/** `at` is the part's position in the merged sequence of parts (a stable key for rendering). */
export type DiffPart = { kind: "same" | "added" | "removed"; text: string; at: number };

const segmenter = new Intl.Segmenter("zh-CN", { granularity: "word" });

export function words(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

/** The parts of `after` compared with `before`, adjacent parts of a kind merged. */
export function diffWords(before: string, after: string): DiffPart[] {
  const parts: DiffPart[] = [];
  for (const change of diffArrays(words(before), words(after))) {
    const kind = change.added ? "added" : change.removed ? "removed" : "same";
    const text = change.value.join("");
    const last = parts[parts.length - 1];
    if (last && last.kind === kind) last.text += text;
    else if (text) parts.push({ kind, text, at: parts.length });
  }
  return parts;
}
