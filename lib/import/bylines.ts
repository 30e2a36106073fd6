// Bylines where print puts them: leading the first paragraph, on their own line, at the end.
import type { Byline } from "@/lib/domain/story";
import { fold } from "./fold";
import { hasRole, isName, type NameRoles, parseNameRoles } from "./names";

/** What one byline-bearing piece of text contributed; merged into the story's byline. */
export type BylinePart = Partial<Omit<Byline, keyof NameRoles>> &
  Partial<NameRoles> & {
    isPhotoCredit?: boolean;
  };

export function emptyByline(): Byline {
  return { dateline: null, reporters: [], correspondents: [], photographers: [] };
}

/** Adds a part to a byline; the first dateline and agency win, names accumulate in order. */
export function mergeByline(byline: Byline, part: BylinePart): Byline {
  const merged: Byline = {
    dateline: byline.dateline ?? part.dateline ?? null,
    reporters: [...byline.reporters, ...(part.reporters ?? [])],
    correspondents: [...byline.correspondents, ...(part.correspondents ?? [])],
    photographers: [...byline.photographers, ...(part.photographers ?? [])],
  };
  const agency = byline.agency ?? part.agency;
  const credit = byline.credit ?? part.credit;
  // Key order follows the fixture: dateline, agency, the name lists, credit. Agency and
  // credit are left out when absent, as Byline marks them optional.
  return {
    dateline: merged.dateline,
    ...(agency ? { agency } : {}),
    reporters: merged.reporters,
    correspondents: merged.correspondents,
    photographers: merged.photographers,
    ...(credit ? { credit } : {}),
  };
}

const AGENCIES =
  "新华社|中新社|中国新闻社|新华网|中新网|人民网|央视网|央广网|国际在线|光明网|法新社|路透社|美联社|共同社|塔斯社|韩联社|合众国际社";
const DATE = "\\d{1,2}月\\d{1,2}日";

// 本报讯, 本报北京2月17日讯, 本报北京2月17日电, 新华社北京2月17日电, 据新华社电, 中新社…电.
// A generic …社 only counts with a date before 电, so 合作社…用电 is never a dateline.
const LEAD_DATELINE = new RegExp(
  [
    `^(?:本报(?:\\p{Script=Han}{0,8}?(?:${DATE})?)?[讯电])`,
    `^(?:本报(?:综合)?消息)`,
    `^(?:据)?(?:${AGENCIES})(?:\\p{Script=Han}{0,8}?(?:${DATE})?)?电`,
    `^(?:据)?\\p{Script=Han}{1,4}社\\p{Script=Han}{0,8}?${DATE}电`,
  ].join("|"),
  "u",
);
const AGENCY_IN = new RegExp(`^据?(${AGENCIES}|\\p{Script=Han}{1,4}社)`, "u");

const PHOTO_TAIL = /\s*(?:摄影报道|图片报道|摄影|[/／]?摄|供图)\s*$/u;
// 报道 closing a byline, with the place it was filed from when that is recognisably a place
// (发自北京, 石家庄市报道); a bare 北京报道 cannot be told from a name and stays a name.
const REPORT_TAIL =
  /(?:\s+(?:发自)?\p{Script=Han}{1,6}[市省县区州镇乡村])?\s*报道\s*$|\s+发自\p{Script=Han}{2,6}\s*$/u;

function namesPart(text: string, photo: boolean): BylinePart | null {
  const roles = parseNameRoles(text, photo);
  return roles ? { ...roles } : null;
}

/**
 * A byline leading a paragraph: 本报讯（记者 X 通讯员 Y）, 新华社北京2月17日电（记者 X）,
 * 本報訊(記者 X), or a bare （记者 X）. Returns the byline and the paragraph without it.
 */
