// The one action shape (lib/action.ts) against a real SQLite file: the viewer is loaded and
// gated as the desk loads it (lib/viewer.ts), the input parsed by the forms' own schemas, and
// the lib/ functions write for real.
import { eq, sql } from "drizzle-orm";
import { afterEach, describe, expect, it, vi } from "vitest";
import { db } from "@/db/client";
import { auditEvents, desks, users } from "@/db/schema";
import { insertUser, withTempDatabase } from "@/db/testing/temp-database";
import { NO_INPUT, runAction } from "@/lib/action";
import { CreateDeskInput } from "@/lib/desk-input";
import { createDesk } from "@/lib/desks";
import { errorText, failureText } from "@/lib/errors";
import { en } from "@/lib/i18n/en";
import { zhCN } from "@/lib/i18n/zh-CN";
import type { Role } from "@/lib/permissions";
import { createSession, revokeSession } from "@/lib/sessions";
import { deskViewer, loadSignedIn } from "@/lib/viewer";

withTempDatabase();
const now = new Date("2026-03-02T09:00:00Z");

afterEach(() => {
  vi.restoreAllMocks();
});

/** A signed-in user and the resolver an action would use for them. */
async function signIn(role: Role) {
  const user = await insertUser(role);
  const sessionId = db().transaction((tx) => createSession(tx, user.id, now));
  return { user, sessionId, who: () => deskViewer(loadSignedIn(user.id, sessionId, now)) };
}

const deskCount = () => db().select({ id: desks.id }).from(desks).all().length;
const auditActions = () =>
  db()
    .select({ action: auditEvents.action })
    .from(auditEvents)
    .all()
    .map((row) => row.action);

