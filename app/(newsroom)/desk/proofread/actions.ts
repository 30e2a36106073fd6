"use server";
// Proofreading desk actions. Each is a public endpoint: lib/proofreading checks who may act.
import { revalidatePath } from "next/cache";
import type { z } from "zod";
import { type ActionResult, failure, invalid, ok } from "@/lib/errors";
import { CompleteRoundInput, CreateMarkInput, DecideMarkInput } from "@/lib/proof-input";
import * as proofreading from "@/lib/proofreading";
import { requireActionViewer, type Viewer } from "@/lib/session";

async function act<S extends z.ZodType>(
  schema: S,
  input: unknown,
  run: (viewer: Viewer, data: z.infer<S>, now: Date) => void,
): Promise<ActionResult<undefined>> {
  try {
    const viewer = await requireActionViewer();
    const parsed = schema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    run(viewer, parsed.data, new Date());
    revalidatePath("/desk/proofread", "layout");
    revalidatePath("/desk/issues", "layout");
    return ok();
  } catch (error) {
    return failure(error);
  }
}

export async function createMark(input: unknown) {
  return act(CreateMarkInput, input, (v, d, now) => {
    proofreading.createMark(v, d, now);
  });
}
export async function decideMark(input: unknown) {
  return act(DecideMarkInput, input, (v, d, now) => proofreading.decideMark(v, d, now));
}
export async function completeRound(input: unknown) {
  return act(CompleteRoundInput, input, (v, d, now) => proofreading.completeRound(v, d, now));
}
