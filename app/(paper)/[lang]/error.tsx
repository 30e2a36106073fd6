"use client";
// A reader page that failed to render: a message in the page's language, never a stack trace.
import { en } from "@/lib/i18n/en";
import { zhCN } from "@/lib/i18n/zh-CN";

export default function PaperError({ reset }: { error: Error; reset: () => void }) {
  const lang = typeof document === "undefined" ? "zh-CN" : document.documentElement.lang;
  const messages = lang === "en" ? en : zhCN;
  return (
    <div role="alert" className="py-20 text-center">
      <h1 className="mb-4 text-3xl font-bold">{messages.desk.errorTitle}</h1>
      <p className="mb-6 text-muted">{messages.errors.internal}</p>
      <button type="button" onClick={reset} className="rounded bg-ink px-3 py-1 text-white">
        {messages.desk.retry}
      </button>
    </div>
  );
}
