// The import desk's way into the paper: who may import, a file read or refused, a page written.
// Not pure: it writes through apply.ts. Actions call these; the checks live here, not there.

import { AppError } from "@/lib/errors";
import type { ParsedPage } from "@/lib/import/types";
import { type Actor, can, type PermissionSubject } from "@/lib/permissions";
import { type ImportResult, importIntoPage } from "./apply";
import { type DecodeProblem, decodePageBytes, type PageEncoding } from "./decode";
import type { ImportPageInput, ImportTargetInput } from "./input";
import { parsePage } from "./parse-page";

/** The `errors` dictionary key for each way a file is refused. */
export const DECODE_MESSAGE_KEYS: Record<DecodeProblem, string> = {
  empty: "import_empty",
  too_large: "import_too_large",
  binary: "import_binary",
  undecodable: "import_undecodable",
};

/** Importing creates stories and lays them out: the power to plan issues. */
export function mayImport(viewer: PermissionSubject | null | undefined): boolean {
  return can(viewer, "story:create") && can(viewer, "issue:plan");
}

function assertMayImport(viewer: Actor): void {
  if (!mayImport(viewer)) throw new AppError("forbidden");
}

/** A page file's text, or a refusal the desk shows in the user's language. */
export function readPageFile(
  viewer: Actor,
  bytes: Uint8Array,
): { text: string; encoding: PageEncoding } {
  assertMayImport(viewer);
  const decoded = decodePageBytes(bytes);
  if (!decoded.ok) throw new AppError("invalid_input", DECODE_MESSAGE_KEYS[decoded.problem]);
  return { text: decoded.text, encoding: decoded.encoding };
}

/** Writes a page the editor reviewed (already validated by ImportPageInput). */
export function importReviewedPage(viewer: Actor, input: ImportPageInput, now: Date): ImportResult {
  assertMayImport(viewer);
  const parsed: ParsedPage = {
    page: { banner: input.page.banner },
    articles: input.page.articles,
  };
  return importIntoPage({
    parsed,
    date: input.date,
    pageNumber: input.pageNumber,
    pageName: input.pageName,
    status: input.status,
    actorId: viewer.id,
    source: input.source,
    now,
  });
}

/**
 * One file of a batch, read, parsed and written as it is (no review). A file that cannot be
 * read or holds no story is refused before anything is written.
 */
export function importPageFile(
  viewer: Actor,
  input: Omit<ImportTargetInput, "pageName"> & {
    pageName?: string;
    bytes: Uint8Array;
    source: string;
  },
  now: Date,
): ImportResult {
  const { text } = readPageFile(viewer, input.bytes);
  const parsed = parsePage(text);
  if (parsed.articles.length === 0) throw new AppError("invalid_input", "import_no_stories");
  return importIntoPage({
    parsed,
    date: input.date,
    pageNumber: input.pageNumber,
    pageName: input.pageName,
    status: input.status,
    actorId: viewer.id,
    source: input.source,
    now,
  });
}
