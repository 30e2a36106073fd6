// Where a proofreading mark sits in a story's text, and the change it makes: pure functions over
// Tiptap JSON. A block is a paragraph or heading, counted in document order; offsets count the
// characters of its text (a line break is one), the same text the proofreading desk shows.
import type { RichTextDoc, RichTextNode } from "@/lib/domain/rich-text";

const TEXT_BLOCKS = new Set(["paragraph", "heading"]);

export type Anchor = {
  blockIndex: number;
  from: number;
  to: number;
  /** The marked text exactly as it was (empty for an insertion). */
  quote: string;
  /** Up to PREFIX_LENGTH characters before it, so a short quote can be found again. */
  prefix: string;
};

export const PREFIX_LENGTH = 8;

function inlineText(node: RichTextNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(inlineText).join("");
}

function collectBlocks(doc: RichTextDoc): RichTextNode[] {
  const blocks: RichTextNode[] = [];
  const walk = (node: RichTextNode): void => {
    if (TEXT_BLOCKS.has(node.type)) blocks.push(node);
    else for (const child of node.content ?? []) walk(child);
  };
  for (const node of doc.content ?? []) walk(node);
  return blocks;
}

/** The text of each paragraph and heading, in order: what a proofreader reads and selects. */
export function textBlocks(doc: RichTextDoc): string[] {
  return collectBlocks(doc).map(inlineText);
}

/** The anchor of a selection inside block `blockIndex` of `blocks`. */
export function anchorAt(blocks: readonly string[], blockIndex: number, from: number, to: number) {
  const text = blocks[blockIndex];
  if (text === undefined || from < 0 || to < from || to > text.length) return null;
  return {
    blockIndex,
    from,
    to,
    quote: text.slice(from, to),
    prefix: text.slice(Math.max(0, from - PREFIX_LENGTH), from),
  } satisfies Anchor;
}

function occurrences(text: string, needle: string): number[] {
  const found: number[] = [];
  if (!needle) return found;
  for (let i = text.indexOf(needle); i >= 0; i = text.indexOf(needle, i + 1)) found.push(i);
  return found;
}

/**
 * Find the marked text again in the story as it is now: where it was, else the one place in
 * its block (then in the story) where the prefix and quote still stand together. Null when the
 * text has changed so that the mark no longer says what it meant.
 */
export function locate(doc: RichTextDoc, anchor: Anchor): Omit<Anchor, "quote" | "prefix"> | null {
  const blocks = textBlocks(doc);
  const text = blocks[anchor.blockIndex];
  const standsAt = (t: string | undefined, from: number) =>
    t !== undefined &&
    from >= 0 &&
    t.slice(from, from + anchor.quote.length) === anchor.quote &&
    t.slice(Math.max(0, from - anchor.prefix.length), from) === anchor.prefix;
  if (standsAt(text, anchor.from) && anchor.from - anchor.prefix.length >= 0) {
    return {
      blockIndex: anchor.blockIndex,
      from: anchor.from,
      to: anchor.from + anchor.quote.length,
    };
  }
  const needle = anchor.prefix + anchor.quote;
  if (!needle) return null;
  const inBlock = text === undefined ? [] : occurrences(text, needle);
  if (inBlock.length === 1) {
    const from = (inBlock[0] ?? 0) + anchor.prefix.length;
    return { blockIndex: anchor.blockIndex, from, to: from + anchor.quote.length };
  }
  if (inBlock.length > 1) return null;
  const hits = blocks.flatMap((t, i) => occurrences(t, needle).map((at) => ({ i, at })));
  if (hits.length !== 1 || !hits[0]) return null;
  const from = hits[0].at + anchor.prefix.length;
  return { blockIndex: hits[0].i, from, to: from + anchor.quote.length };
}

type Marks = RichTextNode["marks"];
const sameMarks = (a: Marks, b: Marks) => JSON.stringify(a ?? []) === JSON.stringify(b ?? []);

/** Replace characters [from, to) of a block's inline content with `text` (keeping its marks). */
function editInline(content: RichTextNode[], from: number, to: number, text: string) {
  const out: RichTextNode[] = [];
  let pos = 0;
  let inserted = false;
  let marksBefore: Marks;
  const insert = (marks: Marks) => {
    if (inserted) return;
    inserted = true;
    if (text) out.push({ type: "text", text, ...(marks?.length ? { marks } : {}) });
  };
  for (const node of content) {
    const length = inlineText(node).length;
    const start = pos;
    const end = pos + length;
    pos = end;
    if (end <= from) {
      out.push(node);
      if (node.type === "text") marksBefore = node.marks;
      continue;
    }
    if (start >= to) {
      insert(marksBefore);
      out.push(node);
      continue;
    }
    // The node overlaps [from, to): keep what lies outside, put the new text where the old was.
    if (node.type !== "text") {
      insert(marksBefore);
      continue;
    }
    const value = node.text ?? "";
    const head = value.slice(0, Math.max(0, from - start));
    const tail = value.slice(Math.max(0, to - start));
    if (head) out.push({ ...node, text: head });
    insert(node.marks);
    if (tail) out.push({ ...node, text: tail });
  }
  insert(marksBefore);
  // Neighbouring text of the same marks becomes one node, as the editor would save it.
  const merged: RichTextNode[] = [];
  for (const node of out) {
    const last = merged[merged.length - 1];
    if (last?.type === "text" && node.type === "text" && sameMarks(last.marks, node.marks)) {
      merged[merged.length - 1] = { ...last, text: (last.text ?? "") + (node.text ?? "") };
    } else merged.push(node);
  }
  return merged;
}

/** A copy of `doc` with characters [from, to) of block `blockIndex` replaced by `text`. */
export function replaceText(
  doc: RichTextDoc,
  at: { blockIndex: number; from: number; to: number },
  text: string,
): RichTextDoc {
  const copy = structuredClone(doc);
  const block = collectBlocks(copy)[at.blockIndex];
  if (!block) throw new Error("no such block");
  const content = editInline(block.content ?? [], at.from, at.to, text);
  if (content.length > 0) block.content = content;
  else delete block.content;
  return copy;
}
