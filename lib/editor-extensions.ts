// The one list of Tiptap extensions: the editor edits with it, the server renders with it.
import { Extension, type Extensions, Node } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";
import { photoSources } from "@/lib/media-urls";
import { cleanPastedHtml } from "@/lib/paste";

/** Link targets a story may carry; anything else is dropped on the server. */
export const LINK_PROTOCOLS = ["http", "https", "mailto"] as const;

export function isSafeHref(href: unknown): href is string {
  if (typeof href !== "string") return false;
  const trimmed = href.trim();
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(trimmed);
  if (!match) return false; // relative links have no meaning in a story body
  return (LINK_PROTOCOLS as readonly string[]).includes((match[1] ?? "").toLowerCase());
}

export function isMediaId(value: unknown): value is number {
  return typeof value === "number" && Number.isInteger(value) && value > 0;
}

function text(value: unknown): string {
  return typeof value === "string" ? value : "";
}

/** A photo from the media library with its caption and credit, as a block of the body. */
export const Photo = Node.create({
  name: "photo",
  group: "block",
  atom: true,
  draggable: true,
  addAttributes() {
    return {
      mediaId: {
        default: null,
        parseHTML: (el) => Number(el.getAttribute("data-media-id")) || null,
      },
      width: {
        default: null,
        parseHTML: (el) => Number(el.querySelector("img")?.getAttribute("width")) || null,
      },
      height: {
        default: null,
        parseHTML: (el) => Number(el.querySelector("img")?.getAttribute("height")) || null,
      },
      caption: {
        default: null,
        parseHTML: (el) => el.querySelector(".caption")?.textContent ?? null,
      },
      credit: {
        default: null,
        parseHTML: (el) => el.querySelector(".credit")?.textContent ?? null,
      },
      alt: {
        default: null,
        parseHTML: (el) => el.querySelector("img")?.getAttribute("alt") ?? null,
      },
    };
  },
  parseHTML() {
    return [{ tag: "figure[data-media-id]" }];
  },
  renderHTML({ node }) {
    // Every URL is built from the numeric id; nothing from the stored attributes is a URL.
    const id = isMediaId(node.attrs.mediaId) ? node.attrs.mediaId : 0;
    const width = typeof node.attrs.width === "number" ? node.attrs.width : 0;
    // The paper's one srcset rule (lib/media-urls.ts), the same as a page's photos.
    const { src, srcSet: srcset } = photoSources(id, width);
    const caption = text(node.attrs.caption);
    const credit = text(node.attrs.credit);
    const img = [
      "img",
      {
        src,
        srcset,
        sizes: "(min-width: 768px) 720px, 100vw",
        alt: text(node.attrs.alt) || caption,
        loading: "lazy",
        ...(width ? { width } : {}),
        ...(typeof node.attrs.height === "number" ? { height: node.attrs.height } : {}),
      },
    ] as const;
    const parts = [
      ...(caption ? [["span", { class: "caption" }, caption] as const] : []),
      ...(credit ? [["span", { class: "credit" }, credit] as const] : []),
    ];
    return parts.length > 0
      ? [
          "figure",
          { "data-media-id": String(id), class: "photo" },
          img,
          ["figcaption", {}, ...parts],
        ]
      : ["figure", { "data-media-id": String(id), class: "photo" }, img];
  },
});

/** Office and web paste arrive as HTML; clean it before the schema reads it. */
export const PasteCleanup = Extension.create({
  name: "pasteCleanup",
  transformPastedHTML(html) {
    return cleanPastedHtml(html);
  },
});

export const EDITOR_EXTENSIONS: Extensions = [
  StarterKit.configure({
    heading: { levels: [2, 3] },
    code: false,
    codeBlock: false,
    strike: false,
    link: {
      openOnClick: false,
      autolink: true,
      protocols: ["mailto"],
      defaultProtocol: "https",
      isAllowedUri: (url) => isSafeHref(url),
      HTMLAttributes: { rel: "noopener noreferrer nofollow", target: null },
    },
  }),
  Photo,
  PasteCleanup,
];
