// Creates and migrates the database: `npm run db:setup`, run by `npm start`. The try-out seeds
// the demo paper; production (MASTHEAD_MODE=production) never does, refuses to go on while an
// account has the demo password, and prints the one-time setup link while there are no users.
import path from "node:path";
import { closeDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { lockDownDataDir } from "@/db/private-files";
import { seedDatabase } from "@/db/seed";
import { listAccountsWithDemoPassword } from "@/lib/demo-password";
import { env } from "@/lib/env";
import { issueSetupToken, SETUP_TOKEN_TTL_MS } from "@/lib/setup";

async function tryout(where: string): Promise<void> {
  const created = await seedDatabase();
  console.log(
    created.length > 0
      ? `Database ${where}: migrated; seeded ${created.join(", ")}.`
      : `Database ${where}: migrated; already seeded.`,
  );
  console.warn(
    [
      "⚠ Masthead is running as a TRY-OUT: demo paper, demo accounts with a published password.",
      "  Not for real use. Go live with MASTHEAD_MODE=production (see docs/deploy.md).",
    ].join("\n"),
  );
}

async function production(where: string): Promise<void> {
  console.log(`Database ${where}: migrated (production: no demo content).`);
  const weak = await listAccountsWithDemoPassword();
  if (weak.length > 0) {
    console.error(
      [
        "✗ Refusing to start in production: these accounts still have the demo password:",
        ...weak.map((email) => `    ${email}`),
        "  Give each a new password with `npm run user -- reset-password <email>`,",
        "  or deactivate the account (Desk → People), then start again.",
      ].join("\n"),
    );
    process.exitCode = 2;
    return;
  }
  const token = issueSetupToken(new Date());
  if (token) {
    const base = env.siteUrl ?? `http://localhost:${env.port}`;
    const hours = SETUP_TOKEN_TTL_MS / 3_600_000;
    console.log(
      [
        `▸ No accounts yet. Create the first admin (once, within ${hours} hours) at:`,
        `    ${base}/setup?token=${token}`,
        "  Starting again before then prints a new link and voids this one.",
      ].join("\n"),
    );
  }
}

async function main(): Promise<void> {
  const mode = env.mode;
  lockDownDataDir(env.dataDir);
  migrateDatabase();
  const where = path.relative(process.cwd(), env.databasePath) || env.databasePath;
  await (mode === "production" ? production(where) : tryout(where));
  closeDatabase();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
