// `/api/media`: upload a photo (POST, multipart) and list the library (GET) for the desk and
// the story editor. Route handlers get no CSRF check from Next, so POST checks Origin itself.
import type { NextRequest } from "next/server";
import { type ActionResult, AppError, failure, invalid } from "@/lib/errors";
import { isSameOrigin, jsonResult, readCappedBody } from "@/lib/http";
import { listMedia, MAX_PHOTO_BYTES, type MediaItem, storePhoto } from "@/lib/media";
import { ListMediaInput, PhotoInfo } from "@/lib/media-input";
import { getViewer } from "@/lib/session";

export const dynamic = "force-dynamic";

/** Room for the multipart envelope and the text fields around a photo at the size limit. */
const MAX_BODY_BYTES = MAX_PHOTO_BYTES + 64 * 1024;

/** A photo over the size limit is 413; every other result has its code's status. */
function reply<T>(result: ActionResult<T>, okStatus = 200): Response {
  const tooLarge = !result.ok && result.messageKey === "photo_too_large";
  return jsonResult(result, okStatus, tooLarge ? 413 : undefined);
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
    const contentType = request.headers.get("content-type") ?? "";
    if (!contentType.startsWith("multipart/form-data"))
      throw new AppError("invalid_input", "photo_missing");
    let form: FormData;
    try {
      const body = await readCappedBody(request, MAX_BODY_BYTES);
      if (!body) throw new AppError("invalid_input", "photo_too_large");
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
