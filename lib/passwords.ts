// Password hashing: argon2id with explicit parameters (docs/security.md, "Passwords").
import { type Algorithm, hash, verify } from "@node-rs/argon2";

export { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from "@/lib/passwords-rules";

/**
 * RFC 9106's second recommended setting (64 MiB, three passes) with one lane: each hash runs
 * on one of libuv's four pool threads, so at most four run at once and sign-in never holds
 * more than 4 × 64 MiB. Measured in docs/benchmarks.md ("Sign-in").
 */
export const ARGON2_PARAMS = {
  // Algorithm.Argon2id: a const enum, which isolatedModules cannot read across packages.
  algorithm: 2 as Algorithm,
  memoryCost: 65_536,
  timeCost: 3,
  parallelism: 1,
  outputLen: 32,
} as const;

const CURRENT_PREFIX = `$argon2id$v=19$m=${ARGON2_PARAMS.memoryCost},t=${ARGON2_PARAMS.timeCost},p=${ARGON2_PARAMS.parallelism}$`;

export function hashPassword(password: string): Promise<string> {
  return hash(password, ARGON2_PARAMS);
}

/** A hash made with other parameters (an older default): re-hashed at the next sign-in. */
export function needsRehash(storedHash: string): boolean {
  return !storedHash.startsWith(CURRENT_PREFIX);
}

// Verified against when the e-mail is unknown, so both cases cost the same.
let dummyHash: Promise<string> | undefined;

export async function verifyPassword(
  storedHash: string | null,
  password: string,
): Promise<boolean> {
  if (storedHash === null) {
    dummyHash ??= hashPassword("masthead-timing-equaliser");
    await verify(await dummyHash, password).catch(() => false);
    return false;
  }
  try {
    return await verify(storedHash, password);
  } catch {
    return false;
  }
}
