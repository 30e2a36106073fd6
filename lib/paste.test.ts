import { describe, expect, it } from "vitest";
import { cleanPastedHtml } from "@/lib/paste";

describe("cleanPastedHtml", () => {
  it("turns Word's list paragraphs into real lists and drops its styles and comments", () => {
    const word = `<html><head><style>p.MsoNormal{font-family:SimSun}</style><meta name=Generator content="Microsoft Word 15"></head><body>
<!--[if gte mso 9]><xml><o:OfficeDocumentSettings/></xml><![endif]-->
<h1 style="font-family:黑体">标题</h1>
<p class=MsoListParagraph style="mso-list:l0 level1 lfo1"><span style="font-family:Symbol">·<span>&nbsp;&nbsp;</span></span>第一条<o:p></o:p></p>
<p class=MsoListParagraph style="mso-list:l0 level1 lfo1"><span style="font-family:Symbol">·<span>&nbsp;&nbsp;</span></span>第二条<o:p></o:p></p>
<p class=MsoNormal><b>加粗</b>普通</p>
<script>alert(1)</script></body></html>`;
    const out = cleanPastedHtml(word);
    expect(out).not.toMatch(/<style|<script|<o:p|<!--|<meta/);
    expect(out).toContain("<h2");
    expect(out).toMatch(/<ul><li><p>第一条<\/p><\/li><li><p>第二条<\/p><\/li><\/ul>/);
    expect(out).toContain("<b>加粗</b>");
  });

  it("numbers become an ordered list; plain HTML passes through", () => {
    const out = cleanPastedHtml(
      '<p class="MsoListParagraph">1.&nbsp;甲</p><p class="MsoListParagraph">2.&nbsp;乙</p><h5>小</h5>',
    );
    expect(out).toMatch(/<ol><li><p>甲<\/p><\/li><li><p>乙<\/p><\/li><\/ol>/);
    expect(out).toContain("<h3>小</h3>");
    expect(cleanPastedHtml("<p>网页<em>段落</em></p>")).toBe("<p>网页<em>段落</em></p>");
  });
});
