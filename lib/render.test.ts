import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import type { RichTextNode } from "@/lib/domain/rich-text";
import { escapeHtml, isValidDoc, renderRichText, sanitizeDoc } from "@/lib/render";

const REL = 'rel="noopener noreferrer nofollow"';

function doc(...content: unknown[]) {
  return { type: "doc", content };
}

function paragraph(...content: unknown[]) {
  return { type: "paragraph", content };
}

function text(value: string, marks?: unknown[]) {
  return marks ? { type: "text", text: value, marks } : { type: "text", text: value };
}

function linked(href: unknown, attrs: Record<string, unknown> = {}) {
  return doc(paragraph(text("点击", [{ type: "link", attrs: { href, ...attrs } }])));
}

describe("escaping", () => {
  it("escapes text so markup in it never appears raw", () => {
    const html = renderRichText(doc(paragraph(text('<script>alert("x")</script> & <b>'))));
    expect(html).not.toContain("<script");
    expect(html).not.toContain("<b>");
    expect(html).toBe('<p>&lt;script&gt;alert("x")&lt;/script&gt; &amp; &lt;b&gt;</p>');
  });

  it("escapes text that tries to break out of an attribute", () => {
    const html = renderRichText(doc(paragraph(text('" onmouseover="alert(1)'))));
    expect(html).not.toMatch(/<[^>]*onmouseover/i);
  });

  it("escapeHtml escapes the five special characters", () => {
    expect(escapeHtml(`<a href="x" title='y'>&</a>`)).toBe(
      "&lt;a href=&quot;x&quot; title=&#39;y&#39;&gt;&amp;&lt;/a&gt;",
    );
  });
});

describe("unknown nodes and marks", () => {
  it.each(["script", "iframe", "image", "codeBlock", "table", "doc"])("drops a %s node", (type) => {
    const html = renderRichText(
      doc(
        { type, attrs: { src: "https://evil.example/x.js" }, content: [text("hidden")] },
        paragraph(text("visible")),
      ),
    );
    expect(html).toBe("<p>visible</p>");
  });

  it("drops unknown marks but keeps their text", () => {
    const html = renderRichText(
      doc(paragraph(text("文字", [{ type: "strike" }, { type: "bogus" }]))),
    );
    expect(html).toBe("<p>文字</p>");
  });

  it("drops text nodes without a string text", () => {
    expect(sanitizeDoc(doc(paragraph({ type: "text", text: 42 }, text("ok"))))).toEqual({
      type: "doc",
      content: [{ type: "paragraph", content: [{ type: "text", text: "ok" }] }],
    });
  });
});

describe("links", () => {
  it.each([
    "javascript:alert(1)",
    "JavaScript:alert(1)",
    "  javascript:alert(1)",
    "java\tscript:alert(1)",
    "data:text/html;base64,PHNjcmlwdD5hbGVydCgxKTwvc2NyaXB0Pg==",
    "vbscript:msgbox(1)",
    "/relative/path",
    "//evil.example/",
    "#top",
    "evil.example",
    "",
    null,
    42,
  ])("drops a link to %j but keeps its text", (href) => {
    const html = renderRichText(linked(href));
    expect(html).toBe("<p>点击</p>");
    expect(html).not.toContain("<a");
  });

  it.each(["https://example.com/a?b=1", "http://example.com/", "mailto:desk@example.com"])(
    "keeps a link to %s with a safe rel",
    (href) => {
      const html = renderRichText(linked(href));
      expect(html).toContain(`href="${href.replace("&", "&amp;")}"`);
      expect(html).toContain(REL);
      expect(html).not.toContain("target=");
    },
  );

  it("escapes quotes in an href", () => {
    const html = renderRichText(linked('https://example.com/?q="><script>alert(1)</script>'));
    expect(html).not.toContain("<script");
    expect(html).toContain("&quot;&gt;&lt;script&gt;");
  });

  it("keeps the safe rel and no target whatever the stored mark says", () => {
    const html = renderRichText(
      linked("https://example.com/", { rel: "opener", target: "_blank", class: "desk-admin" }),
    );
    expect(html).toContain(REL);
    expect(html).not.toContain('rel="opener"');
    expect(html).not.toContain("target=");
    expect(html).not.toContain("desk-admin");
  });
});

describe("attributes", () => {
  it("never outputs event-handler attributes", () => {
    const html = renderRichText(
      doc(
        { type: "paragraph", attrs: { onclick: "alert(1)" }, content: [text("p")] },
        {
          type: "heading",
          attrs: { level: 2, onerror: "alert(1)", onclick: "alert(1)" },
          content: [text("h")],
        },
        paragraph(
          text("a", [
            { type: "link", attrs: { href: "https://example.com", onclick: "alert(1)" } },
            { type: "bold", attrs: { onmouseover: "alert(1)" } },
          ]),
        ),
        { type: "horizontalRule", attrs: { onerror: "alert(1)" } },
      ),
    );
    expect(html).not.toMatch(/\son\w+=/i);
    expect(html).not.toContain("alert");
  });

  it("drops attribute values that are objects or arrays", () => {
    const clean = sanitizeDoc(
      doc({ type: "heading", attrs: { level: { toString: "x" } }, content: [text("h")] }),
    );
    expect(clean.content?.[0]?.attrs).toBeUndefined();
  });
});

