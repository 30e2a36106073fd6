"use client";
// The story's desk on its page, and for an editor of another desk (or a chief) a move there.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { moveStoryDesk } from "@/app/(newsroom)/desk/stories/[id]/actions";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import { failureText } from "@/lib/errors";
import type { Dictionary } from "@/lib/i18n/dictionary";
import type { StoryDeskChoice } from "@/lib/story-desk";

type Props = {
  storyId: number;
  version: number;
  choice: StoryDeskChoice;
  messages: Pick<Dictionary, "deskMoves" | "errors">;
};

export function StoryDeskControl({ storyId, version, choice, messages }: Props) {
  const format = useFormat();
  const m = messages.deskMoves;
  const router = useRouter();
  const [deskId, setDeskId] = useState(choice.targets[0] ? String(choice.targets[0].id) : "");
  const [pending, start] = useTransition();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);

  function submit() {
    const target = choice.targets.find((d) => String(d.id) === deskId);
    if (!target) return;
    start(async () => {
      const result = await moveStoryDesk({ storyId, deskId: target.id, expectedVersion: version });
      if (result.ok) {
        setNotice({ ok: true, text: format(m.moved, { desk: target.name }) });
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
    <section aria-labelledby="story-desk-title" className="space-y-2" data-testid="story-desk">
      <h2 id="story-desk-title" className="font-bold">
        {m.storyDesk}
      </h2>
      <p data-testid="story-desk-name">{choice.current ? choice.current.name : m.noDesk}</p>
      {choice.targets.length > 0 ? (
        <form
          className="flex flex-wrap items-end gap-2"
          onSubmit={(e) => {
            e.preventDefault();
            submit();
          }}
        >
          <div>
            <label htmlFor="story-desk-target" className="block">
              {m.moveTo}
            </label>
            <select
              id="story-desk-target"
              value={deskId}
              onChange={(e) => setDeskId(e.target.value)}
              className="rounded border border-rule px-2 py-1"
            >
              {choice.targets.map((desk) => (
                <option key={desk.id} value={desk.id}>
                  {desk.name}
                </option>
              ))}
            </select>
          </div>
          <Button type="submit" disabled={pending || !deskId}>
            {m.move}
          </Button>
        </form>
      ) : null}
      <Notice notice={notice} className="min-h-5 text-sm" inline />
    </section>
  );
}
