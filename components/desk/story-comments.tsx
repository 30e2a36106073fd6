"use client";
// The comments beside a story ("editors' notes" on screen): threads with replies, the quoted
// passage above an anchored comment, a form to add one quoting the passage selected in the
// editor, reply and resolve buttons.
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import { addComment, resolveComment } from "@/app/(newsroom)/desk/stories/[id]/actions";
import { useFormat } from "@/components/ui/locale-provider";
import { Notice, type NoticeValue } from "@/components/ui/notice";
import { MAX_ANCHOR_CHARS, MAX_COMMENT_CHARS } from "@/lib/comment-input";
import { type ActionResult, errorText, failureText } from "@/lib/errors";
import type { Dictionary } from "@/lib/i18n/dictionary";

export type CommentView = {
  id: number;
  authorName: string;
  body: string;
  anchorText: string | null;
  when: string;
  resolved: boolean;
};
export type CommentThreadView = CommentView & { replies: CommentView[] };
type Messages = Pick<Dictionary, "notes" | "errors">;
type Props = {
  storyId: number;
  threads: CommentThreadView[];
  canAdd: boolean;
  canReply: boolean;
  canResolve: boolean;
  messages: Messages;
};

/** The text selected inside the story body (the editor's ProseMirror element), if any. */
function selectedPassage(): string {
  const selection = window.getSelection();
  if (!selection || selection.isCollapsed || selection.rangeCount === 0) return "";
  const range = selection.getRangeAt(0);
  const container =
    range.commonAncestorContainer instanceof Element
      ? range.commonAncestorContainer
      : range.commonAncestorContainer.parentElement;
  if (!container?.closest(".ProseMirror")) return "";
  return selection.toString().replace(/\s+/g, " ").trim();
}

const field = "w-full rounded border border-rule px-2 py-1";

