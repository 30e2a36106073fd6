// Plain text of a story and its length as print editors count it (字数).
import type { RichTextDoc, RichTextNode } from "@/lib/domain/rich-text";

const TEXT_BLOCKS = new Set(["paragraph", "heading"]);

function inlineText(node: RichTextNode): string {
  if (node.type === "text") return node.text ?? "";
  if (node.type === "hardBreak") return "\n";
  return (node.content ?? []).map(inlineText).join("");
}

/** The document's text, one line per paragraph or heading, without markup. */
export function docToPlainText(doc: RichTextDoc): string {
  const lines: string[] = [];
  const walk = (node: RichTextNode): void => {
    if (TEXT_BLOCKS.has(node.type)) lines.push(inlineText(node));
    else for (const child of node.content ?? []) walk(child);
  };
  for (const node of doc.content ?? []) walk(node);
  return lines.filter((line) => line.trim().length > 0).join("\n");
}

// As Word and WPS count 字数: one per CJK character (ideograph, kana, hangul) and per
// full-width punctuation mark, one per word of letters or digits; spaces, ASCII punctuation
// and markup count nothing.
const COUNTED =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]|[\u3000-\u303f\uff00-\uffef\u2018-\u201f\u2026\u2014]|[\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]+(?:['’.-][\p{Script=Latin}\p{Script=Greek}\p{Script=Cyrillic}\p{N}]+)*/gu;

export function countCharacters(text: string): number {
  let count = 0;
  for (const _ of text.matchAll(COUNTED)) count += 1;
  return count;
}

/** A document of plain paragraphs, as the importer and the seed produce them. */
export function paragraphsToDoc(paragraphs: readonly string[]): RichTextDoc {
  return {
    type: "doc",
    content: paragraphs
      .filter((p) => p.trim().length > 0)
      .map((p) => ({ type: "paragraph", content: [{ type: "text", text: p }] })),
  };
}
