import { describe, expect, it } from "vitest";
import type { RichTextDoc } from "@/lib/domain/rich-text";
import { anchorAt, locate, replaceText, textBlocks } from "@/lib/proof-anchor";
import { docToPlainText } from "@/lib/text";

const doc: RichTextDoc = {
  type: "doc",
  content: [
    { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "小标题" }] },
    {
      type: "paragraph",
      content: [
        { type: "text", text: "全区两百余名" },
        { type: "text", text: "职工", marks: [{ type: "bold" }] },
        { type: "text", text: "参加技能大赛。" },
      ],
    },
    {
      type: "blockquote",
      content: [{ type: "paragraph", content: [{ type: "text", text: "引文里的职工" }] }],
    },
  ],
};

describe("proofreading anchors", () => {
  it("lists paragraphs and headings in document order, nested ones too", () => {
    expect(textBlocks(doc)).toEqual(["小标题", "全区两百余名职工参加技能大赛。", "引文里的职工"]);
  });

  it("anchors a selection with its quote and the characters before it", () => {
    expect(anchorAt(textBlocks(doc), 1, 6, 8)).toEqual({
      blockIndex: 1,
      from: 6,
      to: 8,
      quote: "职工",
      prefix: "全区两百余名",
    });
    expect(anchorAt(textBlocks(doc), 1, 6, 99)).toBeNull();
    expect(anchorAt(textBlocks(doc), 9, 0, 0)).toBeNull();
  });

  it("replaces across text nodes, keeping the marks of the text it replaces", () => {
    const anchor = anchorAt(textBlocks(doc), 1, 4, 8);
    if (!anchor) throw new Error("no anchor");
    const next = replaceText(doc, anchor, "余位工人");
    expect(textBlocks(next)[1]).toBe("全区两百余位工人参加技能大赛。");
    // the new text takes the marks of the node it starts in; plain neighbours merge into one
    expect(next.content?.[1]?.content).toEqual([
      { type: "text", text: "全区两百余位工人参加技能大赛。" },
    ]);
    const inBold = replaceText(doc, { blockIndex: 1, from: 6, to: 8 }, "工人");
    expect(inBold.content?.[1]?.content?.[1]).toEqual({
      type: "text",
      text: "工人",
      marks: [{ type: "bold" }],
    });
    // the original is untouched
    expect(textBlocks(doc)[1]).toBe("全区两百余名职工参加技能大赛。");
  });

  it("deletes and inserts", () => {
    const del = replaceText(doc, { blockIndex: 1, from: 6, to: 8 }, "");
    expect(textBlocks(del)[1]).toBe("全区两百余名参加技能大赛。");
    const ins = replaceText(doc, { blockIndex: 1, from: 2, to: 2 }, "的");
    expect(textBlocks(ins)[1]).toBe("全区的两百余名职工参加技能大赛。");
    const atEnd = replaceText(doc, { blockIndex: 0, from: 3, to: 3 }, "一");
    expect(docToPlainText(atEnd).split("\n")[0]).toBe("小标题一");
    const whole = replaceText(doc, { blockIndex: 0, from: 0, to: 3 }, "");
    expect(whole.content?.[0]).toEqual({ type: "heading", attrs: { level: 2 } });
  });

  it("finds the marked text again after the story changed around it, or says it is gone", () => {
    const anchor = anchorAt(textBlocks(doc), 1, 6, 8);
    if (!anchor) throw new Error("no anchor");
    expect(locate(doc, anchor)).toEqual({ blockIndex: 1, from: 6, to: 8 });
    const shifted = replaceText(doc, { blockIndex: 1, from: 0, to: 0 }, "今天，");
    expect(locate(shifted, anchor)).toEqual({ blockIndex: 1, from: 9, to: 11 });
    const paragraphAdded: RichTextDoc = {
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "新的导语。" }] },
        ...(doc.content ?? []),
      ],
    };
    expect(locate(paragraphAdded, anchor)).toEqual({ blockIndex: 2, from: 6, to: 8 });
    const rewritten = replaceText(doc, { blockIndex: 1, from: 0, to: 8 }, "职工们");
    expect(locate(rewritten, anchor)).toBeNull();
  });
});
