"use client";
import { useActionState } from "react";
import { createStory, createStoryFromWord } from "@/app/(newsroom)/desk/stories/actions";
// Start a story: a blank one with a headline and kind, or one made from a Word file.
import { Button } from "@/components/ui/button";
import { errorNotice, Notice } from "@/components/ui/notice";
import { STORY_KINDS } from "@/lib/domain/story";
import { failureText } from "@/lib/errors";
import type { Dictionary } from "@/lib/i18n/dictionary";

type Props = {
  /** The writer's desks; a choice is offered only to someone in more than one. */
  desks: { id: number; name: string }[];
  messages: Pick<Dictionary, "stories" | "errors" | "workflow">;
};

export function NewStoryForms({ desks, messages }: Props) {
  const m = messages.stories;
  const [state, create, creating] = useActionState(createStory, null);
  const [wordState, importWord, importing] = useActionState(createStoryFromWord, null);
  const errorOf = (s: typeof state) => {
    return !s || s.ok ? null : failureText(messages.errors, s);
  };
  return (
    <>
      <form action={create} className="space-y-3 rounded-lg border border-rule bg-white p-4">
        <div>
          <label htmlFor="new-headline" className="mb-1 block text-sm font-medium">
            {m.headline}
          </label>
          <input
            id="new-headline"
            name="headline"
            maxLength={200}
            className="w-full rounded border border-rule px-2 py-1"
            lang="zh-CN"
          />
        </div>
        <div>
          <label htmlFor="new-kind" className="mb-1 block text-sm font-medium">
            {m.kind}
          </label>
          <select
            id="new-kind"
            name="kind"
            defaultValue="news"
            className="rounded border border-rule px-2 py-1"
          >
            {STORY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {m.kinds[kind]}
              </option>
            ))}
          </select>
        </div>
        {desks.length > 1 ? (
          <div>
            <label htmlFor="new-desk" className="mb-1 block text-sm font-medium">
              {messages.workflow.desk}
            </label>
            <select
              id="new-desk"
              name="deskId"
              defaultValue={desks[0]?.id}
              className="rounded border border-rule px-2 py-1"
            >
              {desks.map((desk) => (
                <option key={desk.id} value={desk.id}>
                  {desk.name}
                </option>
              ))}
            </select>
          </div>
        ) : null}
        <Notice notice={errorNotice(errorOf(state))} className="min-h-5 text-sm" />
        <Button variant="strong" type="submit" disabled={creating}>
          {m.create}
        </Button>
      </form>
      <form action={importWord} className="space-y-3 rounded-lg border border-rule bg-white p-4">
        <h2 className="font-bold">{m.fromWord}</h2>
        <div>
          <label htmlFor="word-file" className="mb-1 block text-sm font-medium">
            {m.wordFile}
          </label>
          <input
            id="word-file"
            name="file"
            type="file"
            required
            accept=".docx,application/vnd.openxmlformats-officedocument.wordprocessingml.document"
          />
        </div>
        <Notice notice={errorNotice(errorOf(wordState))} className="min-h-5 text-sm" />
        <Button variant="strong" type="submit" disabled={importing}>
          {importing ? m.importing : m.importWord}
        </Button>
      </form>
    </>
  );
}
