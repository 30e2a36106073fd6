// The desk's message box: the outcome of the last action (success, error or plain information),
// announced politely to screen readers. The live region stays mounted so a new text is read.
import type { ReactNode } from "react";

export type NoticeTone = "ok" | "error" | "info";
/** A message to show: `kind`, or `ok` for the forms that only tell success from failure. */
export type NoticeValue = { text: ReactNode } & ({ kind: NoticeTone } | { ok: boolean });

const TONES: Record<NoticeTone, string> = {
  ok: "text-green-800",
  error: "text-red-700",
  info: "text-ink",
};

export function noticeTone(notice: NoticeValue): NoticeTone {
  return "kind" in notice ? notice.kind : notice.ok ? "ok" : "error";
}

/** An error text as a notice; none when there is no text. */
export function errorNotice(text: string | null | undefined): NoticeValue | null {
  return text ? { kind: "error", text } : null;
}

type Props = {
  notice: NoticeValue | null;
  /** The live region's classes (its height keeps the layout from jumping). */
  className?: string;
  /** A `<span>` inside the region instead of a `<p>` (the side panels set it in a line). */
  inline?: boolean;
};

export function Notice({ notice, className = "min-h-6", inline = false }: Props) {
  const Text = inline ? "span" : "p";
  return (
    <div aria-live="polite" role="status" className={className}>
      {notice ? <Text className={TONES[noticeTone(notice)]}>{notice.text}</Text> : null}
    </div>
  );
}
