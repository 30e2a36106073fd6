"use client";
// Publishing an issue: now, at a time in the paper's timezone, cancel a schedule, or take a
// published issue down with a reason.
import { useState } from "react";
import { buttonClass, inputClass } from "@/components/desk/issue-layout-shared";
import { useFormat } from "@/components/ui/locale-provider";
import type { Dictionary } from "@/lib/i18n/dictionary";
import type { IssueLayout } from "@/lib/issues";

export function PublishingPanel({
  issue,
  timezone,
  scheduledLocal,
  messages: m,
  pending,
  onPublish,
  onSchedule,
  onCancel,
  onUnpublish,
}: {
  issue: IssueLayout["issue"];
  timezone: string;
  scheduledLocal: string | null;
  messages: Dictionary["issues"];
  pending: boolean;
  onPublish: () => void;
  onSchedule: (publishAt: string) => void;
  onCancel: () => void;
  onUnpublish: (reason: string) => void;
}) {
  const format = useFormat();
  const [when, setWhen] = useState(scheduledLocal ?? "");
  const [reason, setReason] = useState("");
  const published = issue.status === "published";
  return (
    <section
      aria-labelledby="publishing-title"
      className="space-y-3 rounded-lg border border-rule bg-white p-3 text-sm"
    >
      <h2 id="publishing-title" className="font-bold">
        {m.publishing}
      </h2>
      {!published ? (
        <>
          <button
            type="button"
            disabled={pending}
            onClick={onPublish}
            className="w-full rounded bg-nameplate px-3 py-1.5 font-semibold text-white disabled:opacity-50"
          >
            {m.publishNow}
          </button>
          <form
            className="space-y-1"
            onSubmit={(e) => {
              e.preventDefault();
              onSchedule(when);
            }}
          >
            <label htmlFor="publish-at" className="block">
              {format(m.publishAt, { timezone })}
            </label>
            <input
              id="publish-at"
              type="datetime-local"
              required
              value={when}
              onChange={(e) => setWhen(e.target.value)}
              className={`${inputClass} w-full`}
            />
            <div className="flex gap-2">
              <button type="submit" disabled={pending || !when} className={buttonClass}>
                {issue.status === "scheduled" ? m.reschedule : m.schedule}
              </button>
              {issue.status === "scheduled" ? (
                <button type="button" disabled={pending} onClick={onCancel} className={buttonClass}>
                  {m.cancelSchedule}
                </button>
              ) : null}
            </div>
          </form>
        </>
      ) : (
        <form
          className="space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            onUnpublish(reason);
          }}
        >
          <label htmlFor="unpublish-reason" className="block">
            {m.unpublishReason}
          </label>
          <textarea
            id="unpublish-reason"
            required
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            rows={2}
            maxLength={2000}
            className={`${inputClass} w-full`}
          />
          <button
            type="submit"
            disabled={pending || !reason.trim()}
            className={`${buttonClass} text-red-700`}
          >
            {m.unpublish}
          </button>
        </form>
      )}
    </section>
  );
}
