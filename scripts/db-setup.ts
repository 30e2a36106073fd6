// Creates, migrates and (on first run) seeds the database: `npm run db:setup`, run by `npm start`.
import path from "node:path";
import { closeDatabase } from "@/db/client";
import { migrateDatabase } from "@/db/migrate";
import { lockDownDataDir } from "@/db/private-files";
import { seedDatabase } from "@/db/seed";
import { env } from "@/lib/env";

async function main(): Promise<void> {
  lockDownDataDir(env.dataDir);
  migrateDatabase();
  const created = await seedDatabase();
  const where = path.relative(process.cwd(), env.databasePath) || env.databasePath;
  console.log(
    created.length > 0
      ? `Database ${where}: migrated; seeded ${created.join(", ")}.`
      : `Database ${where}: migrated; already seeded.`,
  );
  closeDatabase();
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
