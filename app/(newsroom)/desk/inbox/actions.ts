"use server";
// The inbox's action. A public endpoint: it only ever touches the caller's own notifications.
import { z } from "zod";
import { type ActionResult, failure, invalid, ok } from "@/lib/errors";
import { markNotificationsRead } from "@/lib/notifications";
import { requireActionViewer } from "@/lib/session";

const MarkReadInput = z.object({
  upToId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

export async function markInboxRead(input: unknown): Promise<ActionResult<{ marked: number }>> {
  try {
    const viewer = await requireActionViewer();
    const parsed = MarkReadInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    return ok({ marked: markNotificationsRead(viewer, parsed.data.upToId, new Date()) });
  } catch (error) {
    return failure(error);
  }
}
