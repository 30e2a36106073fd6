// A Word file (.docx) → a story: headings, paragraphs, bold, italic, lists and embedded
// images (each through the media pipeline). mammoth reads the file; the editor's schema
// decides what of its HTML survives.
import "server-only";
import { generateJSON } from "@tiptap/html/server";
import mammoth from "mammoth";
import { checkDocxZip } from "@/lib/docx-zip";
import type { RichTextDoc, RichTextNode } from "@/lib/domain/rich-text";
import { EDITOR_EXTENSIONS } from "@/lib/editor-extensions";
import { AppError } from "@/lib/errors";
import { cleanPastedHtml } from "@/lib/paste";
import { sanitizeDoc } from "@/lib/render";

export const MAX_DOCX_BYTES = 25 * 1024 * 1024;

export type StoredImage = { id: number; width: number; height: number };
export type ImageStore = (bytes: Uint8Array, contentType: string) => Promise<StoredImage | null>;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];

function textOf(node: RichTextNode): string {
  if (node.type === "text") return node.text ?? "";
  return (node.content ?? []).map(textOf).join("");
}

/** The first heading (or a short first paragraph) becomes the headline. */
function takeHeadline(doc: RichTextDoc): { headline: string; body: RichTextDoc } {
  const [first, ...rest] = doc.content ?? [];
  if (!first) return { headline: "", body: doc };
  const text = textOf(first).trim();
  const isTitle =
    first.type === "heading" ||
    (first.type === "paragraph" &&
      text.length > 0 &&
      text.length <= 40 &&
      !/[。！？.!?]$/.test(text));
  return isTitle
    ? { headline: text.slice(0, 200), body: { type: "doc", content: rest } }
    : { headline: "", body: doc };
}

export async function docxToStory(
  bytes: Uint8Array,
  storeImage: ImageStore,
): Promise<{ headline: string; body: RichTextDoc }> {
  if (bytes.length > MAX_DOCX_BYTES) throw new AppError("invalid_input", "too_long");
  if (!ZIP_MAGIC.every((b, i) => bytes[i] === b))
    throw new AppError("invalid_input", "docx_invalid");
  checkDocxZip(bytes);
  let html: string;
  try {
    const result = await mammoth.convertToHtml(
      { buffer: Buffer.from(bytes) },
      {
        styleMap: ["p[style-name='Title'] => h1:fresh", "p[style-name='Subtitle'] => h2:fresh"],
        convertImage: mammoth.images.imgElement(async (image) => {
          const stored = await storeImage(
            new Uint8Array(await image.readAsBuffer()),
            image.contentType,
          ).catch(() => null);
          // A marker the next step turns into a photo block; an image we could not take is dropped.
          return stored
            ? { src: `masthead-media:${stored.id}:${stored.width}:${stored.height}` }
            : { src: "" };
        }),
      },
    );
    html = result.value;
  } catch (error) {
    if (error instanceof AppError) throw error;
    throw new AppError("invalid_input", "docx_invalid");
  }
  const withPhotos = html.replace(/<img\b[^>]*>/g, (tag) => {
    const marker = /src="masthead-media:(\d+):(\d+):(\d+)"/.exec(tag);
    if (!marker) return "";
    const [, id, width, height] = marker;
    const alt = /alt="([^"]*)"/.exec(tag)?.[1] ?? "";
    return `</p><figure data-media-id="${id}"><img width="${width}" height="${height}" alt="${alt}"></figure><p>`;
  });
  const json = generateJSON(cleanPastedHtml(withPhotos), EDITOR_EXTENSIONS) as RichTextDoc;
  const doc = sanitizeDoc(json);
  doc.content = (doc.content ?? []).filter(
    (node) => node.type !== "paragraph" || (node.content?.length ?? 0) > 0,
  );
  return takeHeadline(doc);
}
