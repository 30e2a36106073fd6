// `npm run db:backup [-- <folder>]`: a consistent copy of the database and media, taken while
// the server runs (default: data/backups/<time>).
import path from "node:path";
import { backupData } from "@/lib/backup";
import { env } from "@/lib/env";

async function main(): Promise<void> {
  const stamp = new Date().toISOString().replace(/[:.]/g, "-");
  const target = path.resolve(process.argv[2] ?? path.join(env.dataDir, "backups", stamp));
  const result = await backupData(env.dataDir, target);
  console.log(
    `Backed up ${result.stories} stories and ${result.mediaFiles} media files to ${result.dir} (${(result.bytes / 1024 / 1024).toFixed(1)} MB database).`,
  );
}

main().catch((error: unknown) => {
  console.error(`Backup failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
