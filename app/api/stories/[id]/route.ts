// PUT /api/stories/<id>: the editor's autosave. A route handler rather than a server action
// so the browser can tell "offline" from "refused", and can send a last save as the page hides.
import { failure, invalid, ok } from "@/lib/errors";
import { isSameOrigin, jsonResult, readCappedBody } from "@/lib/http";
import { getViewer } from "@/lib/session";
import { saveStory } from "@/lib/stories";
import { MAX_BODY_JSON_BYTES, SaveStoryInput, StoryId } from "@/lib/story-input";

/** The JSON of a save: the body at its limit, with room for the other fields and escaping. */
const MAX_REQUEST_BYTES = MAX_BODY_JSON_BYTES * 2;

export async function PUT(request: Request, { params }: { params: Promise<{ id: string }> }) {
  try {
    if (!isSameOrigin(request))
      return jsonResult({ ok: false, code: "forbidden", messageKey: "forbidden" });
    const viewer = await getViewer();
    if (!viewer) return jsonResult({ ok: false, code: "unauthorized", messageKey: "unauthorized" });
    const id = StoryId.safeParse((await params).id);
    if (!id.success) return jsonResult({ ok: false, code: "not_found", messageKey: "not_found" });
    // Capped while it streams in, with or without Content-Length: a client that sends an
    // endless chunked body is cut off at the limit, not read into memory.
    const bytes = await readCappedBody(request, MAX_REQUEST_BYTES);
    if (!bytes) {
      return Response.json(
        { ok: false, code: "invalid_input", messageKey: "too_long" },
        { status: 413, headers: { "Cache-Control": "no-store" } },
      );
    }
    let json: unknown;
    try {
      json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
    } catch {
      return jsonResult({ ok: false, code: "invalid_input", messageKey: "invalid_input" });
    }
    const parsed = SaveStoryInput.safeParse(json);
    if (!parsed.success) return jsonResult(invalid(parsed.error));
    const { baseVersion, overwrite, ...fields } = parsed.data;
    const result = saveStory(
      viewer,
      { storyId: id.data, baseVersion, fields, overwrite },
      new Date(),
    );
    if (!result.ok) {
      return Response.json(
        { ok: false, code: "conflict", messageKey: "save_conflict", current: result.conflict },
        { status: 409, headers: { "Cache-Control": "no-store" } },
      );
    }
    return jsonResult(ok(result));
  } catch (error) {
    return jsonResult(failure(error));
  }
}