describe("blocks and marks", () => {
  it("renders level-2 and level-3 headings", () => {
    expect(
      renderRichText(doc({ type: "heading", attrs: { level: 2 }, content: [text("二")] })),
    ).toBe("<h2>二</h2>");
    expect(
      renderRichText(doc({ type: "heading", attrs: { level: 3 }, content: [text("三")] })),
    ).toBe("<h3>三</h3>");
  });

  it("never renders a heading level the editor does not offer", () => {
    const html = renderRichText(
      doc({ type: "heading", attrs: { level: 1 }, content: [text("一")] }),
    );
    expect(html).not.toContain("<h1");
  });

  it("renders bold, italic and underline", () => {
    const html = renderRichText(
      doc(
        paragraph(
          text("粗", [{ type: "bold" }]),
          text("斜", [{ type: "italic" }]),
          text("下", [{ type: "underline" }]),
        ),
      ),
    );
    expect(html).toBe("<p><strong>粗</strong><em>斜</em><u>下</u></p>");
  });

  it("renders a block that breaks the schema as plain text and keeps the others", () => {
    const input = doc(
      paragraph(text("前")),
      { type: "bulletList", content: [paragraph(text("错<位>"))] },
      paragraph(text("后", [{ type: "bold" }])),
    );
    expect(isValidDoc(sanitizeDoc(input))).toBe(false);
    expect(() => renderRichText(input)).not.toThrow();
    expect(renderRichText(input)).toBe("<p>前</p><p>错&lt;位&gt;</p><p><strong>后</strong></p>");
  });

  it("renders nothing for an empty document", () => {
    expect(renderRichText(doc())).toBe("");
  });
});

describe("garbage input", () => {
  function nested(levels: number): unknown {
    let node: unknown = paragraph(text("深"));
    for (let i = 0; i < levels; i++) node = { type: "blockquote", content: [node] };
    return node;
  }

  it.each([
    ["null", null],
    ["undefined", undefined],
    ["a string", "<p>hello</p>"],
    ["a number", 42],
    ["an array", [paragraph(text("x"))]],
    ["content that is a string", { type: "doc", content: "x" }],
    ["content with nulls", { type: "doc", content: [null, 1, "x", [], {}] }],
    [
      "nodes with odd fields",
      doc({ type: 1 }, { type: "paragraph", content: "x" }, { type: "text" }),
    ],
    ["marks that are not a list", doc(paragraph({ type: "text", text: "x", marks: "bold" }))],
    ["1000 levels of nesting", doc(nested(1000))],
  ])("never throws on %s", (_label, input) => {
    expect(() => sanitizeDoc(input)).not.toThrow();
    expect(() => renderRichText(input)).not.toThrow();
    expect(typeof renderRichText(input)).toBe("string");
  });

  it("renders nothing for input that is not a document", () => {
    expect(renderRichText(null)).toBe("");
    expect(renderRichText("<script>alert(1)</script>")).toBe("");
    expect(renderRichText({ type: "doc", content: "x" })).toBe("");
  });

  it("still renders shallow nesting", () => {
    expect(renderRichText(doc(nested(3)))).toBe(
      "<blockquote><blockquote><blockquote><p>深</p></blockquote></blockquote></blockquote>",
    );
  });
});

describe("sanitizeDoc", () => {
  it("leaves a clean editor document as it is", () => {
    const clean: { type: "doc"; content: RichTextNode[] } = {
      type: "doc",
      content: [
        { type: "heading", attrs: { level: 2 }, content: [{ type: "text", text: "标题" }] },
        {
          type: "paragraph",
          content: [{ type: "text", text: "正文", marks: [{ type: "bold" }] }],
        },
      ],
    };
    expect(sanitizeDoc(clean)).toEqual(clean);
  });
});

describe("golden", () => {
  it("renders a representative document exactly", () => {
    const input = doc(
      paragraph(
        text("本报讯（记者 边磊）"),
        text("加粗", [{ type: "bold" }]),
        text("与"),
        text("斜体", [{ type: "italic" }]),
        text("，详见"),
        text("官网", [{ type: "link", attrs: { href: "https://example.com/news?id=1&p=2" } }]),
        text("。"),
      ),
      { type: "heading", attrs: { level: 2 }, content: [text("小标题")] },
      {
        type: "orderedList",
        attrs: { start: 1 },
        content: [
          { type: "listItem", content: [paragraph(text("第一"))] },
          { type: "listItem", content: [paragraph(text("第二"))] },
        ],
      },
      { type: "blockquote", content: [paragraph(text("引文 <原文>"))] },
      { type: "horizontalRule" },
      paragraph(text("完")),
    );
    const golden = readFileSync(
      path.join(import.meta.dirname, "__golden__", "render.html"),
      "utf8",
    ).trimEnd();
    expect(renderRichText(input)).toBe(golden);
  });
});
