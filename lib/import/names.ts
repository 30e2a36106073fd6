// Names and the roles print sets before them: 记者 X 通讯员 Y, 记者李铮通讯员王飞, 文/X 图/Y.
import { splitNames } from "@/lib/byline";
import { fold } from "./fold";

export type NameRoles = { reporters: string[]; correspondents: string[]; photographers: string[] };

// Matched on folded text. Longer roles come first so 摄影记者 is not read as 摄影 + 记者 and
// 本报记者 not as a name 本报 before 记者.
const ROLE =
  /(?:本报)?(?:首席|特约|见习|实习|资深)?摄影记者|(?:本报|\p{Script=Han}{2,3}社)?(?:首席|特约|见习|实习|资深|驻\p{Script=Han}{1,4})?记者|(?:本报|本刊)?(?:特约)?通讯员|(?:本报|本刊)?实习生|作者[：:]|文\s*[/／·]\s*图\s*[/／]?|文\s*[/／]|图\s*[/／]|摄影\s*[/／]|摄\s*[/／]/gu;

const CJK_NAME = /^\p{Script=Han}{2,4}$|^\p{Script=Han}{1,8}[·•．]\p{Script=Han}{1,8}$/u;
const LATIN_NAME = /^[A-Z][A-Za-z.'’-]*(?: [A-Z][A-Za-z.'’-]*){0,3}$/u;

/** Whether a piece of text can be a person's name as bylines print them. */
export function isName(text: string): boolean {
  return CJK_NAME.test(text) || LATIN_NAME.test(text);
}

type Bucket = keyof NameRoles;

function bucketOf(role: string, photo: boolean): Bucket | "both" {
  if (photo) return "photographers";
  const r = role.replace(/\s/gu, "");
  if (r.startsWith("文") && r.includes("图")) return "both";
  if (r.startsWith("文")) return "reporters";
  if (r.startsWith("图") || r.startsWith("摄")) return "photographers";
  if (r.includes("摄影")) return "photographers";
  if (r.includes("通讯员")) return "correspondents";
  return "reporters";
}

/**
 * Names sorted by the role printed before each. `photo` puts every name with the
 * photographers (a 摄影报道 credit names the people behind the camera, whatever their post).
 * Unlabelled names count as reporters. Null when anything in the text is not a name.
 */
export function parseNameRoles(text: string, photo = false): NameRoles | null {
  const folded = fold(text);
  const roles: NameRoles = { reporters: [], correspondents: [], photographers: [] };
  const segments: { role: string; start: number; end: number }[] = [];
  for (const match of folded.matchAll(ROLE)) {
    const start = match.index ?? 0;
    segments.push({ role: match[0], start, end: start + match[0].length });
  }
  const chunks: { role: string; names: string }[] = [];
  const firstStart = segments[0]?.start ?? text.length;
  if (firstStart > 0) chunks.push({ role: "", names: text.slice(0, firstStart) });
  segments.forEach((segment, i) => {
    const next = segments[i + 1]?.start ?? text.length;
    chunks.push({ role: segment.role, names: text.slice(segment.end, next) });
  });
  let count = 0;
  for (const chunk of chunks) {
    const names = splitNames(chunk.names);
    if (names.length === 0 && chunk.role === "") continue;
    if (names.length === 0) return null;
    if (!names.every(isName)) return null;
    const bucket = bucketOf(chunk.role, photo);
    for (const name of names) {
      if (bucket === "both") {
        roles.reporters.push(name);
        roles.photographers.push(name);
      } else roles[bucket].push(name);
      count += 1;
    }
  }
  return count > 0 ? roles : null;
}

/** Whether the text names a role (记者, 通讯员, 文/…), i.e. reads as a byline, not a name list. */
export function hasRole(text: string): boolean {
  ROLE.lastIndex = 0;
  return new RegExp(ROLE.source, "u").test(fold(text));
}
