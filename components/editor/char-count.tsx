"use client";
import type { useEditor } from "@tiptap/react";
import { useEffect, useState } from "react";
import { useFormat } from "@/components/ui/locale-provider";
import { countCharacters } from "@/lib/text";

/** 字数, recounted a moment after typing pauses: counting a long story on every key is wasted work. */
export function CharCount({
  editor,
  label,
}: {
  editor: NonNullable<ReturnType<typeof useEditor>>;
  label: string;
}) {
  const format = useFormat();
  const [count, setCount] = useState(() => countCharacters(editor.getText()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recount = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setCount(countCharacters(editor.getText())), 250);
    };
    editor.on("update", recount);
    return () => {
      clearTimeout(timer);
      editor.off("update", recount);
    };
  }, [editor]);
  return <span data-testid="char-count">{format(label, { count })}</span>;
}
