// Rich text → HTML for readers: an allowlist of the editor's node and mark types and their
// attributes; unknown nodes and unsafe links are dropped, never passed through.
import { getSchema } from "@tiptap/core";
import type { Schema } from "@tiptap/pm/model";
import { renderToHTMLString } from "@tiptap/static-renderer/pm/html-string";
import type { RichTextDoc, RichTextNode } from "@/lib/domain/rich-text";
import { EDITOR_EXTENSIONS, isMediaId, isSafeHref } from "@/lib/editor-extensions";

let cachedSchema: Schema | undefined;
function schema(): Schema {
  cachedSchema ??= getSchema(EDITOR_EXTENSIONS);
  return cachedSchema;
}

type Mark = NonNullable<RichTextNode["marks"]>[number];

function pickAttrs(
  allowed: Record<string, unknown>,
  attrs: Record<string, unknown> | undefined,
): Record<string, unknown> | undefined {
  if (!attrs) return undefined;
  const kept: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(attrs)) {
    if (!(name in allowed)) continue;
    if (value === null || ["string", "number", "boolean"].includes(typeof value))
      kept[name] = value;
  }
  return Object.keys(kept).length > 0 ? kept : undefined;
}

function sanitizeMark(mark: unknown): Mark | null {
  if (!mark || typeof mark !== "object") return null;
  const { type, attrs } = mark as { type?: unknown; attrs?: Record<string, unknown> };
  if (typeof type !== "string") return null;
  const spec = schema().marks[type];
  if (!spec) return null;
  if (type === "link" && !isSafeHref(attrs?.href)) return null;
  // A link keeps only its href and title: rel, target and class come from the renderer.
  const allowed = type === "link" ? { href: null, title: null } : (spec.spec.attrs ?? {});
  const kept = pickAttrs(allowed, attrs);
  return kept ? { type, attrs: kept } : { type };
}

// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters to drop
const CONTROL_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/g;

/**
 * Text as SQLite, search and feeds can hold it: a lone surrogate becomes U+FFFD (SQLite would
 * store bytes that are not UTF-8) and control characters go (LIKE stops reading at a NUL).
 */
function cleanText(text: string): string {
  return text.toWellFormed().replace(CONTROL_CHARS, "");
}

function sanitizeNode(node: unknown, depth: number): RichTextNode | null {
  if (depth > 64 || !node || typeof node !== "object") return null;
  const raw = node as Partial<RichTextNode> & { [key: string]: unknown };
  if (typeof raw.type !== "string") return null;
  if (raw.type === "text") {
    if (typeof raw.text !== "string") return null;
    const text = cleanText(raw.text);
    if (text.length === 0) return null;
    const marks = (Array.isArray(raw.marks) ? raw.marks : [])
      .map(sanitizeMark)
      .filter((m): m is Mark => m !== null);
    return marks.length > 0 ? { type: "text", text, marks } : { type: "text", text };
  }
  const spec = schema().nodes[raw.type];
  if (!spec || raw.type === "doc") return null;
  if (
    raw.type === "photo" &&
    !isMediaId((raw.attrs as Record<string, unknown> | undefined)?.mediaId)
  ) {
    return null;
  }
  const result: RichTextNode = { type: raw.type };
  const attrs = pickAttrs(spec.spec.attrs ?? {}, raw.attrs as Record<string, unknown> | undefined);
  if (attrs) result.attrs = attrs;
  if (Array.isArray(raw.content)) {
    const content = raw.content
      .map((child) => sanitizeNode(child, depth + 1))
      .filter((c): c is RichTextNode => c !== null);
    if (content.length > 0) result.content = content;
  }
  return result;
}

/** Keep only what the editor's schema knows; the result is safe to store and to render. */
export function sanitizeDoc(input: unknown): RichTextDoc {
  const content =
    input && typeof input === "object" && Array.isArray((input as RichTextDoc).content)
      ? (input as RichTextDoc).content
      : [];
  return {
    type: "doc",
    content: (content ?? [])
      .map((node) => sanitizeNode(node, 1))
      .filter((n): n is RichTextNode => n !== null),
  };
}

/**
 * Whether a (sanitized) document also satisfies the schema's content rules, such as a list
 * holding only list items. Stored bodies are checked before they are accepted.
 */
export function isValidDoc(doc: RichTextDoc): boolean {
  try {
    schema().nodeFromJSON(doc).check();
    return true;
  } catch {
    return false;
  }
}

/** HTML of a story body for readers. A block that no longer fits the schema renders as text. */
export function renderRichText(input: unknown): string {
  const doc = sanitizeDoc(input);
  return renderValid(doc) ?? (doc.content ?? []).map(renderBlock).join("");
}

function renderValid(doc: RichTextDoc): string | null {
  try {
    const node = schema().nodeFromJSON(doc);
    node.check();
    return renderToHTMLString({ content: node, extensions: EDITOR_EXTENSIONS });
  } catch {
    return null;
  }
}

function renderBlock(block: RichTextNode): string {
  const rendered = renderValid({ type: "doc", content: [block] });
  if (rendered !== null) return rendered;
  const text = plainTextOf(block);
  return text ? `<p>${escapeHtml(text)}</p>` : "";
}

function plainTextOf(node: RichTextNode): string {
  if (node.type === "text") return node.text ?? "";
  return (node.content ?? []).map(plainTextOf).join("");
}

export function escapeHtml(text: string): string {
  return text
    .replaceAll("&", "&amp;")
    .replaceAll("<", "&lt;")
    .replaceAll(">", "&gt;")
    .replaceAll('"', "&quot;")
    .replaceAll("'", "&#39;");
}
