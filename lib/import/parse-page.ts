// Page text → stories: the importer's public entry points (pure). The reading itself is in
// read-page.ts; the rules it applies are listed in rules.ts.
import { type PageReading, readPage } from "./read-page";
import type { AnnotatedLine, ParsedPage } from "./types";

export { type PageReading, readPage };

/** The page and its stories, in the shape `npm run import -- <file> --json` prints. */
export function parsePage(text: string): ParsedPage {
  const { page, articles } = readPage(text);
  return { page, articles };
}

/** How each source line was read (banner, headline, body, chrome, duplicate …) and by which rule. */
export function annotatePage(text: string): AnnotatedLine[] {
  return readPage(text).lines;
}
