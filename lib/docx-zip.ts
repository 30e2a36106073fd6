// What a .docx (a zip) holds, read from its central directory before mammoth unpacks it: a
// file small on disk may unpack to gigabytes (a zip bomb) or carry thousands of pictures.
import { inflateRawSync } from "node:zlib";
import { AppError } from "@/lib/errors";

/** The most a Word file may unpack to: text compresses about tenfold, pictures not at all. */
export const MAX_DOCX_UNZIPPED_BYTES = 80 * 1024 * 1024;
/** Pictures in one Word file; each goes through the photo pipeline. */
export const MAX_DOCX_IMAGES = 30;
/** Files inside one zip: a real document has a few dozen. */
export const MAX_DOCX_ENTRIES = 2000;

const EOCD = 0x06054b50;
const CENTRAL = 0x02014b50;
const LOCAL = 0x04034b50;
const ZIP64_MARK = 0xffffffff;

type Entry = {
  name: string;
  method: number;
  compressedSize: number;
  size: number;
  localOffset: number;
};

const invalid = () => new AppError("invalid_input", "docx_invalid");

function findEndOfDirectory(zip: Buffer): number {
  const last = zip.length - 22;
  for (let at = last; at >= Math.max(0, last - 0xffff); at -= 1) {
    if (zip.readUInt32LE(at) === EOCD) return at;
  }
  throw invalid();
}

function readDirectory(zip: Buffer): Entry[] {
  if (zip.length < 22) throw invalid();
  const end = findEndOfDirectory(zip);
  const count = zip.readUInt16LE(end + 10);
  const size = zip.readUInt32LE(end + 12);
  const offset = zip.readUInt32LE(end + 16);
  if (count === 0xffff || size === ZIP64_MARK || offset === ZIP64_MARK) throw invalid();
  if (count > MAX_DOCX_ENTRIES) throw new AppError("invalid_input", "docx_too_big");
  if (offset + size > end) throw invalid();
  const entries: Entry[] = [];
  let at = offset;
  for (let i = 0; i < count; i += 1) {
    if (at + 46 > end || zip.readUInt32LE(at) !== CENTRAL) throw invalid();
    const nameLength = zip.readUInt16LE(at + 28);
    const extraLength = zip.readUInt16LE(at + 30);
    const commentLength = zip.readUInt16LE(at + 32);
    const entry = {
      method: zip.readUInt16LE(at + 10),
      compressedSize: zip.readUInt32LE(at + 20),
      size: zip.readUInt32LE(at + 24),
      localOffset: zip.readUInt32LE(at + 42),
      name: zip.toString("utf8", at + 46, at + 46 + nameLength),
    };
    if ([entry.compressedSize, entry.size, entry.localOffset].includes(ZIP64_MARK)) throw invalid();
    entries.push(entry);
    at += 46 + nameLength + extraLength + commentLength;
  }
  return entries;
}

/** The entry's bytes as stored (compressed), found through its local header. */
function storedBytes(zip: Buffer, entry: Entry): Buffer {
  const at = entry.localOffset;
  if (at + 30 > zip.length || zip.readUInt32LE(at) !== LOCAL) throw invalid();
  const start = at + 30 + zip.readUInt16LE(at + 26) + zip.readUInt16LE(at + 28);
  const stop = start + entry.compressedSize;
  if (stop > zip.length) throw invalid();
  return zip.subarray(start, stop);
}

/**
 * Refuse a Word file that unpacks past MAX_DOCX_UNZIPPED_BYTES or carries more than
 * MAX_DOCX_IMAGES pictures. The sizes the directory declares are checked first (cheap), then
 * each entry is inflated with the remaining allowance as a hard ceiling, so a zip that lies
 * about its sizes is caught as well; nothing is ever unpacked past the allowance.
 */
export function checkDocxZip(bytes: Uint8Array): void {
  const zip = Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const entries = readDirectory(zip);
  const images = entries.filter((e) => /^word\/media\/[^/]+$/i.test(e.name)).length;
  if (images > MAX_DOCX_IMAGES) throw new AppError("invalid_input", "docx_too_many_images");
  const declared = entries.reduce((sum, e) => sum + e.size, 0);
  if (declared > MAX_DOCX_UNZIPPED_BYTES) throw new AppError("invalid_input", "docx_too_big");
  let unpacked = 0;
  for (const entry of entries) {
    const stored = storedBytes(zip, entry);
    const allowance = MAX_DOCX_UNZIPPED_BYTES - unpacked;
    let size: number;
    if (entry.method === 0) size = stored.length;
    else if (entry.method === 8) {
      try {
        size = inflateRawSync(stored, { maxOutputLength: Math.max(allowance, 1) }).length;
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === "ERR_BUFFER_TOO_LARGE") {
          throw new AppError("invalid_input", "docx_too_big");
        }
        throw invalid();
      }
    } else throw invalid();
    unpacked += size;
    if (unpacked > MAX_DOCX_UNZIPPED_BYTES) throw new AppError("invalid_input", "docx_too_big");
  }
}
