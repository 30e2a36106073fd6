// The check that keeps a production paper from running while any active account still opens
// with the try-out's shared password (DEMO_PASSWORD, lib/password-policy.ts).
import { eq } from "drizzle-orm";
import { db } from "@/db/client";
import { users } from "@/db/schema";
import { DEMO_PASSWORD } from "@/lib/password-policy";
import { verifyPassword } from "@/lib/passwords";

/** E-mails of active accounts whose password is still the demo password (argon2 checked). */
export async function listAccountsWithDemoPassword(): Promise<string[]> {
  const rows = db()
    .select({ email: users.email, passwordHash: users.passwordHash })
    .from(users)
    .where(eq(users.isActive, true))
    .all();
  const checks = await Promise.all(
    rows.map(async (row) =>
      (await verifyPassword(row.passwordHash, DEMO_PASSWORD)) ? row.email : null,
    ),
  );
  return checks.filter((email): email is string => email !== null).sort();
}
