// Sign-in: throttles, checks the password, records the attempt, the device and the session.
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { addressBucket } from "@/lib/client-address";
import { isKnownDevice, newDeviceCookie, parseDeviceCookie, recordDevice } from "@/lib/devices";
import { normalizeEmail } from "@/lib/email";
import { env } from "@/lib/env";
import {
  type AttemptSource,
  cancelAttempt,
  reserveAttempt,
  settleAttempt,
} from "@/lib/login-throttle";
import { checkSecondFactor, markSessionVerified } from "@/lib/mfa";
import { notifyNewDevice } from "@/lib/notifications";
import { DEMO_PASSWORD } from "@/lib/password-policy";
import { hashPassword, needsRehash, verifyPassword } from "@/lib/passwords";
import { createSession } from "@/lib/sessions";
import { describeUserAgent, MAX_USER_AGENT_LENGTH } from "@/lib/user-agent";

export type LoginResult =
  | {
      ok: true;
      userId: number;
      sessionId: string;
      /** The device cookie the browser must keep (a new one when it brought none). */
      deviceCookie: string;
      newDevice: boolean;
    }
  | { ok: false; reason: "invalid" | "mfa_required" | "mfa_invalid" }
  | { ok: false; reason: "throttled"; retryAfterSeconds: number };

export type LoginInput = {
  email: string;
  password: string;
  /** The client address (lib/client-address.ts clientAddress). */
  address: string;
  userAgent?: string | null;
  /** The device cookie the browser sent, if any. */
  deviceCookie?: string | null;
  /** The second factor (TOTP or recovery code), once the form has asked for it. */
  code?: string;
  now: Date;
};

type SignInUser = { id: number; passwordHash: string; isActive: boolean };

function findUser(email: string): SignInUser | undefined {
  return db()
    .select({ id: users.id, passwordHash: users.passwordHash, isActive: users.isActive })
    .from(users)
    .where(eq(users.email, email))
    .get();
}

/** Take a turn under the throttle (lib/login-throttle.ts) before any password is checked. */
function reserve(source: Omit<AttemptSource, "knownDevice">, cookie: string | null, now: Date) {
  return db().transaction(
    (tx) =>
      reserveAttempt(tx, { ...source, knownDevice: isKnownDevice(tx, source.email, cookie) }, now),
    { behavior: "immediate" },
  );
}

function fail(attemptId: number): LoginResult {
  db().transaction((tx) => settleAttempt(tx, attemptId, false), { behavior: "immediate" });
  return { ok: false, reason: "invalid" };
}

/**
 * Unknown e-mail, deactivated account and wrong password give the same answer at the same
 * cost: all take a throttle turn and one argon2 verification (against a dummy hash when there
 * is no account). Too many recent failures answer "wait N seconds", never a lock, and only for
 * the counters they fill (lib/login-throttle.ts): the owner signing in from elsewhere, or from
 * a browser they used before, is not held up by a stranger's guesses.
 */
export async function authenticate(input: LoginInput): Promise<LoginResult> {
  const email = normalizeEmail(input.email).slice(0, 320);
  const { now } = input;
  const address = addressBucket(input.address);
  const cookie = parseDeviceCookie(input.deviceCookie);

  const turn = reserve({ email, address }, cookie, now);
  if (!turn.ok) {
    return { ok: false, reason: "throttled", retryAfterSeconds: turn.retryAfterSeconds };
  }
  const user = findUser(email);
  const passwordOk = await verifyPassword(user?.passwordHash ?? null, input.password);
  if (!user?.isActive || !passwordOk) return fail(turn.attemptId);

  const rehashed = needsRehash(user.passwordHash) ? await hashPassword(input.password) : null;
  const mustChange = env.demoPasswordMustChange && input.password === DEMO_PASSWORD;
  const userAgent = input.userAgent?.slice(0, MAX_USER_AGENT_LENGTH) || null;
  const deviceCookie = cookie ?? newDeviceCookie();

  return db().transaction(
    (tx) => {
      // Second factor (lib/mfa): a right password without the code asks for it and counts as
      // neither a failure nor a success (a success would clear the failures of wrong codes); a
      // wrong code counts as a failed attempt like a wrong password.
      const factor = checkSecondFactor(tx, { userId: user.id, code: input.code, now });
      if (factor.outcome === "required") {
        cancelAttempt(tx, turn.attemptId);
        return { ok: false, reason: "mfa_required" } as const;
      }
      if (factor.outcome === "invalid") {
        settleAttempt(tx, turn.attemptId, false);
        return { ok: false, reason: "mfa_invalid" } as const;
      }
      settleAttempt(tx, turn.attemptId, true);
      if (rehashed || mustChange) {
        tx.update(users)
          .set({
            ...(rehashed ? { passwordHash: rehashed } : {}),
            ...(mustChange ? { mustChangePassword: true } : {}),
          })
          .where(eq(users.id, user.id))
          .run();
      }
      const device = recordDevice(tx, {
        userId: user.id,
        cookie: deviceCookie,
        userAgent,
        address: input.address,
        now,
      });
      const sessionId = createSession(tx, user.id, now, {
        userAgent,
        address: input.address,
        deviceId: device.deviceId,
      });
      if (factor.verified) markSessionVerified(tx, sessionId, now);
      recordAudit(tx, {
        actorId: user.id,
        action: "login",
        subjectType: "user",
        subjectId: user.id,
        now,
      });
      const newDevice = device.isNew && device.hadOthers;
      if (newDevice) {
        const description = [describeUserAgent(userAgent), input.address]
          .filter(Boolean)
          .join(" · ");
        recordAudit(tx, {
          actorId: user.id,
          action: "session.new_device",
          subjectType: "session",
          subjectId: sessionId,
          detail: { userAgent, address: input.address },
          now,
        });
        notifyNewDevice(tx, { userId: user.id, description, now });
      }
      return { ok: true, userId: user.id, sessionId, deviceCookie, newDevice } as const;
    },
    { behavior: "immediate" },
  );
}
