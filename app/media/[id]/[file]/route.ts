// `/media/<id>/<width>.webp`: a stored photo. Anyone may fetch it while a published story shows
// it; before that, and again once it is taken down, only the newsroom. Shared caches keep a
// public photo for seconds, as they keep pages (lib/cache-control.ts), never a year: a takedown
// must reach the photo too. Browsers revalidate cheaply with the ETag (the file never changes
// under its URL). Anything else is a plain 404 that says nothing about what exists.
import fs from "node:fs/promises";
import path from "node:path";
import { PUBLIC_CACHE_CONTROL } from "@/lib/cache-control";
import { isMediaPublished, mediaFilePath, parsePhotoFile } from "@/lib/media";
import { getViewer } from "@/lib/session";

export const dynamic = "force-dynamic";

type Params = { params: Promise<{ id: string; file: string }> };

function notFound(): Response {
  return new Response("Not found", {
    status: 404,
    headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
  });
}

export async function GET(request: Request, { params }: Params): Promise<Response> {
  const { id: rawId, file: rawFile } = await params;
  if (!/^[1-9]\d{0,9}$/.test(rawId)) return notFound();
  const size = parsePhotoFile(rawFile);
  if (!size) return notFound();
  const id = Number(rawId);
  const file = mediaFilePath(id, size);
  if (!file) return notFound();

  const isPublic = isMediaPublished(id, new Date());
  if (!isPublic && !(await getViewer())) return notFound();

  // The storage key (random, per upload) and the width name the bytes for good.
  const etag = `"${path.basename(path.dirname(file))}-${size}"`;
  const cacheControl = isPublic ? PUBLIC_CACHE_CONTROL : "private, no-store";
  if (request.headers.get("if-none-match") === etag) {
    return new Response(null, {
      status: 304,
      headers: { ETag: etag, "Cache-Control": cacheControl },
    });
  }

  let bytes: Buffer<ArrayBuffer>;
  try {
    bytes = await fs.readFile(file);
  } catch {
    return notFound();
  }
  return new Response(bytes, {
    headers: {
      "Content-Type": "image/webp",
      "Content-Length": String(bytes.length),
      "Cache-Control": cacheControl,
      ETag: etag,
      "X-Content-Type-Options": "nosniff",
    },
  });
}
