"use server";
// The inbox's action. A public endpoint: it only ever touches the caller's own notifications.
import { z } from "zod";
import { action } from "@/lib/action";
import { markNotificationsRead } from "@/lib/notifications";

const MarkReadInput = z.object({
  upToId: z.number().int().positive().max(Number.MAX_SAFE_INTEGER),
});

export async function markInboxRead(input: unknown) {
  return action(MarkReadInput, input, (viewer, data, now) => ({
    marked: markNotificationsRead(viewer, data.upToId, now),
  }));
}
