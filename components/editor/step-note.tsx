"use client";
// The note a workflow step asks for (return, spike, take down, correct), then confirm or close.
import { fieldClass } from "@/components/editor/story-fields";
import { useFormat } from "@/components/ui/locale-provider";
import type { Dictionary } from "@/lib/i18n/dictionary";
import type { StoryAction } from "@/lib/workflow/story";

export function StepNote({
  action,
  note,
  busy,
  messages,
  onNote,
  onConfirm,
  onClose,
}: {
  action: StoryAction;
  note: string;
  busy: boolean;
  messages: Pick<Dictionary, "editor" | "actions">;
  onNote: (note: string) => void;
  onConfirm: () => void;
  onClose: () => void;
}) {
  const format = useFormat();
  const m = messages.editor;
  return (
    <div className="rounded-lg border border-rule bg-white p-3">
      <label htmlFor="action-note" className="mb-1 block text-sm font-medium">
        {format(m.noteFor, { action: messages.actions[action] })}
      </label>
      <textarea
        id="action-note"
        value={note}
        onChange={(e) => onNote(e.target.value)}
        rows={3}
        maxLength={2000}
        className={fieldClass}
      />
      <div className="mt-2 flex gap-2">
        <button
          type="button"
          disabled={busy || !note.trim()}
          onClick={onConfirm}
          className="rounded bg-ink px-3 py-1 text-white disabled:opacity-50"
        >
          {m.confirm}
        </button>
        <button type="button" onClick={onClose} className="rounded border border-rule px-3 py-1">
          {m.pickerClose}
        </button>
      </div>
    </div>
  );
}
