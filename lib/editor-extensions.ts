// The one list of Tiptap extensions: the editor edits with it, the server renders with it.
import type { Extensions } from "@tiptap/core";
import StarterKit from "@tiptap/starter-kit";

/** Link targets a story may carry; anything else is dropped on the server. */
export const LINK_PROTOCOLS = ["http", "https", "mailto"] as const;

export function isSafeHref(href: unknown): href is string {
  if (typeof href !== "string") return false;
  const trimmed = href.trim();
  const match = /^([a-zA-Z][a-zA-Z0-9+.-]*):/.exec(trimmed);
  if (!match) return false; // relative links have no meaning in a story body
  return (LINK_PROTOCOLS as readonly string[]).includes((match[1] ?? "").toLowerCase());
}

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
];
