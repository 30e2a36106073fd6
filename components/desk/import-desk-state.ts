// The import desk's state in one reducer: the text, the review, the target, the notice, the
// batch. Each action names what happened on the desk (pure; no React in here).
import type { ImportedPage } from "@/app/(newsroom)/desk/import/actions";
import type { Review } from "@/lib/import/review";

export type Target = {
  date: string;
  pageNumber: string;
  pageName: string;
  status: "approved" | "draft";
};
export type Notice = { ok: boolean; lines: string[] };
export type BatchItem = {
  name: string;
  state: "waiting" | "running" | "ok" | "failed";
  message?: string;
  result?: ImportedPage;
};

export type DeskState = {
  text: string;
  source: string;
  review: Review | null;
  notice: Notice | null;
  target: Target;
  imported: (ImportedPage & { date: string }) | null;
  batchFiles: File[];
  batch: BatchItem[];
  progress: string | null;
  busy: boolean;
};

export type DeskAction =
  | { type: "text"; text: string }
  | { type: "target"; change: Partial<Target> }
  | { type: "notice"; notice: Notice | null }
  | { type: "busy"; busy: boolean }
  /** A page was read into a review (pasted or uploaded). */
  | { type: "review"; review: Review; source: string; text?: string }
  | { type: "correct"; review: Review }
  /** The review was dropped: started over, or the input was refused. */
  | { type: "drop"; notice: Notice | null }
  | { type: "imported"; imported: ImportedPage & { date: string } }
  /** Files were chosen: several make a batch, one is read for review. */
  | { type: "files"; files: File[] }
  | { type: "batch"; items: BatchItem[]; progress?: string | null };

export function initialDeskState(pastedName: string): DeskState {
  return {
    text: "",
    source: pastedName,
    review: null,
    notice: null,
    target: { date: "", pageNumber: "1", pageName: "", status: "approved" },
    imported: null,
    batchFiles: [],
    batch: [],
    progress: null,
    busy: false,
  };
}

export function deskReducer(state: DeskState, action: DeskAction): DeskState {
  switch (action.type) {
    case "text":
      return { ...state, text: action.text };
    case "target":
      return { ...state, target: { ...state.target, ...action.change } };
    case "notice":
      return { ...state, notice: action.notice };
    case "busy":
      return { ...state, busy: action.busy };
    case "review":
      return {
        ...state,
        review: action.review,
        source: action.source,
        text: action.text ?? state.text,
        imported: null,
        batchFiles: [],
        batch: [],
        progress: null,
      };
    case "correct":
      return { ...state, review: action.review };
    case "drop":
      return { ...state, review: null, notice: action.notice };
    case "imported":
      return { ...state, imported: action.imported, review: null, notice: null };
    case "files":
      return {
        ...state,
        batch: [],
        progress: null,
        imported: null,
        batchFiles: action.files.length > 1 ? action.files : [],
        ...(action.files.length > 1 ? { review: null, notice: null } : {}),
      };
    case "batch":
      return {
        ...state,
        batch: action.items,
        ...(action.progress !== undefined ? { progress: action.progress } : {}),
      };
  }
}
