// Property: whatever the page, the import loses no body text. Every letter and figure of a line
// that is not furniture appears in the one story that line went to; furniture lines (chrome,
// duplicates, labels, the banner) are the furniture list. Role words (记者, 通讯员, 摄 …) are
// how print labels names, not text, so the generated text never uses their characters.
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { splitGluedChrome, stripJumpMarks } from "@/lib/import/chrome";
import { readPage } from "@/lib/import/parse-page";
import type { ParsedArticle } from "@/lib/import/types";

const FURNITURE = new Set(["chrome", "duplicate", "label", "banner", "blank"]);
const ROLE_CHARS = new Set([..."本记者通讯员实习生摄影报道文字整理图"]);
const POOL = [
  ..."的一是在不了有和人这中大为上个国我以要他时来用们地到作就出会可也你对生能而子那得于着下自之年过发后作里如家多经么去法学如都同现当没动面起看定天分还进好小部其些主样理心她本前开但因只从想实日军者意无力它与长把机十民第公此已工使情明性知全三又关点正业外将两高间由问很最重并物手应战向头体政美相见被利什二等产或新己制身果加西斯月话合回特代内信表化老给世位次度门任常先海通教儿原东声提立及比员解水名真论处走义各入几口认条平系气题活尔更别打女变四神总何电数安少报才结反受目太量再感建务做接必场件计管期市直德资命山金指克许统区保至队形社便空决治展马科司五基眼书非则听白却界达光放强即像难且权思王象完设式色路记南品住告类求据程北边死张该交规万取拉格望觉术领共确传师观清今切院让识候带导争运笑飞风步改收根干造言联持组每济车亲极林服快办议往元英士证近失转夫令准布始怎呢存未远叫台单影具罗字爱击流备兵连调深商算质团集百需价花党华城石级整府离况亚请技际约示复病息究线似官火断精满支视消越器容照须九增研写称企八功吗包片史委乎查轻易早曾除农找装广显吧阿李标谈吃图念六引历首医局突专费号尽另周较注语仅考落青随选列武红响虽推势参希古众构房半节土投某案黑维革划敌致陈律足态护七兴派孩验责营星够章音跟志底站严巴例防族供效续施留讲型料终答紧黄绝奇察母京段依批群项故按河米围江织害斗双境客纪采举杀攻父苏密低朝友诉止细愿千值仍男钱破网热助倒育属坐帝限船脸职速刻乐否刚威毛状率甚独球般普怕弹校苦创假久错承印晚兰试股拿脑预谁益阳若哪微尼继送急血惊伤素药适波夜省初喜卫源食险待述陆习置居劳财环排福纳欢雷警获模充负云停木游龙树疑层冷洲冲射略范竟句室异激汉村哈策演简卡罪判担州静退既衣您宗积余痛检差富灵协角占配征修皮挥胜降阶审沉坚善妈刘读啊超免压银买皇养伊怀执副乱抗犯追帮宣佛岁航优怪香著田铁控税左右份穿艺背阵草脚概恶块顿敢守酒岛托央户烈洋哥索胡款靠评版宝座释景顾弟登货互付伯慢欧换闻危忙核暗姐介坏讨丽良序升监临亮露永呼味野架域沙掉括舰鱼杂误湖钟奥",
].filter((ch) => !ROLE_CHARS.has(ch));

const han = (min: number, max: number) =>
  fc.array(fc.constantFrom(...POOL), { minLength: min, maxLength: max }).map((a) => a.join(""));
const name = han(2, 3);
const sentence = fc
  .tuple(
    han(4, 18),
    fc.constantFrom("，", ",", "、"),
    han(4, 18),
    fc.constantFrom("。", "！", "？"),
  )
  .map((parts) => parts.join(""));
const paragraph = fc.array(sentence, { minLength: 1, maxLength: 3 }).map((s) => s.join(""));

const WORDS =
  "city council water plant bridge river mills workers strike board county bond state road school house vote market farm price grain ship dock".split(
    " ",
  );
const words = (min: number, max: number) =>
  fc.array(fc.constantFrom(...WORDS), { minLength: min, maxLength: max }).map((w) => w.join(" "));
const englishLine = fc.oneof(
  words(2, 5).map((w) => w.toUpperCase()), // a deck
  words(3, 8).map((w) => `${w[0]?.toUpperCase()}${w.slice(1)}.`), // a sentence
  fc.tuple(words(3, 6), fc.constantFrom(...WORDS)).map(([w, x]) => `${w} ${x.slice(0, 3)}-`), // hyphen
  words(2, 6), // a wrapped line
  words(3, 6).map((w) => `WASHINGTON, Feb. 26.—The ${w}.`), // a dateline
);

