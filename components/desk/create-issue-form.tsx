"use client";
import { useActionState } from "react";
import { createIssue } from "@/app/(newsroom)/desk/issues/actions";
// Start an issue for a date; the number defaults to the previous issue's + 1.
import { Button } from "@/components/ui/button";
import { errorNotice, Notice } from "@/components/ui/notice";
import { failureText } from "@/lib/errors";
import type { Dictionary } from "@/lib/i18n/dictionary";

type Props = { defaultDate: string; messages: Pick<Dictionary, "issues" | "errors"> };

export function CreateIssueForm({ defaultDate, messages }: Props) {
  const m = messages.issues;
  const [state, action, pending] = useActionState(createIssue, null);
  const error = state && !state.ok ? failureText(messages.errors, state) : null;
  return (
    <form
      action={action}
      className="flex flex-wrap items-end gap-3 rounded-lg border border-rule bg-white p-4"
    >
      <h2 className="w-full font-bold">{m.create}</h2>
      <div>
        <label htmlFor="issue-date" className="mb-1 block text-sm">
          {m.date}
        </label>
        <input
          id="issue-date"
          name="date"
          type="date"
          required
          defaultValue={defaultDate}
          className="rounded border border-rule px-2 py-1"
        />
      </div>
      <div>
        <label htmlFor="issue-number" className="mb-1 block text-sm">
          {m.number}
        </label>
        <input
          id="issue-number"
          name="number"
          type="number"
          min={1}
          aria-describedby="issue-number-hint"
          className="w-28 rounded border border-rule px-2 py-1"
        />
        <p id="issue-number-hint" className="text-xs text-muted">
          {m.numberHint}
        </p>
      </div>
      <Button variant="strong" type="submit" disabled={pending}>
        {m.createButton}
      </Button>
      <Notice notice={errorNotice(error)} className="w-full text-sm" />
    </form>
  );
}
