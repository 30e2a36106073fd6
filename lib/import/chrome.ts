// E-paper and print furniture that is not part of any story: page tags, navigation, counters,
// site chrome (channels, pop-ups, read-aloud widgets, comment and complaint lines), footers.
import { archiveHeaderRule } from "./archive-headers";
import { fold } from "./fold";
import type { RuleId } from "./rules";

const DATE = String.raw`\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日`;
const PAGE = String.raw`(?:第?\s*[A-Z]?\d{1,3}\s*版|头版|[一二三四五六七八九十]{1,3}版)`;

// Each pattern is matched against the folded, trimmed line (and the raw one). They describe
// the furniture of e-paper sites and print footers in general, not of one paper, so a line
// only goes when it is nothing but furniture. Grouped by the rule the desk names.
const CHROME_RULES: { rule: RuleId; patterns: RegExp[] }[] = [
  {
    rule: "chromePageTag",
    patterns: [
      // 版次 and page tags: 第03版：要闻, 03版, A3版 要闻, 第 3 版, 当前版：04版 上一版 …
      /^第?\s*[A-Z]?\d{1,3}\s*版(?:次)?\s*(?:[：:·\-—\s]\s*\S{0,12})?$/u,
      /^版(?:次|面)\s*[：:]\s*\S{1,16}$/u,
      /^当前(?:版|版面|版次)\s*[：:].{0,60}$/u,
    ],
  },
  {
    rule: "chromeNavigation",
    patterns: [
      /^(?:上一[篇版期]|下一[篇版期])(?:\s*[：:]\s*.{0,60})?$/u,
      /^(?:Previous|Next)\s+(?:article|story|page)$/iu,
      /^(?:Print|Share|Email|Zoom in|Zoom out|Reset)(?:\s*[|/]\s*(?:Print|Share|Email|Zoom in|Zoom out|Reset))*$/iu,
      /^【?\s*字[体号]\s*[：:].{0,20}】?$/u,
      /^(?:点击|扫码|扫描二维码|长按二维码).{0,30}$/u,
    ],
  },
  {
    rule: "chromeCounter",
    patterns: [
      // 阅读量：123, and rows of counters: 阅读量:356 本文字数:812
      /^(?:(?:阅读量|阅读数|阅读|浏览量|浏览次数|点击数|点击量|访问量|评论数|本文字数|字数|点赞数?|分享数?)\s*[：:]\s*\d[\d,]*\s*(?:次|字)?\s*)+$/u,
    ],
  },
  {
    rule: "chromeLegal",
    patterns: [
      /^(?:版权所有|版权声明|Copyright|copyright|©|\(c\)|All rights reserved)/u,
      /^(?:关于我们|联系我们|网站地图|版权声明|隐私政策|免责声明)(?:\s*[|｜/·]\s*\S.{0,120})?$/u,
      /^(?:新闻热线|社址|地址|邮编|广告经营许可证|国内统一连续出版物号|印刷|零售价|定价)\s*[：:].*$/u,
    ],
  },
  {
    rule: "chromeEpaperHeader",
    patterns: [
      // 2023年03月01日 星期三, 样本日报 2021年03月08日 星期一, 2023-03-01
      new RegExp(`^.{0,20}?${DATE}\\s*(?:星期|周)[一二三四五六日天](?:\\s+\\S.{0,20})?$`, "u"),
      new RegExp(`^(?:${DATE}|\\d{4}-\\d{1,2}-\\d{1,2})$`, "u"),
      // An e-paper page header: paper, date and 版次 on one line; 《样本日报》(2021年03月08日 05版).
      new RegExp(`^.{0,20}${DATE}.{0,12}${PAGE}.{0,12}$`, "u"),
      // 出版日期：1990年05月01日 头版
      new RegExp(
        `^(?:出版日期|出版时间|刊期|日期)\\s*[：:]\\s*${DATE}\\s*(?:${PAGE}\\S{0,8})?$`,
        "u",
      ),
      /^\S{1,16}(?:官方网站|官网|数字报|电子报|电子版)(?:\s*[|｜]\s*|\s+)(?:首页|今天是).{0,30}$/u,
      /^\S{1,12}报\s*(?:数字报|电子报|电子版)$/u,
    ],
  },
  {
    rule: "chromeSite",
    patterns: [
      // A site's channel name (娱乐频道), pop-ups, read-aloud widgets, comment and complaint lines.
      /^\S{2,4}频道$/u,
      /^(?:已经是最新一期|已经是第一期|已经是最后一期|已经是第一版|已经是最后一版|已是最新一期|知道了|我知道了|确定|取消|往期|往期回顾|今天是)$/u,
      /^(?:语音播报|朗读|听新闻|听全文|收听|播放|开始朗读|点击播报本文|语音朗读|朗读全文|暂停)(?:\s+[\d:：/]+)*$/u,
      /^(?:网友评论|评论|跟帖)(?:仅供|须遵守|应遵守).{0,80}$/u,
      /^(?:我要评论|发表评论|查看评论|网友评论|全部评论)$/u,
      /^(?:投诉|举报|投诉举报|违法和不良信息举报|不良信息举报)(?:电话|邮箱|热线)\s*[：:].{0,60}$/u,
    ],
  },
  {
    rule: "chromeSource",
    patterns: [
      /^(?:来源|稿源|发布时间|发布日期|更新时间|日期|时间)\s*[：:].{0,60}$/u,
      // 2015年05月04日10:20 来源：某某网-某某日报
      new RegExp(
        `^${DATE}\\s*\\d{1,2}[：:]\\d{2}(?:[：:]\\d{2})?\\s*(?:来源\\s*[：:].{0,40})?$`,
        "u",
      ),
    ],
  },
  {
    rule: "chromeEditor",
    patterns: [
      /^(?:本版|责任|版面)?(?:编辑|责编|美编|校对|组版|审读|制图|设计)(?:\s*[：:]\s*\S.{0,20})$/u,
      /^(?:本版责编|责任编辑|版式设计|美术编辑)\s*\S.{0,20}$/u,
    ],
  },
  {
    rule: "chromeJump",
    patterns: [
      /^（?(?:下转|上接|转自|接|转)第?\s*[A-Z\d一二三四五六七八九十]+\s*版）?$/u,
      /^\(?(?:Continued|Cont'd|CONTINUED)\s+(?:on|from)\s+(?:Page|page|PAGE)\s+[A-Z]?\d{1,3}\)?\.?$/u,
    ],
  },
  {
    rule: "chromeOrnament",
    patterns: [
      // Rules, ornaments and bare page numbers left by the extraction: no letter in them.
      /^[\p{P}\p{S}\s]{1,80}$/u,
      /^\d{1,3}$/u,
      /^(?:Page|PAGE)\s+[A-Z]?\d{1,3}$/u,
      /^(?:https?:\/\/|www\.)\S+$/u,
    ],
  },
];

// Navigation and reader controls come as rows of single words (放大 缩小 默认 | 打印 | 关闭);
// a row goes only when every word on it is one of them, so 打印机 or 收藏家 in a story stay.
const NAV_WORDS = new Set([
  "放大",
  "缩小",
  "默认",
  "字号",
  "大",
  "中",
  "小",
  "打印",
  "打印本页",
  "关闭",
  "关闭窗口",
  "收藏",
  "分享",
  "分享到",
  "返回",
  "返回目录",
  "返回首页",
  "返回版面",
  "返回顶部",
  "回到顶部",
  "推荐给好友",
  "上一篇",
  "下一篇",
  "上一版",
  "下一版",
  "上一期",
  "下一期",
  "版面导航",
  "往期回顾",
  "往期",
  "首页",
  "今天是",
  "【",
  "】",
]);

const LEGAL_NOTICE =
  /(?:版权所有|All rights reserved|未经(?:书面)?(?:授权|许可).{0,20}(?:转载|使用|复制))/iu;

// Jump lines and end marks inside a paragraph (…工作。（下转第2版）, …。（完）) are furniture too.
const JUMP_MARK =
  /[（(](?:(?:下转|上接|转自|接|转)第?\s*[A-Z\d一二三四五六七八九十]+\s*版|完|全文完|未完待续|待续)[）)]/gu;

/** The line without jump marks such as （下转第2版）, which print sets inside the text. */
export function stripJumpMarks(line: string): string {
  return line.replace(JUMP_MARK, "").trim();
}

/** The rule that makes a trimmed line furniture (chrome or an archive header), or null. */
export function chromeRule(line: string): RuleId | null {
  const folded = fold(line).trim();
  if (folded.length === 0) return null;
  if (stripJumpMarks(line).length === 0) return "chromeJump";
  const raw = line.trim();
  const archive = archiveHeaderRule(raw);
  if (archive) return archive;
  // Folding turns ASCII ":" and "," full-width, which URLs and counts (1,203) keep ASCII.
  // A sentence is never an e-paper header, whatever dates and 版 it names.
  const sentence = /[。，；]/u.test(folded);
  for (const { rule, patterns } of CHROME_RULES) {
    if (rule === "chromeEpaperHeader" && sentence) continue;
    if (patterns.some((pattern) => pattern.test(folded) || pattern.test(raw))) return rule;
  }
  if (folded.length <= 80 && LEGAL_NOTICE.test(folded)) return "chromeLegal";
  const words = folded.split(/[\s|｜/·•]+/u).filter((w) => w.length > 0);
  const allNav =
    words.length > 0 &&
    words.every(
      (word) => NAV_WORDS.has(word.replace(/[【】［］[\]]/gu, "")) || /^[【】]$/u.test(word),
    );
  return allNav ? "chromeNavigation" : null;
}

/** Whether a trimmed line is e-paper or print furniture rather than story text. */
export function isChrome(line: string): boolean {
  return chromeRule(line) !== null;
}

// A date-and-page line glued to the headline that follows it on the same line:
// 出版日期：1990年05月01日 头版 某区工会 重视职工书屋建设. The furniture is cut off; the rest stays.
const GLUED_DATE = new RegExp(
  `^(?:(?:出版日期|出版时间|刊期|日期)\\s*[：:]\\s*)?${DATE}\\s*(?:(?:星期|周)[一二三四五六日天]\\s*)?(?:${PAGE}(?:\\s*[：:]\\s*\\S{1,6}(?=\\s))?)\\s+`,
  "u",
);

/**
 * A line that opens with a date-and-page tag and goes on with text: the text without the tag,
 * or null when the line has no such tag (or is nothing but it).
 */
export function splitGluedChrome(line: string): string | null {
  const trimmed = line.trim();
  const match = fold(trimmed).match(GLUED_DATE);
  if (!match) return null;
  const rest = trimmed.slice(match[0].length).trim();
  // A page name after the tag (第03版 要闻) is furniture too: a headline is longer, and is not
  // itself furniture.
  if (rest.replace(/\s/gu, "").length < 7 || chromeRule(rest) !== null) return null;
  return rest;
}
