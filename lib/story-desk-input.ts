// Input of moving a story to another desk: shared by the story page's form and its action.
import { z } from "zod";

const Id = z.coerce.number().int().positive().max(Number.MAX_SAFE_INTEGER);

export const MoveStoryDeskInput = z.object({
  storyId: Id,
  deskId: Id,
  expectedVersion: z.number().int().positive(),
});
export type MoveStoryDeskInput = z.infer<typeof MoveStoryDeskInput>;
