import { describe, expect, it } from "vitest";
import { photoSources, photoUrl, sizesFor } from "@/lib/media-urls";

describe("the one photo widths/srcset rule", () => {
  it("lists every stored width, never wider than the photo, at least the smallest", () => {
    expect(sizesFor(1200)).toEqual([320, 640, 1024]);
    expect(sizesFor(1600)).toEqual([320, 640, 1024, 1600]);
    expect(sizesFor(200)).toEqual([320]);
  });

  it("gives src (640, or the largest below it) and srcset from those widths", () => {
    expect(photoSources(7, 1200)).toEqual({
      src: "/media/7/640.webp",
      srcSet: "/media/7/320.webp 320w, /media/7/640.webp 640w, /media/7/1024.webp 1024w",
    });
    expect(photoSources(7, 500)).toEqual({
      src: "/media/7/320.webp",
      srcSet: "/media/7/320.webp 320w",
    });
    expect(photoUrl(3, "original")).toBe("/media/3/original.webp");
  });
});