export function parseLeadByline(paragraph: string): {
  part: BylinePart;
  rest: string;
  /** Names after the dateline without brackets: with a role, or a bare name (a guess). */
  unbracketed?: "role" | "bare";
} | null {
  const folded = fold(paragraph);
  const head = folded.match(LEAD_DATELINE);
  let cursor = 0;
  const part: BylinePart = {};
  let unbracketedHow: "role" | "bare" | undefined;
  if (head) {
    part.dateline = paragraph.slice(0, head[0].length).trim();
    const agency = folded.match(AGENCY_IN);
    if (agency?.[1] && !folded.startsWith("本报"))
      part.agency = paragraph.slice(
        folded.indexOf(agency[1]),
        folded.indexOf(agency[1]) + agency[1].length,
      );
    cursor = head[0].length;
  }
  const afterHead = folded.slice(cursor);
  const paren = afterHead.match(/^\s*（([^（）]{1,60})）/u);
  if (paren?.[1] !== undefined) {
    const inner = paragraph.slice(cursor).slice(paren[0].indexOf("（") + 1, paren[0].length - 1);
    const names = namesPart(inner.replace(REPORT_TAIL, ""), false);
    // Without a dateline a leading parenthesis is only a byline when it names a role;
    // （总部） or （上接第一版） are text.
    if (names && (head || hasRole(inner))) {
      Object.assign(part, names);
      cursor += paren[0].length;
    } else if (!head) return null;
  } else if (!head) return null;
  else {
    const unbracketed = readUnbracketedNames(paragraph.slice(cursor));
    const bare = unbracketed ? null : readBareName(paragraph.slice(cursor));
    if (unbracketed) {
      Object.assign(part, unbracketed.names);
      unbracketedHow = "role";
      cursor += unbracketed.length;
    } else if (bare) {
      Object.assign(part, { reporters: [bare.name], correspondents: [], photographers: [] });
      unbracketedHow = "bare";
      cursor += bare.length;
    }
  }
  const rest = paragraph
    .slice(cursor)
    .replace(/^[\s：:　]+/u, "")
    .trim();
  return unbracketedHow ? { part, rest, unbracketed: unbracketedHow } : { part, rest };
}

// Words that open a lead as often as a name would, and are not names.
const NOT_NAMES = new Set(
  "近日 日前 昨天 今天 昨日 今日 前日 近期 目前 本月 上月 本周 上周 去年 今年 明年 当天 当日 此前 最近 据悉 为了 随着 连日来 近年来 年初 年底 岁末 新春 春节 节前 节后 记者 通讯员 我市 全市 全区 全省 全国 该市 该区 日前起 今年以来".split(
    " ",
  ),
);

/**
 * A reporter's name after a dateline without brackets or a role: 本报讯 张小山 2月26日，….
 * Only a 2–3 character token set off by spaces on both sides, and not a word that opens
 * leads (近日, 昨天 …); still a guess, which the caller marks.
 */
function readBareName(text: string): { name: string; length: number } | null {
  const match = text.match(/^[ \u3000]+(\p{Script=Han}{2,3})[ \u3000]+(?=\S)/u);
  if (!match?.[1] || NOT_NAMES.has(fold(match[1]))) return null;
  return { name: match[1], length: match[0].length };
}

const ROLE_NAMES_TOKEN = /^(?:\p{Script=Han}{0,4}(?:记者|通讯员|实习生)|\p{Script=Han}{2,3})$/u;

/**
 * Names after a dateline without brackets: 本报讯 记者 张三 通讯员 李四 近日，… or
 * 本报讯 记者张三报道：…. Spaces delimit the names from the text, so tokens are taken while
 * they are roles and names, up to a 报道 or the first token that is neither.
 */
function readUnbracketedNames(text: string): { names: NameRoles; length: number } | null {
  const reportedBy = fold(text).match(/^\s*([^，。（）]{2,40}?)\s*报道[：:\s]/u);
  if (reportedBy?.[1] && hasRole(reportedBy[1])) {
    const names = parseNameRoles(
      text.slice(
        reportedBy[0].indexOf(reportedBy[1]),
        reportedBy[0].indexOf(reportedBy[1]) + reportedBy[1].length,
      ),
    );
    if (names) return { names, length: reportedBy[0].length };
  }
  const tokens = [...text.matchAll(/\s*(\S+)/gu)];
  let taken = "";
  let length = 0;
  let best: { names: NameRoles; length: number } | null = null;
  for (const token of tokens) {
    const raw = token[1] ?? "";
    const reported = fold(raw).match(/^(.*?)报道[：:]?$/u);
    const word = reported ? raw.slice(0, reported[1]?.length ?? 0) : raw;
    const isRoleOrName =
      ROLE_NAMES_TOKEN.test(fold(word)) || (hasRole(word) && parseNameRoles(word));
    if (!isRoleOrName && !(reported && word === "")) break;
    taken = `${taken} ${word}`.trim();
    length += token[0].length;
    const names = hasRole(taken) ? parseNameRoles(taken) : null;
    if (names) best = { names, length };
    if (reported) return best ? { names: best.names, length } : null;
    if (tokens.length > 0 && taken.length > 40) break;
  }
  // Without a 报道 the last token read must be followed by text, or it is the text itself.
  return best && best.length < text.trimEnd().length ? best : null;
}

