"use client";
// Something failed while rendering a desk page: a message, never a stack trace.
import { en } from "@/lib/i18n/en";
import { zhCN } from "@/lib/i18n/zh-CN";

export default function DeskError({ reset }: { error: Error; reset: () => void }) {
  const lang = typeof document === "undefined" ? "zh-CN" : document.documentElement.lang;
  const messages = lang === "en" ? en.desk : zhCN.desk;
  return (
    <div role="alert" className="rounded-lg border border-red-300 bg-white p-6">
      <h1 className="mb-2 text-2xl font-bold">{messages.errorTitle}</h1>
      <p className="mb-4 text-muted">{messages.errorBody}</p>
      <button type="button" onClick={reset} className="rounded bg-ink px-3 py-1 text-white">
        {messages.retry}
      </button>
    </div>
  );
}
