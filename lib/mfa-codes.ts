// Recovery codes: ten random single-use codes, shown once, stored only as hashes.
import { createHash, randomBytes } from "node:crypto";

export const RECOVERY_CODE_COUNT = 10;
const ALPHABET = "abcdefghjkmnpqrstuvwxyz23456789"; // no 0/o, 1/l/i: read aloud and typed by hand
const CODE_LENGTH = 16; // 16 × log2(31) ≈ 79 bits: a hash of it cannot be reversed by guessing

/** One code as shown: four groups of four, e.g. `k7dq-m2xa-9pfw-h3ne`. */
export function newRecoveryCode(): string {
  const bytes = randomBytes(CODE_LENGTH * 2);
  let raw = "";
  // Rejection sampling keeps every character equally likely.
  for (let i = 0; i < bytes.length && raw.length < CODE_LENGTH; i += 1) {
    const byte = bytes[i] ?? 0;
    if (byte < 248) raw += ALPHABET[byte % ALPHABET.length];
  }
  if (raw.length < CODE_LENGTH) return newRecoveryCode();
  return raw.match(/.{4}/g)?.join("-") ?? raw;
}

export function newRecoveryCodes(): string[] {
  return Array.from({ length: RECOVERY_CODE_COUNT }, newRecoveryCode);
}

/** Case, spaces and dashes do not matter when a code is typed back. */
export function normalizeRecoveryCode(code: string): string {
  return code.toLowerCase().replace(/[\s-]+/g, "");
}

/** Whether what was typed has the shape of a recovery code (rather than a TOTP code). */
export function looksLikeRecoveryCode(code: string): boolean {
  return new RegExp(`^[${ALPHABET}]{${CODE_LENGTH}}$`).test(normalizeRecoveryCode(code));
}

/**
 * SHA-256, unsalted: each code carries ~79 random bits, so a stolen hash cannot be reversed
 * by trying codes, and a fast hash lets sign-in look a code up without ten argon2 runs.
 */
export function hashRecoveryCode(code: string): string {
  return createHash("sha256").update(normalizeRecoveryCode(code)).digest("hex");
}