export function StoryComments({ storyId, threads, canAdd, canReply, canResolve, messages }: Props) {
  const format = useFormat();
  const m = messages.notes;
  const router = useRouter();
  const [pending, startTransition] = useTransition();
  const [notice, setNotice] = useState<NoticeValue | null>(null);
  const [body, setBody] = useState("");
  const [anchor, setAnchor] = useState<string | null>(null);
  const [replyingTo, setReplyingTo] = useState<number | null>(null);
  const [reply, setReply] = useState("");

  function run<T>(action: () => Promise<ActionResult<T>>, done: string, onDone: () => void) {
    setNotice(null);
    startTransition(async () => {
      const result = await action();
      if (result.ok) {
        onDone();
        setNotice({ kind: "ok", text: done });
        router.refresh();
      } else {
        setNotice({ kind: "error", text: failureText(messages.errors, result) });
      }
    });
  }

  function quoteSelection() {
    const passage = selectedPassage();
    if (!passage) {
      setNotice({ kind: "error", text: m.noSelection });
      return;
    }
    if (passage.length > MAX_ANCHOR_CHARS) {
      setNotice({ kind: "error", text: errorText(messages.errors, "comment_anchor_too_long") });
      return;
    }
    setNotice(null);
    setAnchor(passage);
  }

  function onAdd(event: React.FormEvent<HTMLFormElement>) {
    event.preventDefault();
    run(
      () => addComment({ storyId, body, anchorText: anchor }),
      m.added,
      () => {
        setBody("");
        setAnchor(null);
      },
    );
  }

  function onReply(event: React.FormEvent<HTMLFormElement>, parentId: number) {
    event.preventDefault();
    run(
      () => addComment({ storyId, body: reply, parentId }),
      m.replied,
      () => {
        setReply("");
        setReplyingTo(null);
      },
    );
  }

  const noteBody = (note: CommentView) => (
    <>
      {note.anchorText ? (
        <blockquote
          className="mb-1 border-l-2 border-amber-500 bg-amber-50 px-2 py-1 text-xs text-ink"
          lang="zh-CN"
        >
          <span className="sr-only">{m.quoted} </span>“{note.anchorText}”
        </blockquote>
      ) : null}
      <p className="whitespace-pre-line" lang="zh-CN">
        {note.body}
      </p>
      <p className="text-xs text-muted">
        {note.authorName} · {note.when}
      </p>
    </>
  );

  return (
    <section aria-labelledby="notes-title" className="space-y-3">
      <h2 id="notes-title" className="font-bold">
        {m.title}
      </h2>

      {canAdd ? (
        <form onSubmit={onAdd} className="space-y-2 rounded border border-rule p-2">
          <label htmlFor="new-note" className="block text-xs font-medium">
            {m.newNote}
          </label>
          {anchor ? (
            <div className="rounded border-l-2 border-amber-500 bg-amber-50 px-2 py-1 text-xs">
              <p className="text-muted">{m.quoted}</p>
              <p data-testid="pending-anchor" lang="zh-CN">
                “{anchor}”
              </p>
              <button
                type="button"
                onClick={() => setAnchor(null)}
                className="mt-1 text-accent hover:underline"
              >
                {m.removeAnchor}
              </button>
            </div>
          ) : null}
          <textarea
            id="new-note"
            value={body}
            onChange={(e) => setBody(e.target.value)}
            rows={3}
            maxLength={MAX_COMMENT_CHARS}
            className={field}
            lang="zh-CN"
          />
          <p className="text-xs text-muted">{m.anchorHint}</p>
          <div className="flex flex-wrap gap-2">
            <button
              type="button"
              // Keep the passage selected: pressing the button must not move the focus first.
              onMouseDown={(e) => e.preventDefault()}
              onClick={quoteSelection}
              className="rounded border border-rule px-2 py-1 text-xs"
            >
              {m.anchor}
            </button>
            <button
              type="submit"
              disabled={pending || !body.trim()}
              className="rounded bg-ink px-2 py-1 text-xs font-semibold text-white disabled:opacity-50"
            >
              {pending ? m.saving : m.add}
            </button>
          </div>
        </form>
      ) : canReply ? (
        <p className="text-xs text-muted">{m.reporterHint}</p>
      ) : null}

      <Notice notice={notice} className="min-h-4 text-xs" inline />

      {threads.length === 0 ? <p className="text-muted">{m.empty}</p> : null}
      <ol className="space-y-3">
        {threads.map((thread) => (
          <li
            key={thread.id}
            data-testid={`note-${thread.id}`}
            className={`border-l-4 pl-2 ${thread.resolved ? "border-rule opacity-70" : "border-amber-400"}`}
          >
            {thread.resolved ? (
              <p className="text-xs font-semibold text-green-800">{m.resolved}</p>
            ) : null}
            {noteBody(thread)}
            {thread.replies.length > 0 ? (
              <ol aria-label={m.replies} className="mt-2 ml-3 space-y-2 border-l border-rule pl-3">
                {thread.replies.map((r) => (
                  <li key={r.id} data-testid={`note-${r.id}`}>
                    {noteBody(r)}
                  </li>
                ))}
              </ol>
            ) : null}
            <div className="mt-1 flex gap-3 text-xs">
              {canReply ? (
                <button
                  type="button"
                  onClick={() => {
                    setReplyingTo(replyingTo === thread.id ? null : thread.id);
                    setReply("");
                  }}
                  className="text-accent hover:underline"
                >
                  {m.reply}
                </button>
              ) : null}
              {canResolve ? (
                <button
                  type="button"
                  disabled={pending}
                  onClick={() =>
                    run(
                      () => resolveComment({ commentId: thread.id, resolved: !thread.resolved }),
                      thread.resolved ? m.reopenedDone : m.resolvedDone,
                      () => {},
                    )
                  }
                  className="text-accent hover:underline"
                >
                  {thread.resolved ? m.reopen : m.resolve}
                </button>
              ) : null}
            </div>
            {replyingTo === thread.id ? (
              <form onSubmit={(e) => onReply(e, thread.id)} className="mt-2 space-y-1">
                <label htmlFor={`reply-${thread.id}`} className="block text-xs font-medium">
                  {format(m.replyTo, { name: thread.authorName })}
                </label>
                <textarea
                  id={`reply-${thread.id}`}
                  value={reply}
                  onChange={(e) => setReply(e.target.value)}
                  rows={2}
                  maxLength={MAX_COMMENT_CHARS}
                  className={field}
                  lang="zh-CN"
                />
                <div className="flex gap-2">
                  <button
                    type="submit"
                    disabled={pending || !reply.trim()}
                    className="rounded bg-ink px-2 py-1 text-xs font-semibold text-white disabled:opacity-50"
                  >
                    {m.sendReply}
                  </button>
                  <button
                    type="button"
                    onClick={() => setReplyingTo(null)}
                    className="rounded border border-rule px-2 py-1 text-xs"
                  >
                    {m.cancel}
                  </button>
                </div>
              </form>
            ) : null}
          </li>
        ))}
      </ol>
    </section>
  );
}
