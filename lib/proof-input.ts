// Input of proofreading and sign-off: shared by the desk's forms and its server actions.
import { z } from "zod";
import { PROOF_MARK_KINDS } from "@/lib/domain/proof-marks";

const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);
const Offset = z.number().int().min(0).max(1_000_000);

export const CreateMarkInput = z.object({
  pageId: Id,
  storyId: Id,
  storyVersion: z.number().int().positive(),
  kind: z.enum(PROOF_MARK_KINDS),
  blockIndex: Offset,
  from: Offset,
  to: Offset,
  suggestion: z.string().max(2000, "errors.too_long"),
});
export const DecideMarkInput = z.object({ markId: Id, decision: z.enum(["accept", "reject"]) });
export const CompleteRoundInput = z.object({ pageId: Id, round: z.number().int().min(1).max(10) });
export const SignOffPageInput = z.object({
  pageId: Id,
  expectedVersion: z.number().int().positive().optional(),
});
export const ReopenPageInput = z.object({
  pageId: Id,
  reason: z.string().trim().min(1, "errors.note_required").max(2000, "errors.too_long"),
});
export const SignOffIssueInput = z.object({
  issueId: Id,
  expectedVersion: z.number().int().positive().optional(),
});
