// What an uploaded file really is, judged from its bytes alone: the photo types the paper
// takes, and where the image ends (so nothing can ride along behind it).

export const PHOTO_TYPES = ["jpeg", "png", "webp"] as const;
export type PhotoType = (typeof PHOTO_TYPES)[number];

export const PHOTO_MIME_TYPES: Record<PhotoType, string> = {
  jpeg: "image/jpeg",
  png: "image/png",
  webp: "image/webp",
};

const PNG_SIGNATURE = [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a];

function startsWith(bytes: Uint8Array, prefix: readonly number[], at = 0): boolean {
  if (bytes.length < at + prefix.length) return false;
  return prefix.every((b, i) => bytes[at + i] === b);
}

function ascii(text: string): number[] {
  return [...text].map((c) => c.charCodeAt(0));
}

/** The photo type the magic number names, or null for anything else (SVG, GIF, PDF, …). */
export function sniffPhotoType(bytes: Uint8Array): PhotoType | null {
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return "jpeg";
  if (startsWith(bytes, PNG_SIGNATURE)) return "png";
  if (startsWith(bytes, ascii("RIFF")) && startsWith(bytes, ascii("WEBP"), 8)) return "webp";
  return null;
}

/**
 * The offset just past the image's last byte, found by walking its structure, or null when
 * the structure is broken or cut short. Whatever follows that offset is not part of the image.
 */
export function imageEnd(bytes: Uint8Array, type: PhotoType): number | null {
  switch (type) {
    case "jpeg":
      return jpegEnd(bytes);
    case "png":
      return pngEnd(bytes);
    case "webp":
      return webpEnd(bytes);
  }
}

/** True when the bytes after the image are absent or only padding (0x00 or 0xFF). */
export function hasOnlyPaddingAfter(bytes: Uint8Array, end: number): boolean {
  for (let i = end; i < bytes.length; i++) {
    const b = bytes[i];
    if (b !== 0x00 && b !== 0xff) return false;
  }
  return true;
}

function u16be(bytes: Uint8Array, at: number): number {
  return ((bytes[at] ?? 0) << 8) | (bytes[at + 1] ?? 0);
}

function u32be(bytes: Uint8Array, at: number): number {
  return (
    (((bytes[at] ?? 0) << 24) >>> 0) +
    ((bytes[at + 1] ?? 0) << 16) +
    ((bytes[at + 2] ?? 0) << 8) +
    (bytes[at + 3] ?? 0)
  );
}

function u32le(bytes: Uint8Array, at: number): number {
  return (
    (bytes[at] ?? 0) +
    ((bytes[at + 1] ?? 0) << 8) +
    ((bytes[at + 2] ?? 0) << 16) +
    (((bytes[at + 3] ?? 0) << 24) >>> 0)
  );
}

/** Walk the JPEG's marker segments and entropy-coded scans up to its EOI marker. */
function jpegEnd(bytes: Uint8Array): number | null {
  const n = bytes.length;
  let pos = 2; // past SOI
  while (pos < n) {
    if (bytes[pos] !== 0xff) return null;
    while (pos < n && bytes[pos] === 0xff) pos++; // fill bytes
    if (pos >= n) return null;
    const marker = bytes[pos] ?? 0;
    pos++;
    if (marker === 0xd9) return pos; // EOI
    if ((marker >= 0xd0 && marker <= 0xd7) || marker === 0x01) continue; // no length
    if (pos + 2 > n) return null;
    const length = u16be(bytes, pos);
    if (length < 2 || pos + length > n) return null;
    pos += length;
    if (marker === 0xda) {
      // Entropy-coded data: 0xFF is followed by 0x00 (stuffing) or RSTn inside a scan;
      // any other marker ends the scan.
      for (;;) {
        const ff = bytes.indexOf(0xff, pos);
        if (ff < 0 || ff + 1 >= n) return null;
        const next = bytes[ff + 1] ?? 0;
        if (next === 0x00 || (next >= 0xd0 && next <= 0xd7)) {
          pos = ff + 2;
          continue;
        }
        if (next === 0xff) {
          pos = ff + 1;
          continue;
        }
        pos = ff;
        break;
      }
    }
  }
  return null;
}

/** Walk the PNG's chunks up to IEND. */
function pngEnd(bytes: Uint8Array): number | null {
  const n = bytes.length;
  let pos = PNG_SIGNATURE.length;
  while (pos + 12 <= n) {
    const length = u32be(bytes, pos);
    const type = String.fromCharCode(...bytes.subarray(pos + 4, pos + 8));
    const end = pos + 12 + length;
    if (end > n) return null;
    if (type === "IEND") return end;
    pos = end;
  }
  return null;
}

/** A WebP file is one RIFF chunk whose size is in its header. */
function webpEnd(bytes: Uint8Array): number | null {
  if (bytes.length < 12) return null;
  const size = u32le(bytes, 4);
  const end = 8 + size; // an odd size's pad byte, if present, counts as padding
  return end <= bytes.length ? end : null;
}
