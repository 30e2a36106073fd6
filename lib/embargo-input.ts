// Input of the embargo form: shared by the browser and the server action.
import { z } from "zod";

export const EmbargoInput = z.object({
  storyId: z.number().int().positive(),
  /** Wall-clock time in the paper's timezone as a datetime-local input gives it; null lifts it. */
  until: z
    .string()
    .regex(/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/, "errors.datetime_invalid")
    .nullable(),
  /** The embargo the form was showing (ms), null for none. */
  expectedUntil: z.number().int().nonnegative().nullable(),
});
export type EmbargoInput = z.infer<typeof EmbargoInput>;
