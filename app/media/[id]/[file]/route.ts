// `/media/<id>/<width>.webp`: a stored photo. Anyone may fetch it once a published story shows
// it (and caches may keep it for good: its URL never changes content); before that, only the
// newsroom. Anything else is a plain 404 that says nothing about what exists.
import fs from "node:fs/promises";
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

export async function GET(_request: Request, { params }: Params): Promise<Response> {
  const { id: rawId, file: rawFile } = await params;
  if (!/^[1-9]\d{0,9}$/.test(rawId)) return notFound();
  const size = parsePhotoFile(rawFile);
  if (!size) return notFound();
  const id = Number(rawId);
  const file = mediaFilePath(id, size);
  if (!file) return notFound();

  const isPublic = isMediaPublished(id, new Date());
  if (!isPublic && !(await getViewer())) return notFound();

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
      "Cache-Control": isPublic ? "public, max-age=31536000, immutable" : "private, no-store",
      "X-Content-Type-Options": "nosniff",
    },
  });
}
