// A Word file is judged by what it unpacks to, before mammoth reads it.
import fs from "node:fs";
import path from "node:path";
import { crc32, deflateRawSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { docxToStory } from "@/lib/docx";
import { checkDocxZip, MAX_DOCX_IMAGES, MAX_DOCX_UNZIPPED_BYTES } from "@/lib/docx-zip";
import { AppError } from "@/lib/errors";

type ZipEntry = { name: string; data: Buffer; declaredSize?: number; store?: boolean };

/** A minimal zip writer (deflate or store), enough to make the hostile files under test. */
function makeZip(entries: ZipEntry[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const packed = entry.store ? entry.data : deflateRawSync(entry.data);
    const size = entry.declaredSize ?? entry.data.length;
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4);
    local.writeUInt16LE(entry.store ? 0 : 8, 8);
    local.writeUInt32LE(crc32(entry.data), 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(size, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(entry.store ? 0 : 8, 10);
    central.writeUInt32LE(crc32(entry.data), 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(size, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

const documentXml = Buffer.from(
  '<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body><w:p><w:r><w:t>正文</w:t></w:r></w:p></w:body></w:document>',
);

function refusal(work: () => unknown): string | null {
  try {
    work();
    return null;
  } catch (error) {
    return error instanceof AppError ? error.messageKey : String(error);
  }
}

describe("checkDocxZip", () => {
  it("lets a real Word file through", () => {
    const real = fs.readFileSync(path.join(process.cwd(), "e2e", "files", "story.docx"));
    expect(refusal(() => checkDocxZip(real))).toBeNull();
  });

  it("refuses a zip bomb: small on disk, past the limit unpacked", () => {
    const bomb = makeZip([
      { name: "word/document.xml", data: documentXml },
      { name: "word/filler.xml", data: Buffer.alloc(MAX_DOCX_UNZIPPED_BYTES + 1024 * 1024) },
    ]);
    expect(bomb.length).toBeLessThan(200 * 1024);
    expect(refusal(() => checkDocxZip(bomb))).toBe("docx_too_big");
  });

  it("refuses a zip bomb that lies about its unpacked size", () => {
    const liar = makeZip([
      { name: "word/document.xml", data: documentXml },
      {
        name: "word/filler.xml",
        data: Buffer.alloc(MAX_DOCX_UNZIPPED_BYTES + 1024 * 1024),
        declaredSize: 1000,
      },
    ]);
    expect(refusal(() => checkDocxZip(liar))).toBe("docx_too_big");
  });

  it("refuses more pictures than the limit, and takes the limit itself", () => {
    const pictures = (n: number) =>
      Array.from({ length: n }, (_, i) => ({
        name: `word/media/image${i + 1}.png`,
        data: Buffer.from(`png-${i}`),
        store: true,
      }));
    const atLimit = makeZip([
      { name: "word/document.xml", data: documentXml },
      ...pictures(MAX_DOCX_IMAGES),
    ]);
    expect(refusal(() => checkDocxZip(atLimit))).toBeNull();
    const over = makeZip([
      { name: "word/document.xml", data: documentXml },
      ...pictures(MAX_DOCX_IMAGES + 1),
    ]);
    expect(refusal(() => checkDocxZip(over))).toBe("docx_too_many_images");
  });

  it("refuses what is not a readable zip", () => {
    expect(refusal(() => checkDocxZip(Buffer.from("PK\u0003\u0004 not really")))).toBe(
      "docx_invalid",
    );
    const cut = makeZip([{ name: "word/document.xml", data: documentXml }]);
    expect(refusal(() => checkDocxZip(cut.subarray(0, cut.length - 30)))).toBe("docx_invalid");
  });

  it("docxToStory checks before mammoth unpacks anything", async () => {
    const bomb = makeZip([
      { name: "word/document.xml", data: documentXml },
      { name: "word/filler.xml", data: Buffer.alloc(MAX_DOCX_UNZIPPED_BYTES + 1024 * 1024) },
    ]);
    let stored = 0;
    await expect(
      docxToStory(new Uint8Array(bomb), async () => {
        stored += 1;
        return null;
      }),
    ).rejects.toMatchObject({ messageKey: "docx_too_big" });
    expect(stored).toBe(0);
  });
});
