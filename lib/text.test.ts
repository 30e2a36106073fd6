import { describe, expect, it } from "vitest";
import type { RichTextDoc } from "@/lib/domain/rich-text";
import { countCharacters, docToPlainText, paragraphsToDoc } from "@/lib/text";

describe("countCharacters", () => {
  it.each([
    ["本报讯（记者 边磊）", 9],
    ["hello, world", 2],
    ["2023年", 2],
    ["", 0],
    ["   ", 0],
    ["!?.,;:()[]\"'-", 0],
    ["中华人民共和国", 7],
    ["你好，世界。", 6],
    ["“引号”", 4],
    ["《人民日报》", 6],
    ["GDP增长5.2%", 4],
    ["don't stop", 2],
    ["3.14", 1],
    ["COVID-19 疫情", 3],
    ["カタカナ ひらがな", 8],
    ["한국어", 3],
  ])("%j counts %i", (text, want) => {
    expect(countCharacters(text)).toBe(want);
  });
});

describe("docToPlainText", () => {
  it("puts each paragraph, heading and list item on its own line, without marks", () => {
    const doc: RichTextDoc = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "标题" }] },
        {
          type: "paragraph",
          content: [
            { type: "text", text: "第一段" },
            { type: "text", text: "加粗", marks: [{ type: "bold" }] },
            {
              type: "text",
              text: "链接",
              marks: [{ type: "link", attrs: { href: "https://example.com" } }],
            },
          ],
        },
        {
          type: "bulletList",
          content: [
            {
              type: "listItem",
              content: [{ type: "paragraph", content: [{ type: "text", text: "一" }] }],
            },
            {
              type: "listItem",
              content: [{ type: "paragraph", content: [{ type: "text", text: "二" }] }],
            },
          ],
        },
        {
          type: "blockquote",
          content: [{ type: "paragraph", content: [{ type: "text", text: "引文" }] }],
        },
        { type: "horizontalRule" },
        { type: "paragraph", content: [{ type: "text", text: "末段" }] },
      ],
    };
    expect(docToPlainText(doc)).toBe("标题\n第一段加粗链接\n一\n二\n引文\n末段");
  });

  it("turns a hard break into a line break and skips empty paragraphs", () => {
    const doc: RichTextDoc = {
      type: "doc",
      content: [
        {
          type: "paragraph",
          content: [
            { type: "text", text: "上" },
            { type: "hardBreak" },
            { type: "text", text: "下" },
          ],
        },
        { type: "paragraph" },
        { type: "paragraph", content: [{ type: "text", text: "  " }] },
        { type: "paragraph", content: [{ type: "text", text: "后" }] },
      ],
    };
    expect(docToPlainText(doc)).toBe("上\n下\n后");
  });

  it("gives an empty string for an empty document", () => {
    expect(docToPlainText({ type: "doc" })).toBe("");
    expect(docToPlainText({ type: "doc", content: [] })).toBe("");
  });
});

describe("paragraphsToDoc", () => {
  it("makes one plain paragraph per non-blank string", () => {
    expect(paragraphsToDoc(["第一段", "", "  ", "第二段"])).toEqual({
      type: "doc",
      content: [
        { type: "paragraph", content: [{ type: "text", text: "第一段" }] },
        { type: "paragraph", content: [{ type: "text", text: "第二段" }] },
      ],
    });
  });

  it("gives an empty document for no paragraphs", () => {
    expect(paragraphsToDoc([])).toEqual({ type: "doc", content: [] });
  });

  it("round-trips through docToPlainText", () => {
    const paragraphs = ["本报讯（记者 边磊）昨日……", "Second paragraph.", "第三段"];
    expect(docToPlainText(paragraphsToDoc(paragraphs))).toBe(paragraphs.join("\n"));
  });
});
