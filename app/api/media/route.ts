// `/api/media`: upload a photo (POST, multipart) and list the library (GET) for the desk and
// the story editor. Route handlers get no CSRF check from Next, so POST checks Origin itself.
import type { NextRequest } from "next/server";
import { type ActionResult, AppError, type ErrorCode, failure, invalid } from "@/lib/errors";
import { listMedia, MAX_PHOTO_BYTES, type MediaItem, storePhoto } from "@/lib/media";
import { ListMediaInput, PhotoInfo } from "@/lib/media-input";
import { getViewer } from "@/lib/session";

export const dynamic = "force-dynamic";

/** Room for the multipart envelope and the text fields around a photo at the size limit. */
const MAX_BODY_BYTES = MAX_PHOTO_BYTES + 64 * 1024;

const STATUS: Record<ErrorCode, number> = {
  unauthorized: 401,
  forbidden: 403,
  not_found: 404,
  invalid_input: 400,
  invalid_transition: 409,
  conflict: 409,
  rate_limited: 429,
  internal: 500,
};

function reply<T>(result: ActionResult<T>, okStatus = 200): Response {
  let status = okStatus;
  if (!result.ok) {
    status = result.messageKey === "photo_too_large" ? 413 : STATUS[result.code];
  }
  return Response.json(result, { status, headers: { "Cache-Control": "no-store" } });
}

/** The request came from a page of this site: its Origin names the host it was sent to. */
function isSameOrigin(request: NextRequest): boolean {
  const origin = request.headers.get("origin");
  const host = request.headers.get("x-forwarded-host") ?? request.headers.get("host");
  if (!origin || !host) return false;
  try {
    return new URL(origin).host === host;
  } catch {
    return false;
  }
}

/** Read the body, giving up as soon as it grows past the limit (Content-Length may be absent). */
async function readBody(request: NextRequest): Promise<Uint8Array<ArrayBuffer>> {
  const reader = request.body?.getReader();
  if (!reader) return new Uint8Array(0);
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    total += value.byteLength;
    if (total > MAX_BODY_BYTES) {
      await reader.cancel();
      throw new AppError("invalid_input", "photo_too_large");
    }
    chunks.push(value);
  }
  const body = new Uint8Array(total);
  let offset = 0;
  for (const chunk of chunks) {
    body.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return body;
}

function text(form: FormData, name: string): string | null {
  const value = form.get(name);
  return typeof value === "string" ? value : null;
}

export async function POST(request: NextRequest): Promise<Response> {
  try {
    if (!isSameOrigin(request)) throw new AppError("forbidden");
    const viewer = await getViewer();
    if (!viewer) throw new AppError("unauthorized");
    const length = Number(request.headers.get("content-length") ?? "0");
    if (length > MAX_BODY_BYTES) throw new AppError("invalid_input", "photo_too_large");

    const contentType = request.headers.get("content-type") ?? "";
    if (!contentType.startsWith("multipart/form-data"))
      throw new AppError("invalid_input", "photo_missing");
    let form: FormData;
    try {
      const body = await readBody(request);
      form = await new Response(body, { headers: { "content-type": contentType } }).formData();
    } catch (error) {
      if (error instanceof AppError) throw error;
      throw new AppError("invalid_input", "photo_missing");
    }
    const file = form.get("file");
    if (!(file instanceof File) || file.size === 0)
      throw new AppError("invalid_input", "photo_missing");
    const info = PhotoInfo.safeParse({
      caption: text(form, "caption"),
      credit: text(form, "credit"),
      alt: text(form, "alt"),
    });
    if (!info.success) return reply(invalid(info.error));

    const item = await storePhoto(
      viewer,
      { bytes: new Uint8Array(await file.arrayBuffer()), filename: file.name, ...info.data },
      new Date(),
    );
    return reply<MediaItem>({ ok: true, data: item }, 201);
  } catch (error) {
    return reply(failure(error));
  }
}

export async function GET(request: NextRequest): Promise<Response> {
  try {
    const viewer = await getViewer();
    if (!viewer) throw new AppError("unauthorized");
    const params = request.nextUrl.searchParams;
    const parsed = ListMediaInput.safeParse({
      q: params.get("q") ?? undefined,
      offset: params.get("offset") ?? undefined,
      limit: params.get("limit") ?? undefined,
    });
    if (!parsed.success) return reply(invalid(parsed.error));
    return reply<MediaItem[]>({ ok: true, data: listMedia(viewer, parsed.data) });
  } catch (error) {
    return reply(failure(error));
  }
}
