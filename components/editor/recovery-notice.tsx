"use client";
// Text kept on this device that the server never confirmed, offered back: restore or discard.
import type { LocalDraft } from "@/components/editor/local-draft";
import { useFormat } from "@/components/ui/locale-provider";
import type { Dictionary } from "@/lib/i18n/dictionary";
import { docToPlainText } from "@/lib/text";

export function RecoveryNotice({
  draft,
  messages: m,
  locale,
  onRestore,
  onDiscard,
}: {
  draft: LocalDraft;
  messages: Dictionary["editor"];
  locale: string;
  onRestore: () => void;
  onDiscard: () => void;
}) {
  const format = useFormat();
  return (
    <div role="alert" className="rounded-lg border border-amber-400 bg-amber-50 p-4">
      <h2 className="font-bold">{m.restoreTitle}</h2>
      <p className="mb-2 text-sm">
        {format(m.restoreBody, { time: new Date(draft.keptAt).toLocaleString(locale) })}
      </p>
      <p
        className="mb-3 line-clamp-3 whitespace-pre-line rounded bg-white p-2 text-sm"
        lang="zh-CN"
      >
        {draft.fields.headline}
        {"\n"}
        {docToPlainText(draft.body).slice(0, 300)}
      </p>
      <div className="flex gap-2">
        <button type="button" onClick={onRestore} className="rounded bg-ink px-3 py-1 text-white">
          {m.restore}
        </button>
        <button type="button" onClick={onDiscard} className="rounded border border-rule px-3 py-1">
          {m.discard}
        </button>
      </div>
    </div>
  );
}
