// A story body as the editor keeps it: a Tiptap (ProseMirror) JSON document. Pure.

/** A Tiptap (ProseMirror) JSON document. */
export type RichTextDoc = {
  type: "doc";
  content?: RichTextNode[];
};
export type RichTextNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
};
