// The one shape of a server action: who is asking → the input, parsed by its zod schema → the
// lib/ function that checks permission and writes → an ActionResult. Every "use server" file
// calls `action` (or `publicAction`), so none repeats the try/catch.
import "server-only";
import { z } from "zod";
import { type ActionResult, AppError, failure, invalid, ok } from "@/lib/errors";
import { getSignedIn, requireActionViewer, requireEnrollingSession } from "@/lib/session";
import type { Viewer } from "@/lib/viewer";

/**
 * Whom an action serves. `desk`: a viewer who may use the desk (signed in, no gate left).
 * `signed_in`: any live session, gated or not (the forced password change lifts its own gate).
 * `enrolling`: the desk, or a session whose only gate is MFA enrolment.
 */
export type ActionGate = "desk" | "signed_in" | "enrolling";

const GATES: Record<ActionGate, () => Promise<Viewer>> = {
  desk: requireActionViewer,
  signed_in: async () => {
    const signedIn = await getSignedIn();
    if (!signedIn) throw new AppError("unauthorized");
    return signedIn.viewer;
  },
  enrolling: async () => (await requireEnrollingSession()).viewer,
};

/** For an action that takes nothing (called with no argument). */
export const NO_INPUT = z.undefined();

/** What an action's data is: nothing (`undefined`) when its lib/ call returns nothing. */
// biome-ignore lint/suspicious/noConfusingVoidType: a `run` that returns nothing is typed void; this names that case.
export type ActionData<T> = [Awaited<T>] extends [void] ? undefined : Awaited<T>;

/**
 * Runs `run` for the viewer `who` resolves, on `input` parsed by `schema`. A refusal of the
 * viewer, an input the schema refuses (with field errors; `run` is not called, so nothing
 * changes) and an AppError the lib raises become a failed result with a message key of the
 * `errors` dictionary; anything else is logged here and answered with the generic message,
 * never its stack or SQL. Next's own control flow (redirect, notFound) is not an error and
 * is not caught by callers: they redirect after the result, outside this function.
 */
export async function runAction<V, S extends z.ZodType, T>(
  who: () => V | Promise<V>,
  schema: S,
  input: unknown,
  run: (viewer: V, data: z.output<S>, now: Date) => T | Promise<T>,
): Promise<ActionResult<ActionData<T>>> {
  try {
    const viewer = await who();
    const parsed = schema.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    return ok((await run(viewer, parsed.data, new Date())) as ActionData<T>);
  } catch (error) {
    return failure(error);
  }
}

/** A server action for the signed-in viewer (see ActionGate); the lib/ call checks the rest. */
export function action<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  run: (viewer: Viewer, data: z.output<S>, now: Date) => T | Promise<T>,
  gate: ActionGate = "desk",
): Promise<ActionResult<ActionData<T>>> {
  return runAction(GATES[gate], schema, input, run);
}

/** A server action nobody is signed in for (first-admin setup): the lib/ call checks all. */
export function publicAction<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  run: (data: z.output<S>, now: Date) => T | Promise<T>,
): Promise<ActionResult<ActionData<T>>> {
  return runAction(
    () => null,
    schema,
    input,
    (_, data, now) => run(data, now),
  );
}
