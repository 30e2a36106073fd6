// Bylines as print sets them: 本报讯（记者 邱勇 通讯员 吴洋）, 本报记者 盛丽 通讯员 刘淑青 摄影报道.
import type { Byline } from "@/lib/domain/story";

/** The words a paper prints around names; they belong to the paper's language, not the UI's. */
export type BylineWords = {
  /** The default lead-in of a staff story. */
  dateline: string;
  reporter: string;
  correspondent: string;
  ourReporter: string;
  photoReport: string;
  photo: string;
};

export const CHINESE_BYLINE_WORDS: BylineWords = {
  dateline: "本报讯",
  reporter: "记者",
  correspondent: "通讯员",
  ourReporter: "本报记者",
  photoReport: "摄影报道",
  photo: "摄",
};

/**
 * Names as typed or printed in one run: split at spaces, 、 and commas or semicolons of either
 * width (李铮、王飞 / 李铮, 王飞 / 李铮 王飞).
 */
export function splitNames(text: string): string[] {
  return text
    .split(/[\s、，,；;]+/u)
    .map((name) => name.trim())
    .filter((name) => name.length > 0);
}

export const EMPTY_BYLINE: Byline = {
  dateline: null,
  agency: null,
  reporters: [],
  correspondents: [],
  photographers: [],
  credit: null,
};

/** The lead-in of a news story: 本报讯（记者 邱勇 通讯员 吴洋）, or just the names. */
export function formatNewsByline(
  byline: Byline,
  words: BylineWords = CHINESE_BYLINE_WORDS,
): string {
  const parts: string[] = [];
  if (byline.reporters.length > 0) parts.push(`${words.reporter} ${byline.reporters.join(" ")}`);
  if (byline.correspondents.length > 0) {
    parts.push(`${words.correspondent} ${byline.correspondents.join(" ")}`);
  }
  const names = parts.join(" ");
  // An agency dateline (新华社北京2月17日电) already names its agency.
  const agency = byline.agency && !byline.dateline?.includes(byline.agency) ? byline.agency : null;
  const lead = [byline.dateline, agency].filter(Boolean).join("");
  if (lead && names) return `${lead}（${names}）`;
  return lead || names;
}

/** A photo story's credit: as printed when it was kept, else 本报记者 X 通讯员 Y 摄影报道. */
export function formatPhotoCredit(
  byline: Byline,
  words: BylineWords = CHINESE_BYLINE_WORDS,
): string {
  if (byline.credit) return byline.credit;
  if (byline.photographers.length === 0) return "";
  const [first, ...rest] = byline.photographers;
  const names = [`${words.ourReporter} ${first}`];
  if (rest.length > 0) names.push(`${words.correspondent} ${rest.join(" ")}`);
  return `${names.join(" ")} ${words.photoReport}`;
}

/** Every name in the byline, for search and for metadata. */
export function bylineNames(byline: Byline): string[] {
  return [...byline.reporters, ...byline.correspondents, ...byline.photographers];
}
