"use client";
// Restores an old revision's text as a new revision.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { restoreRevision } from "@/app/(newsroom)/desk/stories/actions";
import { errorText } from "@/lib/errors";
import type { Dictionary } from "@/lib/i18n/dictionary";

type Props = {
  storyId: number;
  revisionId: number;
  baseVersion: number;
  label: string;
  doneText: string;
  errors: Dictionary["errors"];
};

export function RestoreButton({
  storyId,
  revisionId,
  baseVersion,
  label,
  doneText,
  errors,
}: Props) {
  const router = useRouter();
  const [pending, start] = useTransition();
  const [message, setMessage] = useState<string | null>(null);
  return (
    <span className="inline-flex items-center gap-2">
      <button
        type="button"
        disabled={pending}
        onClick={() =>
          start(async () => {
            const result = await restoreRevision({ storyId, revisionId, baseVersion });
            if (result.ok) {
              setMessage(doneText);
              router.refresh();
            } else {
              setMessage(errorText(errors, result.messageKey));
            }
          })
        }
        className="rounded border border-rule px-2 py-0.5 disabled:opacity-50"
      >
        {label}
      </button>
      <span role="status" aria-live="polite" className="text-xs">
        {message}
      </span>
    </span>
  );
}
