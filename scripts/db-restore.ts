// `npm run db:restore -- <backup folder> [--keep-accounts]`: put a backup back into data/ (stop
// the server first). Every session ends; --keep-accounts keeps the current accounts' state.
import path from "node:path";
import { restoreData } from "@/lib/backup";
import { env } from "@/lib/env";

const args = process.argv.slice(2);
const keepAccounts = args.includes("--keep-accounts");
const backup = args.find((arg) => !arg.startsWith("--"));
if (!backup || args.some((arg) => arg.startsWith("--") && arg !== "--keep-accounts")) {
  console.error(
    "Usage: npm run db:restore -- <backup folder> [--keep-accounts]   (stop the server first)",
  );
  process.exit(1);
}
try {
  const result = restoreData(path.resolve(backup), env.dataDir, { keepAccounts, now: new Date() });
  console.log(
    `Restored ${result.stories} stories into ${env.dataDir}; ended ${result.sessionsEnded} sessions` +
      (keepAccounts ? `; kept the current state of ${result.accountsKept} accounts.` : ".") +
      " Start the server with npm start.",
  );
} catch (error) {
  console.error(`Restore failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
