import { describe, expect, it } from "vitest";
import { decodePageBytes, MAX_PAGE_BYTES } from "@/lib/import/decode";

const utf8 = (text: string) => new TextEncoder().encode(text);

// GB18030/GBK bytes of 本报讯（记者 边磊）昨天。 written out, so the test needs no encoder.
const GBK_SAMPLE = new Uint8Array([
  0xb1, 0xbe, 0xb1, 0xa8, 0xd1, 0xb6, 0xa3, 0xa8, 0xbc, 0xc7, 0xd5, 0xdf, 0x20, 0xb1, 0xdf, 0xc0,
  0xda, 0xa3, 0xa9, 0xd7, 0xf2, 0xcc, 0xec, 0xa1, 0xa3,
]);

describe("decoding a page file", () => {
  it("reads UTF-8 and drops a byte-order mark", () => {
    const bytes = new Uint8Array([0xef, 0xbb, 0xbf, ...utf8("本报讯 近日，")]);
    expect(decodePageBytes(bytes)).toEqual({ ok: true, text: "本报讯 近日，", encoding: "utf-8" });
  });

  it("reads GBK text as GB18030 instead of garbling it", () => {
    expect(decodePageBytes(GBK_SAMPLE)).toEqual({
      ok: true,
      text: "本报讯（记者 边磊）昨天。",
      encoding: "gb18030",
    });
  });

  it("reads UTF-16 when its byte-order mark says so", () => {
    const text = "本报讯";
    const bytes = new Uint8Array(2 + text.length * 2);
    bytes.set([0xff, 0xfe]);
    for (let i = 0; i < text.length; i += 1) {
      const code = text.charCodeAt(i);
      bytes[2 + i * 2] = code & 0xff;
      bytes[3 + i * 2] = code >> 8;
    }
    expect(decodePageBytes(bytes)).toEqual({ ok: true, text, encoding: "utf-16le" });
  });

  it("refuses empty and blank files", () => {
    expect(decodePageBytes(new Uint8Array())).toMatchObject({ ok: false, problem: "empty" });
    expect(decodePageBytes(utf8(" \n\n\t \n"))).toMatchObject({ ok: false, problem: "empty" });
    expect(decodePageBytes(new Uint8Array([0xef, 0xbb, 0xbf]))).toMatchObject({
      ok: false,
      problem: "empty",
    });
  });

  it("refuses binary files: NUL bytes, or control characters once decoded", () => {
    const pdf = new Uint8Array([...utf8("%PDF-1.7\n"), 0x00, 0x01, 0x02, 0xff]);
    expect(decodePageBytes(pdf)).toMatchObject({ ok: false, problem: "binary" });
    const controls = utf8(`${"\u0001\u0002\u0003\u0004".repeat(10)}text`);
    expect(decodePageBytes(controls)).toMatchObject({ ok: false, problem: "binary" });
  });

  it("refuses bytes that are neither UTF-8 nor GB18030", () => {
    const bytes = new Uint8Array(64).map((_, i) => (i % 2 === 0 ? 0x81 : 0x20));
    const result = decodePageBytes(bytes);
    expect(result.ok).toBe(false);
  });

  it("refuses a file larger than a page, before decoding it", () => {
    const result = decodePageBytes(new Uint8Array(MAX_PAGE_BYTES + 1).fill(0x41));
    expect(result).toMatchObject({ ok: false, problem: "too_large" });
    if (!result.ok) expect(result.message).toMatch(/2 MB/u);
    expect(decodePageBytes(new Uint8Array(MAX_PAGE_BYTES).fill(0x41)).ok).toBe(true);
  });
});