const line = fc.oneof(
  { weight: 3, arbitrary: englishLine },
  { weight: 3, arbitrary: han(4, 20) }, // a headline
  { weight: 2, arbitrary: fc.tuple(han(4, 8), han(4, 8), han(6, 12)).map((p) => p.join(" ")) },
  { weight: 6, arbitrary: paragraph },
  { weight: 2, arbitrary: paragraph.map((p) => p.slice(0, Math.ceil(p.length / 2))) }, // broken
  { weight: 2, arbitrary: fc.tuple(name, paragraph).map(([n, p]) => `本报讯（记者 ${n}）${p}`) },
  { weight: 1, arbitrary: fc.tuple(name, paragraph).map(([n, p]) => `本报讯 ${n} ${p}`) },
  { weight: 1, arbitrary: fc.tuple(paragraph, name, name).map(([p, a, b]) => `${p}（${a} ${b}）`) },
  { weight: 1, arbitrary: fc.tuple(name, name).map(([a, b]) => `本报记者 ${a} 通讯员 ${b} 摄`) },
  { weight: 1, arbitrary: name.map((n) => `文字整理 ${n}`) },
  { weight: 1, arbitrary: han(2, 4).map((t) => `■${t}`) },
  { weight: 1, arbitrary: han(3, 6).map((t) => `${t}——`) },
  {
    weight: 1,
    arbitrary: fc.constantFrom(
      "第3版()",
      "专栏:",
      "阅读量:356 本文字数:812",
      "当前版: 05版 上一版 下一版",
      "知道了",
      "2021年03月08日 星期一",
    ),
  },
  { weight: 1, arbitrary: han(6, 14).map((h) => `出版日期:1990年05月01日 头版 ${h}`) },
  { weight: 2, arbitrary: fc.constant("") },
);

const page = fc.array(line, { minLength: 1, maxLength: 30 }).map((lines) => lines.join("\n"));

function counts(text: string): Map<string, number> {
  const map = new Map<string, number>();
  for (const ch of text) {
    if (!/[\p{L}\p{N}]/u.test(ch) || ROLE_CHARS.has(ch)) continue;
    map.set(ch, (map.get(ch) ?? 0) + 1);
  }
  return map;
}

function storyText(article: ParsedArticle): string {
  const b = article.byline;
  return [
    article.kicker,
    article.headline,
    article.subheadline,
    b.dateline,
    b.agency,
    b.credit,
    ...b.reporters,
    ...b.correspondents,
    ...b.photographers,
    ...article.paragraphs,
  ]
    .filter((t): t is string => typeof t === "string")
    .join("\n");
}

/** The characters a story's lines hold that its article does not, or "" when none is lost. */
function lost(text: string): string {
  const reading = readPage(text);
  const wanted = new Map<number, string[]>();
  for (const l of reading.lines) {
    if (FURNITURE.has(l.role)) continue;
    // A byline that leads no story (nothing under it) is listed with the furniture; any other
    // line outside furniture belongs to exactly one story.
    if (l.article === undefined && l.role === "byline") continue;
    if (l.article === undefined) return `unassigned: ${l.text}`;
    const stripped = stripJumpMarks(l.text.trim());
    const kept = splitGluedChrome(stripped) ?? stripped;
    wanted.set(l.article, [...(wanted.get(l.article) ?? []), kept]);
  }
  const missing: string[] = [];
  for (const [index, texts] of wanted) {
    const article = reading.articles[index];
    if (!article) return `no article ${index}`;
    const have = counts(storyText(article));
    for (const [ch, n] of counts(texts.join(""))) {
      if ((have.get(ch) ?? 0) < n) missing.push(ch);
    }
  }
  return missing.join("");
}

describe("the import loses no body text", () => {
  it("every non-furniture character of any page appears in exactly one story", () => {
    fc.assert(
      fc.property(page, (text) => {
        expect(lost(text)).toBe("");
      }),
      { numRuns: 300 },
    );
  });

  it("the check finds a character a story dropped", () => {
    // The property can fail: a page whose stories lost text is caught.
    const text = "市总工会启动职工疗休养工作\n本报讯（记者 刘洋）日前，市总工会印发通知。";
    expect(lost(text)).toBe("");
    const reading = readPage(text);
    const article = reading.articles[0];
    expect(article).toBeDefined();
    if (article) article.paragraphs = ["日前。"];
    const have = counts(storyText(article as ParsedArticle));
    expect(have.get("印")).toBeUndefined();
  });
});
