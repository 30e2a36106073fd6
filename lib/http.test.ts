import { describe, expect, it } from "vitest";
import { readCappedBody } from "@/lib/http";

const CHUNK = new Uint8Array(64 * 1024).fill(0x20);

/** A chunked body with no Content-Length that would never end, and how much of it was pulled. */
function endlessRequest(): { request: Request; pulled: () => number; cancelled: () => boolean } {
  let pulls = 0;
  let cancelled = false;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      pulls += 1;
      controller.enqueue(CHUNK);
    },
    cancel() {
      cancelled = true;
    },
  });
  const request = new Request("http://localhost/api/stories/1", {
    method: "PUT",
    body,
    duplex: "half",
  } as RequestInit);
  return { request, pulled: () => pulls, cancelled: () => cancelled };
}

describe("readCappedBody", () => {
  it("stops an endless chunked body at the cap, without Content-Length, and cancels it", async () => {
    const { request, pulled, cancelled } = endlessRequest();
    expect(request.headers.get("content-length")).toBeNull();
    expect(await readCappedBody(request, 1_000_000)).toBeNull();
    expect(cancelled()).toBe(true);
    // The cap is ~16 chunks; a few more may be buffered ahead, never the whole stream.
    expect(pulled()).toBeLessThan(40);
  });

  it("refuses at once a body whose Content-Length is past the cap", async () => {
    const request = new Request("http://localhost/x", {
      method: "PUT",
      body: "x".repeat(2000),
      headers: { "content-length": "2000" },
    });
    expect(await readCappedBody(request, 1000)).toBeNull();
  });

  it("reads a body up to the cap exactly", async () => {
    const text = "稿".repeat(100);
    const request = new Request("http://localhost/x", { method: "PUT", body: text });
    const bytes = await readCappedBody(request, Buffer.byteLength(text));
    expect(new TextDecoder().decode(bytes ?? new Uint8Array())).toBe(text);
  });
});
