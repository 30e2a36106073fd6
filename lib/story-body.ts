// A story's body as it is stored: sanitised against the editor's schema, checked against its
// limits, with its plain text and length derived. Pure (the importer's shell command uses it).
import type { RichTextDoc } from "@/lib/domain/rich-text";
import { AppError } from "@/lib/errors";
import { isValidDoc, sanitizeDoc } from "@/lib/render";
import { MAX_BODY_CHARS, MAX_BODY_JSON_BYTES } from "@/lib/story-input";
import { countCharacters, docToPlainText } from "@/lib/text";

/** Sanitize the body against the editor's schema and derive its text and length. */
export function prepareBody(input: unknown): {
  body: RichTextDoc;
  bodyText: string;
  charCount: number;
} {
  let size = 0;
  try {
    size = JSON.stringify(input ?? null).length;
  } catch {
    throw new AppError("invalid_input", "body_invalid");
  }
  if (size > MAX_BODY_JSON_BYTES) throw new AppError("invalid_input", "too_long");
  const body = sanitizeDoc(input);
  // The schema wants at least one block; an empty story is one empty paragraph.
  if (!body.content?.length) body.content = [{ type: "paragraph" }];
  if (!isValidDoc(body)) throw new AppError("invalid_input", "body_invalid");
  const bodyText = docToPlainText(body);
  if (bodyText.length > MAX_BODY_CHARS) throw new AppError("invalid_input", "too_long");
  return { body, bodyText, charCount: countCharacters(bodyText) };
}
