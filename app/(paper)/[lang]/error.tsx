"use client";
// A reader page that failed to render: a message in the page's language, never a stack trace.
// The text comes from the layout (components/paper/paper-error-text.tsx).
import { usePaperErrorText } from "@/components/paper/paper-error-text";

export default function PaperError({ reset }: { error: Error; reset: () => void }) {
  const text = usePaperErrorText();
  return (
    <div role="alert" className="py-20 text-center">
      <h1 className="mb-4 text-3xl font-bold">{text.title}</h1>
      <p className="mb-6 text-muted">{text.body}</p>
      <button type="button" onClick={reset} className="rounded bg-ink px-3 py-1 text-white">
        {text.retry}
      </button>
    </div>
  );
}
