"use client";
import { redoDepth, undoDepth } from "@tiptap/pm/history";
// The formatting toolbar. It shows which marks and blocks are active where the cursor is.
import type { Editor } from "@tiptap/react";
import { useEditorState } from "@tiptap/react";
import type { ReactNode } from "react";
import { isSafeHref } from "@/lib/editor-extensions";
import type { Dictionary } from "@/lib/i18n/dictionary";

type Props = {
  editor: Editor;
  messages: Dictionary["editor"];
  onInsertPhoto: () => void;
};

function Button({
  label,
  shortcut,
  active,
  disabled,
  onClick,
  children,
}: {
  label: string;
  shortcut?: string;
  active?: boolean;
  disabled?: boolean;
  onClick: () => void;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      title={shortcut ? `${label} (${shortcut})` : label}
      aria-label={label}
      aria-pressed={active === undefined ? undefined : active}
      disabled={disabled}
      onMouseDown={(e) => e.preventDefault()}
      onClick={onClick}
      className={`min-w-8 rounded px-2 py-1 text-sm disabled:opacity-40 ${active ? "bg-ink text-white" : "hover:bg-desk"}`}
    >
      {/* The glyph is a picture of the action; the name is the action's word. */}
      <span aria-hidden="true">{children}</span>
    </button>
  );
}

export function Toolbar({ editor, messages: m, onInsertPhoto }: Props) {
  const active = useEditorState({
    editor,
    selector: ({ editor: e }) => ({
      bold: e.isActive("bold"),
      italic: e.isActive("italic"),
      underline: e.isActive("underline"),
      heading: e.isActive("heading", { level: 2 }),
      bulletList: e.isActive("bulletList"),
      orderedList: e.isActive("orderedList"),
      blockquote: e.isActive("blockquote"),
      link: e.isActive("link"),
      // The history's depth is a field read; can().undo() would dry-run a command on every key.
      canUndo: undoDepth(e.state) > 0,
      canRedo: redoDepth(e.state) > 0,
      editable: e.isEditable,
    }),
  });
  const chain = () => editor.chain().focus();
  const disabled = !active.editable;

  function setLink() {
    const previous = editor.getAttributes("link").href as string | undefined;
    const href = window.prompt(m.linkPrompt, previous ?? "https://");
    if (href === null) return;
    if (href.trim() === "") {
      chain().extendMarkRange("link").unsetLink().run();
      return;
    }
    if (!isSafeHref(href)) {
      window.alert(m.linkInvalid);
      return;
    }
    chain().extendMarkRange("link").setLink({ href: href.trim() }).run();
  }

  return (
    <div
      role="toolbar"
      aria-label={m.toolbar}
      className="flex flex-wrap gap-1 border-b border-rule bg-white p-1"
    >
      <Button
        label={m.bold}
        shortcut="Ctrl+B"
        active={active.bold}
        disabled={disabled}
        onClick={() => chain().toggleBold().run()}
      >
        <b>B</b>
      </Button>
      <Button
        label={m.italic}
        shortcut="Ctrl+I"
        active={active.italic}
        disabled={disabled}
        onClick={() => chain().toggleItalic().run()}
      >
        <i>I</i>
      </Button>
      <Button
        label={m.underline}
        shortcut="Ctrl+U"
        active={active.underline}
        disabled={disabled}
        onClick={() => chain().toggleUnderline().run()}
      >
        <u>U</u>
      </Button>
      <span className="mx-1 w-px bg-rule" aria-hidden="true" />
      <Button
        label={m.heading}
        shortcut="Ctrl+Alt+2"
        active={active.heading}
        disabled={disabled}
        onClick={() => chain().toggleHeading({ level: 2 }).run()}
      >
        {m.heading}
      </Button>
      <Button
        label={m.bulletList}
        active={active.bulletList}
        disabled={disabled}
        onClick={() => chain().toggleBulletList().run()}
      >
        •≡
      </Button>
      <Button
        label={m.orderedList}
        active={active.orderedList}
        disabled={disabled}
        onClick={() => chain().toggleOrderedList().run()}
      >
        <svg viewBox="0 0 16 16" width="16" height="16" fill="currentColor" aria-hidden="true">
          <rect x="1" y="2" width="2" height="2" />
          <rect x="1" y="7" width="2" height="2" />
          <rect x="1" y="12" width="2" height="2" />
          <rect x="5" y="2.5" width="10" height="1" />
          <rect x="5" y="7.5" width="10" height="1" />
          <rect x="5" y="12.5" width="10" height="1" />
        </svg>
      </Button>
      <Button
        label={m.blockquote}
        active={active.blockquote}
        disabled={disabled}
        onClick={() => chain().toggleBlockquote().run()}
      >
        “”
      </Button>
      <Button label={m.link} active={active.link} disabled={disabled} onClick={setLink}>
        <svg
          viewBox="0 0 24 24"
          width="16"
          height="16"
          aria-hidden="true"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <path d="M10 14a4 4 0 0 0 5.7 0l3-3a4 4 0 0 0-5.7-5.7l-1 1" />
          <path d="M14 10a4 4 0 0 0-5.7 0l-3 3a4 4 0 0 0 5.7 5.7l1-1" />
        </svg>
      </Button>
      <Button
        label={m.horizontalRule}
        disabled={disabled}
        onClick={() => chain().setHorizontalRule().run()}
      >
        ―
      </Button>
      <Button label={m.insertPhoto} disabled={disabled} onClick={onInsertPhoto}>
        <svg
          viewBox="0 0 24 24"
          width="16"
          height="16"
          aria-hidden="true"
          fill="none"
          stroke="currentColor"
          strokeWidth="2"
        >
          <rect x="3" y="5" width="18" height="14" rx="2" />
          <circle cx="9" cy="10" r="2" />
          <path d="m21 17-5-5-8 7" />
        </svg>
      </Button>
      <span className="mx-1 w-px bg-rule" aria-hidden="true" />
      <Button
        label={m.undo}
        shortcut="Ctrl+Z"
        disabled={disabled || !active.canUndo}
        onClick={() => chain().undo().run()}
      >
        ↶
      </Button>
      <Button
        label={m.redo}
        shortcut="Ctrl+Shift+Z"
        disabled={disabled || !active.canRedo}
        onClick={() => chain().redo().run()}
      >
        ↷
      </Button>
    </div>
  );
}