// "By JOHN SMITH and MARY JONES", "By Jane Doe, Staff Writer", "Photo by X".
const BY_LINE = /^(?:By|BY)\s+(.{2,80})$/u;
const PHOTO_BY = /^(?:Photos?|Photographs?|Pictures?)\s+by\s+(.{2,80})$/iu;
const ENGLISH_AGENCIES =
  /^(?:The\s+)?(Associated Press|United Press(?: International)?|Reuters|Agence France-Presse|AP|UPI|AFP)(?:\s+Writer)?$/u;
// Staff Correspondent, Star Staff Writer, Special Correspondent of The Times, Special to the Sun.
const ENGLISH_ROLE_LINE =
  /^(?:[A-Z][\w.'’-]*\s+){0,3}(?:Writer|Correspondent|Reporter|Editor)(?:\s+of\s+[Tt]he\s+.{2,40})?$|^Special to [Tt]he\s+.{2,40}$/u;

function englishNames(text: string): string[] {
  return text
    .replace(
      /,\s*(?:Staff|Special|Our|Foreign|Political|Chief)?\s*(?:Writer|Correspondent|Reporter|Editor).*$/u,
      "",
    )
    .split(/\s*,\s*|\s+and\s+|\s*&\s*/u)
    .map((n) => n.trim())
    .filter((n) => n.length > 0);
}

/**
 * A line that is nothing but a byline or a credit: 本报记者 X, 记者李铮 通讯员王飞, 文/X 图/Y,
 * 通讯员 刘淑青 摄影报道, X 摄, 新华社记者 X, By JOHN SMITH, Photo by X, Staff Correspondent.
 */
export function parseBylineLine(line: string): BylinePart | null {
  const text = line
    .replace(/^[\s■□●○◆◇▲△★☆◎※▶►]+/u, "")
    .trim()
    // A byline set alone in brackets at a story's end: （记者 张三）.
    .replace(/^[（(]([^（）()]{2,40})[）)]$/u, "$1")
    .trim();
  if (text.length === 0 || text.length > 60) return null;
  const by = text.match(BY_LINE);
  if (by?.[1]) {
    const names = englishNames(by[1]);
    return names.length > 0 && names.every(isName) ? { reporters: names } : null;
  }
  const photoBy = text.match(PHOTO_BY);
  if (photoBy?.[1]) {
    const names = englishNames(photoBy[1]);
    return names.every(isName) ? { photographers: names, credit: text, isPhotoCredit: true } : null;
  }
  // 新华社发, 中新社供图: a picture released by an agency, no photographer named.
  const released = fold(text).match(/^(\p{Script=Han}{1,4}社)(?:发|供图|传真)$/u);
  if (released?.[1]) {
    return { agency: text.slice(0, released[1].length), credit: text, isPhotoCredit: true };
  }
  const agency = text.match(ENGLISH_AGENCIES);
  if (agency?.[1]) return { agency: agency[1] };
  if (ENGLISH_ROLE_LINE.test(text)) return {};

  // 文字整理 韩雪, 韩雪 整理: who wrote up a talk or an interview; a reporter.
  const compiled = fold(text).match(
    /^(?:文字整理|整理)\s*[：:]?\s*(.{2,40})$|^(.{2,40}?)\s*(?:文字)?整理$/u,
  );
  const compiledNames = compiled?.[1] ?? compiled?.[2];
  if (compiledNames) {
    const start = fold(text).indexOf(compiledNames);
    const roles = parseNameRoles(text.slice(start, start + compiledNames.length));
    if (roles) return { reporters: [...roles.reporters, ...roles.correspondents] };
  }
  const folded = fold(text);
  const photo = PHOTO_TAIL.test(folded);
  let core = photo ? text.slice(0, folded.replace(PHOTO_TAIL, "").length) : text;
  core = core.slice(0, fold(core).replace(REPORT_TAIL, "").length);
  if (!photo && !hasRole(core)) return null;
  const names = namesPart(core, photo);
  if (!names) return null;
  const part: BylinePart = { ...names };
  const agencyRole = fold(core).match(/^(\p{Script=Han}{1,4}社)记者/u);
  if (agencyRole?.[1]) part.agency = core.slice(0, agencyRole[1].length);
  if (photo) {
    part.credit = text;
    part.isPhotoCredit = true;
  }
  return part;
}

const TERMINAL_BEFORE = /[。！？!?…”’"」』]$/u;

/**
 * A byline closing the last paragraph: …问题。（李铮）, …。(记者 李铮 通讯员 王飞),
 * …。（据新华社）, a name glued to the last sentence (…问题。李铮), or a credit
 * (…开业了。本报记者 盛丽 摄). Returns the byline and the paragraph without it.
 */
export function parseTrailingByline(
  paragraph: string,
): { part: BylinePart; rest: string; guessed?: true } | null {
  const folded = fold(paragraph).trimEnd();
  const paren = folded.match(/（([^（）]{1,40})）$/u);
  if (paren?.[1] !== undefined && paren.index !== undefined) {
    const before = folded.slice(0, paren.index).trimEnd();
    const inner = paragraph.slice(paren.index + 1, paren.index + 1 + paren[1].length);
    const rest = paragraph.slice(0, before.length).trimEnd();
    const agency = fold(inner).match(new RegExp(`^据?(${AGENCIES})电?$`, "u"));
    if (agency) return { part: { agency: inner.replace(/^据/u, "").replace(/电$/u, "") }, rest };
    const released = /^\p{Script=Han}{1,4}社(?:发|供图|传真)$/u.test(fold(inner));
    if (PHOTO_TAIL.test(fold(inner)) || hasRole(inner) || released) {
      const line = parseBylineLine(inner);
      if (!line) return null;
      // 新华社发（李明 摄）: the agency that released the picture stands before the credit.
      const released = fold(rest).match(/(\p{Script=Han}{1,4}社)发$/u);
      if (released?.[1] && released.index !== undefined) {
        return {
          part: {
            agency: rest.slice(released.index, released.index + released[1].length),
            ...line,
          },
          rest: rest.slice(0, released.index).trimEnd(),
        };
      }
      return { part: line, rest };
    }
    const names = namesPart(inner, false);
    return names && TERMINAL_BEFORE.test(before) ? { part: names, rest } : null;
  }
  // A credit or names after the last full stop; only a short tail that is all names.
  const tail = folded.match(/([。！？!?”」』])\s*([^。！？!?”」』]{2,30})$/u);
  if (tail?.[1] === undefined || tail[2] === undefined || tail.index === undefined) return null;
  const start = tail.index + tail[1].length;
  const tailText = paragraph.slice(start).trim();
  const rest = paragraph.slice(0, start).trimEnd();
  if (rest.length < 10) return null;
  const foldedTail = fold(tailText);
  const photo = PHOTO_TAIL.test(foldedTail);
  if (photo || hasRole(tailText)) {
    const line = parseBylineLine(tailText);
    return line ? { part: line, rest } : null;
  }
  const names = tailText.split(/[\s、]+/u);
  if (names.length <= 3 && names.every((n) => /^\p{Script=Han}{2,3}$/u.test(n))) {
    // Nothing but its shape says a 2–3 character tail is a name: a guess, marked as one.
    return { part: { reporters: names }, rest, guessed: true };
  }
  return null;
}

const MONTH =
  "(?:Jan|Feb|Mar|Apr|Aug|Sept?|Oct|Nov|Dec)\\.?|January|February|March|April|May|June|July|August|September|October|November|December";
// RALEIGH, Feb. 19.—, WASHINGTON (AP) —, LONDON, March 3 (Reuters) -, RALEIGH, N.C., Feb. 19 —
const ENGLISH_DATELINE = new RegExp(
  `^([A-Z][A-Z.'’-]{2,}(?:\\s+[A-Z][A-Z.'’-]+)*(?:,\\s*[A-Z][A-Za-z.]+(?:\\s+[A-Z][A-Za-z.]+)?)?(?:,\\s*(?:${MONTH})\\s+\\d{1,2})?)\\.?\\s*(?:\\(([A-Za-z. ]{2,24})\\))?\\s*(?:—|–|--|-)\\s*(?:\\(([A-Za-z. ]{2,24})\\)\\s*(?:—|–|--|-)\\s*)?`,
  "u",
);

/** An English dateline leading the first paragraph; the agency in parentheses when given. */
export function parseEnglishDateline(paragraph: string): { part: BylinePart; rest: string } | null {
  const match = paragraph.match(ENGLISH_DATELINE);
  if (!match?.[1]) return null;
  const rest = paragraph.slice(match[0].length).trim();
  if (rest.length === 0 || !/^[A-Z"“‘'0-9]/u.test(rest)) return null;
  const part: BylinePart = { dateline: match[1].replace(/[.,\s]+$/u, "") };
  // WASHINGTON (AP) — and, in older papers, RALEIGH, Feb. 19.—(AP)—
  const agency = match[2] ?? match[3];
  if (agency) part.agency = agency.trim();
  return { part, rest };
}
