"use client";
// The story's embargo on the desk: its badge, and for editors a time in the paper's timezone
// to set or move it, and a button to lift it.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { setStoryEmbargo } from "@/app/(newsroom)/desk/stories/[id]/actions";
import { EmbargoBadge } from "@/components/desk/embargo-badge";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import { failureText } from "@/lib/errors";
import type { Dictionary } from "@/lib/i18n/dictionary";

type Props = {
  storyId: number;
  /** The embargo as stored (ms), whether or not it still holds; the form's compare-and-set. */
  until: number | null;
  /** The embargo's badge text while it holds, else null. */
  label: string | null;
  /** The embargo as a datetime-local value in the paper's timezone. */
  untilLocal: string | null;
  canChange: boolean;
  published: boolean;
  timezone: string;
  messages: Pick<Dictionary, "embargo" | "errors">;
};

export function EmbargoControl(props: Props) {
  const format = useFormat();
  const { storyId, until, label, canChange, published, timezone, messages } = props;
  const m = messages.embargo;
  const router = useRouter();
  const [when, setWhen] = useState(label ? (props.untilLocal ?? "") : "");
  const [pending, start] = useTransition();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  function submit(next: string | null) {
    start(async () => {
      const result = await setStoryEmbargo({ storyId, until: next, expectedUntil: until });
      if (result.ok) {
        setNotice({ ok: true, text: next ? m.saved : m.lifted });
        router.refresh();
      } else {
        setNotice({
          ok: false,
          text: failureText(messages.errors, result),
        });
      }
    });
  }

  return (
    <section aria-labelledby="embargo-title" className="space-y-2" data-testid="embargo-panel">
      <h2 id="embargo-title" className="font-bold">
        {m.title}
      </h2>
      <p>{label ? <EmbargoBadge label={label} /> : <span className="text-muted">{m.none}</span>}</p>
      {canChange ? (
        <form
          className="space-y-2"
          onSubmit={(e) => {
            e.preventDefault();
            submit(when);
          }}
        >
          <p className="text-xs text-muted">{m.intro}</p>
          {published ? <p className="text-xs text-amber-800">{m.publishedWarning}</p> : null}
          <label htmlFor="embargo-until" className="block">
            {format(m.until, { timezone })}
          </label>
          <input
            id="embargo-until"
            type="datetime-local"
            required
            value={when}
            onChange={(e) => setWhen(e.target.value)}
            className="w-full rounded border border-rule px-2 py-1"
          />
          <div className="flex flex-wrap gap-2">
            <Button type="submit" disabled={pending || !when}>
              {label ? m.change : m.set}
            </Button>
            {label ? (
              <Button disabled={pending} onClick={() => submit(null)}>
                {m.lift}
              </Button>
            ) : null}
          </div>
        </form>
      ) : label ? null : (
        <p className="text-xs text-muted">{m.onlyEditors}</p>
      )}
      <Notice notice={notice} className="min-h-5 text-xs" inline />
    </section>
  );
}