describe("an action", () => {
  it("runs the lib call for the viewer and returns its data", async () => {
    const { user, who } = await signIn("admin");
    const result = await runAction(who, CreateDeskInput, { name: "  要闻部 " }, (v, d, t) =>
      createDesk(v, d, t),
    );
    expect(result.ok).toBe(true);
    const row = db().select().from(desks).get();
    expect(row?.name).toBe("要闻部");
    expect(result).toEqual({ ok: true, data: { id: row?.id } });
    const audit = db().select().from(auditEvents).get();
    expect(audit?.action).toBe("desk.create");
    expect(audit?.actorId).toBe(user.id);
  });

  it("answers a run that returns nothing with undefined data", async () => {
    const { who } = await signIn("reporter");
    const result = await runAction(who, NO_INPUT, undefined, () => {});
    expect(result).toEqual({ ok: true, data: undefined });
  });

  it("refuses input its schema refuses with field errors, without calling the lib", async () => {
    const { who } = await signIn("admin");
    const run = vi.fn(createDesk);
    const empty = await runAction(who, CreateDeskInput, { name: "   " }, run);
    expect(empty).toEqual({
      ok: false,
      code: "invalid_input",
      messageKey: "invalid_input",
      fieldErrors: { name: ["required"] },
    });
    const long = await runAction(who, CreateDeskInput, { name: "部".repeat(41) }, run);
    expect(long.ok ? null : long.fieldErrors).toEqual({ name: ["too_long"] });
    // Not an object at all: zod's own English never reaches the user.
    const junk = await runAction(who, CreateDeskInput, "DROP TABLE desks", run);
    expect(junk.ok ? null : junk.fieldErrors).toEqual({ _: ["invalid_input"] });
    expect(run).not.toHaveBeenCalled();
    expect(deskCount()).toBe(0);
    expect(auditActions()).toEqual([]);
    // The field's message, in both languages.
    if (empty.ok) throw new Error("expected a refusal");
    expect(failureText(zhCN.errors, empty)).toBe(zhCN.errors.required);
    expect(failureText(en.errors, empty)).toBe(en.errors.required);
  });

  it("refuses a viewer the lib refuses, changing nothing", async () => {
    const { who } = await signIn("reporter");
    const result = await runAction(who, CreateDeskInput, { name: "要闻部" }, createDesk);
    expect(result).toEqual({ ok: false, code: "forbidden", messageKey: "forbidden" });
    expect(deskCount()).toBe(0);
    expect(auditActions()).toEqual([]);
  });

  it("refuses a signed-out or gated viewer before parsing or running anything", async () => {
    const { user, sessionId, who } = await signIn("admin");
    const run = vi.fn(createDesk);
    db().update(users).set({ mustChangePassword: true }).where(eq(users.id, user.id)).run();
    const gated = await runAction(who, CreateDeskInput, { name: "" }, run);
    expect(gated).toEqual({ ok: false, code: "forbidden", messageKey: "password_change" });
    expect(errorText(zhCN.errors, "password_change")).toBe(zhCN.errors.password_change);

    revokeSession(sessionId, now);
    const ended = await runAction(who, CreateDeskInput, { name: "要闻部" }, run);
    expect(ended).toEqual({ ok: false, code: "unauthorized", messageKey: "unauthorized" });
    expect(run).not.toHaveBeenCalled();
    expect(deskCount()).toBe(0);
  });

  it("turns an error the lib raises on purpose into its message and field errors", async () => {
    const { who } = await signIn("admin");
    const create = () => runAction(who, CreateDeskInput, { name: "要闻部" }, createDesk);
    expect((await create()).ok).toBe(true);
    const again = await create();
    expect(again).toEqual({
      ok: false,
      code: "invalid_input",
      messageKey: "desk_exists",
      fieldErrors: { name: ["desk_exists"] },
    });
    if (again.ok) throw new Error("expected a refusal");
    expect(failureText(zhCN.errors, again)).toBe(zhCN.errors.desk_exists);
    expect(failureText(en.errors, again)).toBe(en.errors.desk_exists);
    expect(deskCount()).toBe(1);
    expect(auditActions()).toEqual(["desk.create"]);
  });

  it("logs an unexpected error and answers with the generic message, leaking nothing", async () => {
    const { who } = await signIn("admin");
    const logged: unknown[][] = [];
    vi.spyOn(console, "error").mockImplementation((...args: unknown[]) => {
      logged.push(args);
    });
    const result = await runAction(who, NO_INPUT, undefined, () =>
      db().run(sql`insert into no_such_table (secret) values ('hunter2')`),
    );
    expect(result).toEqual({ ok: false, code: "internal", messageKey: "internal" });
    const wire = JSON.stringify(result);
    expect(wire).not.toMatch(/no_such_table|hunter2|SqliteError|at /);
    // The server's log has the real error: its SQL and its stack.
    const error = logged.flat().find((value) => value instanceof Error) as Error | undefined;
    expect(error?.message).toMatch(/no_such_table/);
    expect(error?.stack).toBeTruthy();
    if (result.ok) throw new Error("expected a failure");
    expect(failureText(zhCN.errors, result)).toBe(zhCN.errors.internal);
  });

  it("treats a resolver that throws something unexpected the same way", async () => {
    vi.spyOn(console, "error").mockImplementation(() => {});
    const run = vi.fn();
    const result = await runAction(
      () => {
        throw new TypeError("session store unreachable at 10.0.0.5");
      },
      NO_INPUT,
      undefined,
      run,
    );
    expect(result).toEqual({ ok: false, code: "internal", messageKey: "internal" });
    expect(console.error).toHaveBeenCalledTimes(1);
    expect(run).not.toHaveBeenCalled();
  });
});

describe("errorText", () => {
  it("shows a key the dictionary lacks as the generic message, not as the key", () => {
    expect(errorText(zhCN.errors, "no_such_message")).toBe(zhCN.errors.internal);
    expect(errorText(en.errors, "toString")).toBe(en.errors.internal);
    expect(errorText(en.errors, "not_found")).toBe(en.errors.not_found);
  });
});
