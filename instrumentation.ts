// Runs once when the server starts: makes the data folder private (db/private-files) and starts
// the publishing clock (lib/scheduler).
export async function register(): Promise<void> {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  if (process.env.NEXT_PHASE === "phase-production-build") return;
  const { env } = await import("@/lib/env");
  const { lockDownDataDir } = await import("@/db/private-files");
  lockDownDataDir(env.dataDir);
  const { startScheduler } = await import("@/lib/scheduler");
  startScheduler();
}
