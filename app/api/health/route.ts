// `/api/health`: is the database reachable (for a load balancer and the test runner); the
// details only for a signed-in admin (lib/health.ts).
import { healthReport } from "@/lib/health";
import { getViewer } from "@/lib/session";

export const dynamic = "force-dynamic";

export async function GET() {
  const viewer = await getViewer().catch(() => null);
  const { status, body } = healthReport(viewer);
  return Response.json(body, { status, headers: { "Cache-Control": "no-store" } });
}
