// E-paper and print furniture that is not part of any story: page tags, navigation, counters.
import { fold } from "./fold";

// Each pattern is matched against the folded, trimmed line. They describe the furniture of
// e-paper sites and print footers in general (版次, navigation, counters, legal lines), not
// of one paper, so a line only goes when it is nothing but furniture.
const CHROME_PATTERNS: RegExp[] = [
  // 版次 and page tags: 第03版：要闻, 03版, A3版 要闻, 第 3 版
  /^第?\s*[A-Z]?\d{1,3}\s*版(?:次)?\s*(?:[：:·\-—\s]\s*\S{0,12})?$/u,
  /^版(?:次|面)\s*[：:]\s*\S{1,16}$/u,
  /^(?:上一[篇版期]|下一[篇版期])(?:\s*[：:]\s*.{0,60})?$/u,
  /^(?:阅读量|阅读数|阅读|浏览量|浏览次数|点击数|点击量|访问量|评论数)\s*[：:]\s*\d[\d,]*\s*(?:次)?$/u,
  /^(?:版权所有|版权声明|Copyright|copyright|©|\(c\)|All rights reserved)/u,
  /^(?:https?:\/\/|www\.)\S+$/u,
  /^(?:本版|责任|版面)?(?:编辑|责编|美编|校对|组版|审读|制图|设计)(?:\s*[：:]\s*\S.{0,20})$/u,
  /^(?:本版责编|责任编辑|版式设计|美术编辑)\s*\S.{0,20}$/u,
  /^(?:\d{4}年\d{1,2}月\d{1,2}日)\s*(?:星期|周)[一二三四五六日天]\s*.{0,20}$/u,
  /^(?:\d{4}年\d{1,2}月\d{1,2}日|\d{4}-\d{1,2}-\d{1,2})$/u,
  // An e-paper page header: paper, date and 版次 on one line.
  /^.{0,20}\d{4}\s*年\s*\d{1,2}\s*月\s*\d{1,2}\s*日.{0,12}第?\s*[A-Z]?\d{1,3}\s*版.{0,12}$/u,
  /^(?:新闻热线|社址|地址|邮编|广告经营许可证|国内统一连续出版物号|印刷|零售价|定价)\s*[：:].*$/u,
  /^(?:点击|扫码|扫描二维码|长按二维码).{0,30}$/u,
  /^(?:来源|稿源|发布时间|发布日期|更新时间|日期|时间)\s*[：:].{0,60}$/u,
  /^【?\s*字[体号]\s*[：:].{0,20}】?$/u,
  /^（?(?:下转|上接|转自|接|转)第?\s*[A-Z\d一二三四五六七八九十]+\s*版）?$/u,
  // Rules, ornaments and bare page numbers left by the extraction: no letter in them.
  /^[\p{P}\p{S}\s]{1,80}$/u,
  /^\d{1,3}$/u,
  // English e-paper and print furniture
  /^(?:Page|PAGE)\s+[A-Z]?\d{1,3}$/u,
  /^\(?(?:Continued|Cont'd|CONTINUED)\s+(?:on|from)\s+(?:Page|page|PAGE)\s+[A-Z]?\d{1,3}\)?\.?$/u,
  /^(?:Previous|Next)\s+(?:article|story|page)$/iu,
  /^(?:Print|Share|Email|Zoom in|Zoom out|Reset)(?:\s*[|/]\s*(?:Print|Share|Email|Zoom in|Zoom out|Reset))*$/iu,
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

/** Whether a trimmed line is e-paper or print furniture rather than story text. */
export function isChrome(line: string): boolean {
  const folded = fold(line).trim();
  if (folded.length === 0) return false;
  if (stripJumpMarks(line).length === 0) return true;
  const raw = line.trim();
  // Folding turns ASCII ":" and "," full-width, which URLs and counts (1,203) keep ASCII.
  if (CHROME_PATTERNS.some((pattern) => pattern.test(folded) || pattern.test(raw))) return true;
  if (folded.length <= 80 && LEGAL_NOTICE.test(folded)) return true;
  const words = folded.split(/[\s|｜/·•]+/u).filter((w) => w.length > 0);
  return (
    words.length > 0 &&
    words.every(
      (word) => NAV_WORDS.has(word.replace(/[【】［］[\]]/gu, "")) || /^[【】]$/u.test(word),
    )
  );
}
