"use server";
// Proofreading desk actions. Each is a public endpoint: lib/proofreading checks who may act.
import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import { CompleteRoundInput, CreateMarkInput, DecideMarkInput } from "@/lib/proof-input";
import * as proofreading from "@/lib/proofreading";

function refresh(): void {
  revalidatePath("/desk/proofread", "layout");
  revalidatePath("/desk/issues", "layout");
}

export async function createMark(input: unknown) {
  return action(CreateMarkInput, input, (viewer, data, now) => {
    proofreading.createMark(viewer, data, now);
    refresh();
  });
}
export async function decideMark(input: unknown) {
  return action(DecideMarkInput, input, (viewer, data, now) => {
    proofreading.decideMark(viewer, data, now);
    refresh();
  });
}
export async function completeRound(input: unknown) {
  return action(CompleteRoundInput, input, (viewer, data, now) => {
    proofreading.completeRound(viewer, data, now);
    refresh();
  });
}
