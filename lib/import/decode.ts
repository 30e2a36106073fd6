// Bytes of a page file → its text: encoding detection and the refusals for bad input (pure).

/** A page of text is tens of kilobytes; anything past this is not one page. */
export const MAX_PAGE_BYTES = 2 * 1024 * 1024;

export const PAGE_ENCODINGS = ["utf-8", "utf-16le", "utf-16be", "gb18030"] as const;
export type PageEncoding = (typeof PAGE_ENCODINGS)[number];

export const DECODE_PROBLEMS = ["empty", "too_large", "binary", "undecodable"] as const;
export type DecodeProblem = (typeof DECODE_PROBLEMS)[number];

export type DecodedPage =
  | { ok: true; text: string; encoding: PageEncoding }
  | { ok: false; problem: DecodeProblem; message: string };

const MESSAGES: Record<DecodeProblem, string> = {
  empty: "the file is empty (no text to import)",
  too_large: `the file is larger than ${MAX_PAGE_BYTES / 1024 / 1024} MB, which is more than one page of text`,
  binary: "the file is not text (it looks like a binary file: a PDF, an image, a document?)",
  undecodable: "the file's text is neither UTF-8 nor GB18030/GBK",
};

/** What to tell the operator about a refused file. */
export function describeDecodeProblem(problem: DecodeProblem): string {
  return MESSAGES[problem];
}

function refuse(problem: DecodeProblem): DecodedPage {
  return { ok: false, problem, message: MESSAGES[problem] };
}

function tryDecode(bytes: Uint8Array, encoding: PageEncoding): string | null {
  try {
    return new TextDecoder(encoding, { fatal: true, ignoreBOM: false }).decode(bytes);
  } catch {
    return null;
  }
}

// Characters a page of news can be made of: letters, digits, punctuation and spaces of any
// script. Control characters and private-use or unassigned code points are what binary data
// decodes to.
const UNTEXTLIKE = /[\p{Cc}\p{Co}\p{Cn}\p{Cs}\uFFFD]/u;
const ALLOWED_CONTROLS = new Set(["\n", "\r", "\t", "\f"]);

function looksLikeText(text: string): boolean {
  let bad = 0;
  let total = 0;
  for (const ch of text) {
    total += 1;
    if (UNTEXTLIKE.test(ch) && !ALLOWED_CONTROLS.has(ch)) bad += 1;
  }
  return total > 0 && bad / total <= 0.01;
}

/**
 * The text of a page file. UTF-8 is tried strictly first (a BOM is dropped); text that is
 * not valid UTF-8 is read as GB18030, the superset of GBK and GB2312 that Chinese Windows
 * tools and older e-paper exports write. UTF-16 is read when its BOM says so. Empty files,
 * files over MAX_PAGE_BYTES, binary files (NUL bytes, or control characters once decoded)
 * and bytes valid in neither encoding are refused with a message for the operator.
 */
export function decodePageBytes(bytes: Uint8Array): DecodedPage {
  if (bytes.length > MAX_PAGE_BYTES) return refuse("too_large");
  if (bytes.length === 0) return refuse("empty");
  let encoding: PageEncoding | null = null;
  if (bytes[0] === 0xff && bytes[1] === 0xfe) encoding = "utf-16le";
  else if (bytes[0] === 0xfe && bytes[1] === 0xff) encoding = "utf-16be";
  let text: string | null = null;
  if (encoding) text = tryDecode(bytes, encoding);
  else {
    if (bytes.includes(0)) return refuse("binary");
    text = tryDecode(bytes, "utf-8");
    encoding = "utf-8";
    if (text === null) {
      text = tryDecode(bytes, "gb18030");
      encoding = "gb18030";
    }
  }
  if (text === null) return refuse("undecodable");
  text = text.replace(/^\uFEFF/u, "");
  if (text.trim().length === 0) return refuse("empty");
  if (!looksLikeText(text)) return refuse("binary");
  return { ok: true, text, encoding };
}
