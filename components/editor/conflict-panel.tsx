"use client";
// A save refused because the story moved on: the writer's text beside the newer one, keep or take.
import type { EditorFields } from "@/components/editor/fields";
import { useFormat } from "@/components/ui/locale-provider";
import type { RichTextDoc } from "@/lib/domain/rich-text";
import type { Dictionary } from "@/lib/i18n/dictionary";
import type { StorySnapshot } from "@/lib/story-access";
import { docToPlainText } from "@/lib/text";

export function ConflictPanel({
  messages: m,
  mine,
  theirs,
  onKeepMine,
  onTakeTheirs,
}: {
  messages: Dictionary["editor"];
  mine: { fields: EditorFields; body: RichTextDoc };
  theirs: StorySnapshot;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  const format = useFormat();
  return (
    <section
      role="alert"
      aria-labelledby="conflict-title"
      className="rounded-lg border border-red-300 bg-red-50 p-4"
    >
      <h2 id="conflict-title" className="font-bold">
        {m.conflictTitle}
      </h2>
      <p className="mb-3 text-sm">{m.conflictBody}</p>
      <div className="grid gap-3 md:grid-cols-2">
        <div className="rounded bg-white p-3" data-testid="conflict-mine">
          <h3 className="mb-1 text-sm font-bold">{m.yourVersion}</h3>
          <p className="font-bold" lang="zh-CN">
            {mine.fields.headline}
          </p>
          <p className="max-h-64 overflow-y-auto whitespace-pre-line text-sm" lang="zh-CN">
            {docToPlainText(mine.body)}
          </p>
          <button
            type="button"
            onClick={onKeepMine}
            className="mt-2 rounded bg-ink px-3 py-1 text-white"
          >
            {m.keepMine}
          </button>
        </div>
        <div className="rounded bg-white p-3" data-testid="conflict-theirs">
          <h3 className="mb-1 text-sm font-bold">
            {format(m.theirVersion, { version: theirs.version })}
          </h3>
          <p className="font-bold" lang="zh-CN">
            {theirs.headline}
          </p>
          <p className="max-h-64 overflow-y-auto whitespace-pre-line text-sm" lang="zh-CN">
            {docToPlainText(theirs.body)}
          </p>
          <button
            type="button"
            onClick={onTakeTheirs}
            className="mt-2 rounded border border-rule px-3 py-1"
          >
            {m.takeTheirs}
          </button>
        </div>
      </div>
    </section>
  );
}
