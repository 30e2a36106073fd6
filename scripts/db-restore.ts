// `npm run db:restore -- <backup folder>`: put a backup back into data/ (stop the server first).
import path from "node:path";
import { restoreData } from "@/lib/backup";
import { env } from "@/lib/env";

const backup = process.argv[2];
if (!backup) {
  console.error("Usage: npm run db:restore -- <backup folder>   (stop the server first)");
  process.exit(1);
}
try {
  const { stories } = restoreData(path.resolve(backup), env.dataDir);
  console.log(`Restored ${stories} stories into ${env.dataDir}. Start the server with npm start.`);
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
