// Why the engine said no: typed refusal codes, each with an error code and a message in both languages.
import type { ErrorCode } from "@/lib/errors";

export const REFUSALS = {
  forbidden: { code: "forbidden", messageKey: "forbidden" },
  not_in_desk: { code: "forbidden", messageKey: "not_in_desk" },
  wrong_level: { code: "forbidden", messageKey: "wrong_level" },
  same_person: { code: "forbidden", messageKey: "same_person" },
  issue_only: { code: "forbidden", messageKey: "issue_only" },
  not_signed_off: { code: "invalid_transition", messageKey: "not_signed_off" },
  embargoed: { code: "invalid_transition", messageKey: "embargoed" },
  invalid_transition: { code: "invalid_transition", messageKey: "invalid_transition" },
  note_required: { code: "invalid_input", messageKey: "note_required" },
  not_due: { code: "invalid_transition", messageKey: "not_due" },
  schedule_in_past: { code: "invalid_input", messageKey: "schedule_in_past" },
  // Pages (lib/workflow/page.ts): proofreading rounds, marks and sign-off.
  page_signed_off: { code: "conflict", messageKey: "page_signed_off" },
  rounds_incomplete: { code: "invalid_transition", messageKey: "rounds_incomplete" },
  rounds_complete: { code: "invalid_transition", messageKey: "rounds_complete" },
  marks_open: { code: "invalid_transition", messageKey: "marks_open" },
  page_empty: { code: "invalid_transition", messageKey: "page_empty" },
  pages_not_signed_off: { code: "invalid_transition", messageKey: "pages_not_signed_off" },
} as const satisfies Record<string, { code: ErrorCode; messageKey: string }>;

export type RefusalCode = keyof typeof REFUSALS;

export type Refusal = { ok: false; refusal: RefusalCode };

export function refuse(refusal: RefusalCode): Refusal {
  return { ok: false, refusal };
}
