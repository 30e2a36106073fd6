"use server";
// Import desk actions. Each is a public endpoint: lib/import/desk checks who may import, and
// importIntoPage checks it again inside its transaction.
import { revalidatePath } from "next/cache";
import { action, NO_INPUT } from "@/lib/action";
import { AppError } from "@/lib/errors";
import type { ImportResult } from "@/lib/import/apply";
import { MAX_PAGE_BYTES } from "@/lib/import/decode";
import * as importDesk from "@/lib/import/desk";
import { ImportPageInput, ImportTargetInput } from "@/lib/import/input";

export type ImportedPage = {
  issueId: number;
  issueNumber: number;
  pageNumber: number;
  storyCount: number;
  createdIssue: boolean;
  createdPage: boolean;
};

function summary(result: ImportResult, pageNumber: number): ImportedPage {
  return {
    issueId: result.issueId,
    issueNumber: result.issueNumber,
    pageNumber,
    storyCount: result.storyIds.length,
    createdIssue: result.createdIssue,
    createdPage: result.createdPage,
  };
}

async function fileBytes(form: FormData): Promise<{ bytes: Uint8Array; name: string }> {
  const file = form.get("file");
  if (!(file instanceof File)) throw new AppError("invalid_input", "import_file_missing");
  // The size is known before reading: an enormous file is refused without holding it.
  if (file.size > MAX_PAGE_BYTES) throw new AppError("invalid_input", "import_too_large");
  return { bytes: new Uint8Array(await file.arrayBuffer()), name: file.name.slice(0, 200) };
}

/** A page file decoded on the server (UTF-8, GBK/GB18030, UTF-16), for review in the desk. */
export async function readImportFile(form: FormData) {
  return action(NO_INPUT, undefined, async (viewer) => {
    const { bytes, name } = await fileBytes(form);
    return { ...importDesk.readPageFile(viewer, bytes), name };
  });
}

/** Writes the page as the editor corrected it; everything it carries is validated again. */
export async function importReviewedPage(input: unknown) {
  return action(ImportPageInput, input, (viewer, data, now) => {
    const result = importDesk.importReviewedPage(viewer, data, now);
    revalidatePath("/desk/issues", "layout");
    return summary(result, data.pageNumber);
  });
}

/** One file of a batch, read, parsed and written as it is, on the page the desk chose for it. */
export async function importPageFile(form: FormData) {
  const input = {
    date: form.get("date"),
    pageNumber: form.get("pageNumber"),
    pageName: form.get("pageName") ?? undefined,
    status: form.get("status"),
  };
  return action(ImportTargetInput, input, async (viewer, target, now) => {
    const { bytes, name } = await fileBytes(form);
    const result = importDesk.importPageFile(viewer, { ...target, bytes, source: name }, now);
    revalidatePath("/desk/issues", "layout");
    return summary(result, target.pageNumber);
  });
}
