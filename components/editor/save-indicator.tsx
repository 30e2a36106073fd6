"use client";
// The autosave's state in words: saved (at), saving, unsaved, offline, conflict, failed.
import type { SaveState } from "@/components/editor/use-autosave";
import { useFormat } from "@/components/ui/locale-provider";
import type { Dictionary } from "@/lib/i18n/dictionary";

export function SaveIndicator({
  state,
  messages: m,
  errorText,
  locale,
}: {
  state: SaveState;
  messages: Dictionary["editor"];
  errorText: (key: string) => string;
  locale: string;
}) {
  const format = useFormat();
  const text =
    state.kind === "saved"
      ? state.at
        ? format(m.savedAt, { time: new Date(state.at).toLocaleTimeString(locale) })
        : m.saved
      : state.kind === "saving"
        ? m.saving
        : state.kind === "dirty"
          ? m.dirty
          : state.kind === "offline"
            ? m.offline
            : state.kind === "conflict"
              ? m.conflictState
              : format(m.failed, { message: errorText(state.messageKey) });
  const tone =
    state.kind === "offline" || state.kind === "conflict" || state.kind === "error"
      ? "text-red-700"
      : "text-muted";
  return (
    <span data-testid="save-state" data-state={state.kind} className={tone}>
      {text}
    </span>
  );
}
