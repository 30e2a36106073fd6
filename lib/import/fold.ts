// A matching form of page text: traditional forms and ASCII punctuation folded, length kept.
//
// Every rule in the importer matches against the folded text and slices the original at the
// same offsets, so output keeps what was printed (本報訊 stays 本報訊) while the rules are
// written once, in simplified Chinese and full-width punctuation. The fold is one character
// for one character; that is why it is a table and not Unicode normalisation.

const TRADITIONAL =
  "報訊記員攝電華編開欄話來題圖專實習約責輯閱讀轉載頁選語稱據綜聯網臺國際聞訪簡動態錄畫訂";
const SIMPLIFIED =
  "报讯记员摄电华编开栏话来题图专实习约责辑阅读转载页选语称据综联网台国际闻访简动态录画订";

const ASCII_PUNCTUATION: Record<string, string> = {
  "(": "（",
  ")": "）",
  ":": "：",
  ",": "，",
  ";": "；",
  "!": "！",
  "?": "？",
  "[": "【",
  "]": "】",
};

const FOLD = new Map<string, string>();
for (let i = 0; i < TRADITIONAL.length; i += 1) {
  FOLD.set(TRADITIONAL.charAt(i), SIMPLIFIED.charAt(i));
}
for (const [ascii, wide] of Object.entries(ASCII_PUNCTUATION)) FOLD.set(ascii, wide);
FOLD.set("\u3000", " ");
FOLD.set("\u00a0", " ");

/** The text with each character replaced by its matching form; same length as the input. */
export function fold(text: string): string {
  let out = "";
  for (let i = 0; i < text.length; i += 1) {
    const ch = text.charAt(i);
    out += FOLD.get(ch) ?? ch;
  }
  return out;
}

const HAN = /\p{Script=Han}/u;
const LATIN = /[A-Za-z]/;

/** Whether a line is mostly Chinese (decides which rules for headings and joins apply). */
export function isMostlyHan(text: string): boolean {
  let han = 0;
  let latin = 0;
  for (const ch of text) {
    if (HAN.test(ch)) han += 1;
    else if (LATIN.test(ch)) latin += 1;
  }
  return han > 0 && han * 3 >= latin;
}

/** Letters and ideographs only: the form duplicate detection compares. */
export function compact(text: string): string {
  return fold(text).replace(/[\s\p{P}\p{S}]/gu, "");
}
