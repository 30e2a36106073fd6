"use client";
// The proofreading desk of one page: select text in a story to mark it (replace, delete,
// insert), the marks with one-click accept and reject for the editor, and the page's rounds.
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
import { completeRound, createMark, decideMark } from "@/app/(newsroom)/desk/proofread/actions";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import { type ActionResult, failureText } from "@/lib/errors";
import type { Dictionary, Format } from "@/lib/i18n/dictionary";
import type { ProofMarkView, ProofPage } from "@/lib/proofreading";

type Messages = Pick<Dictionary, "proofreading" | "errors">;
type Round = ProofPage["rounds"][number] & { completedAtText: string };
type Props = { page: Omit<ProofPage, "rounds"> & { rounds: Round[] }; messages: Messages };

type Selection = {
  storyId: number;
  storyVersion: number;
  blockIndex: number;
  from: number;
  to: number;
  text: string;
};

const input = "rounded border border-rule px-2 py-1";
const ROUND_KEYS = ["round1", "round2", "round3", "round4", "round5"] as const;

/** Characters from the start of `block` to (node, offset): the block's text is one text node. */
function offsetIn(block: Element, node: Node, offset: number): number {
  const range = document.createRange();
  range.selectNodeContents(block);
  range.setEnd(node, offset);
  return range.toString().length;
}

function blockOf(node: Node | null): HTMLElement | null {
  const element = node instanceof Element ? node : (node?.parentElement ?? null);
  return element?.closest<HTMLElement>("[data-proof-block]") ?? null;
}

export function ProofDesk({ page, messages }: Props) {
  const format = useFormat();
  const m = messages.proofreading;
  const router = useRouter();
  const [pending, start] = useTransition();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [selection, setSelection] = useState<Selection | null>(null);
  const [kind, setKind] = useState<ProofMarkView["kind"]>("replace");
  const [suggestion, setSuggestion] = useState("");
  const roundName = (round: number) => m[ROUND_KEYS[round - 1] ?? "round5"] ?? String(round);

  useEffect(() => {
    if (!page.canMark) return;
    const onChange = () => {
      const current = document.getSelection();
      if (!current || current.rangeCount === 0) return;
      const anchorBlock = blockOf(current.anchorNode);
      if (!anchorBlock || anchorBlock !== blockOf(current.focusNode)) return;
      const a = offsetIn(anchorBlock, current.anchorNode as Node, current.anchorOffset);
      const b = offsetIn(anchorBlock, current.focusNode as Node, current.focusOffset);
      const text = anchorBlock.textContent ?? "";
      const from = Math.min(a, b);
      const to = Math.max(a, b);
      setSelection({
        storyId: Number(anchorBlock.dataset.story),
        storyVersion: Number(anchorBlock.dataset.version),
        blockIndex: Number(anchorBlock.dataset.block),
        from,
        to,
        text,
      });
      setKind((k) => (from === to ? "insert" : k === "insert" ? "replace" : k));
    };
    document.addEventListener("selectionchange", onChange);
    return () => document.removeEventListener("selectionchange", onChange);
  }, [page.canMark]);

  function run(
    action: () => Promise<ActionResult<undefined>>,
    success: string,
    after?: () => void,
  ) {
    start(async () => {
      const result = await action();
      if (result.ok) {
        setNotice({ ok: true, text: success });
        after?.();
        router.refresh();
      } else {
        setNotice({ ok: false, text: failureText(messages.errors, result) });
      }
    });
  }

  const quote = selection ? selection.text.slice(selection.from, selection.to) : "";
  const roundsDone = page.rounds.length;
  const nextRound = roundsDone + 1;

  return (
    <div className="space-y-4">
      <Notice notice={notice} className="min-h-5 text-sm" inline />
      {page.issuePublished ? (
        <p className="rounded bg-white p-3 text-sm">{m.publishedNote}</p>
      ) : page.status === "signed_off" ? (
        <p className="rounded bg-white p-3 text-sm">{m.signedOffNote}</p>
      ) : null}

      <section
        aria-labelledby="rounds-title"
        className="space-y-2 rounded-lg border border-rule bg-white p-3 text-sm"
      >
        <h2 id="rounds-title" className="font-bold">
          {m.rounds}
        </h2>
        <p className="text-muted">
          {page.roundsRequired > 0
            ? format(m.roundsRequired, { count: page.roundsRequired })
            : m.noRoundsRequired}
        </p>
        <ol className="space-y-1" data-testid="proof-rounds">
          {Array.from({ length: page.roundsRequired }, (_, i) => i + 1).map((round) => {
            const done = page.rounds.find((r) => r.round === round);
            return (
              <li key={round}>
                {done
                  ? format(m.roundDone, {
                      round: roundName(round),
                      name: done.proofreaderName,
                      time: done.completedAtText,
                    })
                  : format(m.roundPending, { round: roundName(round) })}
              </li>
            );
          })}
        </ol>
        {page.canCompleteRound ? (
          <Button
            disabled={pending}
            onClick={() =>
              run(
                () => completeRound({ pageId: page.pageId, round: nextRound }),
                format(m.roundCompleted, { round: roundName(nextRound) }),
              )
            }
          >
            {format(m.completeRound, { round: roundName(nextRound) })}
          </Button>
        ) : roundsDone >= page.roundsRequired && page.roundsRequired > 0 ? (
          <p>{m.allRoundsDone}</p>
        ) : null}
      </section>

      {page.canMark ? (
        <form
          aria-label={m.addMark}
          className="sticky top-0 z-10 space-y-2 rounded-lg border border-rule bg-white p-3 text-sm shadow-sm"
          onSubmit={(e) => {
            e.preventDefault();
            if (!selection) return;
            run(
              () =>
                createMark({
                  pageId: page.pageId,
                  storyId: selection.storyId,
                  storyVersion: selection.storyVersion,
                  kind,
                  blockIndex: selection.blockIndex,
                  from: selection.from,
                  to: selection.to,
                  suggestion: kind === "delete" ? "" : suggestion,
                }),
              m.markAdded,
              () => {
                setSuggestion("");
                setSelection(null);
              },
            );
          }}
        >
          <p className="text-muted">{m.selectHint}</p>
          <p data-testid="proof-selection" lang="zh-CN">
            {!selection
              ? m.noSelection
              : selection.from === selection.to
                ? format(m.caret, {
                    before: selection.text.slice(Math.max(0, selection.from - 6), selection.from),
                    after: selection.text.slice(selection.to, selection.to + 6),
                  })
                : format(m.selection, { text: quote })}
          </p>
          <div className="flex flex-wrap items-end gap-2">
            <div>
              <label htmlFor="mark-kind" className="block">
                {m.kind}
              </label>
              <select
                id="mark-kind"
                value={kind}
                onChange={(e) => setKind(e.target.value as ProofMarkView["kind"])}
                className={input}
              >
                {(["replace", "delete", "insert"] as const).map((k) => (
                  <option key={k} value={k}>
                    {m.kinds[k]}
                  </option>
                ))}
              </select>
            </div>
            {kind !== "delete" ? (
              <div className="min-w-48 flex-1">
                <label htmlFor="mark-suggestion" className="block">
                  {kind === "insert" ? m.insertText : m.suggestion}
                </label>
                <input
                  id="mark-suggestion"
                  value={suggestion}
                  onChange={(e) => setSuggestion(e.target.value)}
                  maxLength={2000}
                  className={`${input} w-full`}
                  lang="zh-CN"
                />
              </div>
            ) : null}
            <Button
              type="submit"
              disabled={
                pending ||
                !selection ||
                (kind !== "delete" && !suggestion.trim()) ||
                (kind === "insert") !== (selection.from === selection.to)
              }
            >
              {m.addMark}
            </Button>
          </div>
        </form>
      ) : null}

      {page.stories.map((story) => (
        <article
          key={story.id}
          className="space-y-3 rounded-lg border border-rule bg-white p-4"
          data-testid={`proof-story-${story.id}`}
          aria-labelledby={`proof-story-title-${story.id}`}
        >
          <h2 id={`proof-story-title-${story.id}`} className="text-lg font-bold" lang="zh-CN">
            {story.headline}
          </h2>
          <div className="space-y-2 font-serif leading-relaxed" lang="zh-CN">
            {story.blocks.map((text, index) => (
              <p
                // Blocks are positional: the index is the anchor's block number.
                // biome-ignore lint/suspicious/noArrayIndexKey: the position is the identity
                key={index}
                data-proof-block=""
                data-story={story.id}
                data-version={story.version}
                data-block={index}
                className="whitespace-pre-wrap"
              >
                {text}
              </p>
            ))}
          </div>
          <section aria-label={m.marks} className="space-y-1 text-sm">
            <h3 className="font-semibold">{m.marks}</h3>
            {story.marks.length === 0 ? <p className="text-muted">{m.noMarks}</p> : null}
            <ul className="space-y-1">
              {story.marks.map((mark) => (
                <MarkItem
                  key={mark.id}
                  mark={mark}
                  messages={m}
                  roundName={roundName(mark.round)}
                  canDecide={page.canDecide}
                  pending={pending}
                  onDecide={(decision) =>
                    run(
                      () => decideMark({ markId: mark.id, decision }),
                      decision === "accept" ? m.accepted : m.rejected,
                    )
                  }
                />
              ))}
            </ul>
          </section>
        </article>
      ))}
    </div>
  );
}

function describeMark(mark: ProofMarkView, m: Dictionary["proofreading"], format: Format): string {
  if (mark.kind === "delete") return format(m.markDelete, { quote: mark.quote });
  if (mark.kind === "insert")
    return format(m.markInsert, { prefix: mark.prefix, suggestion: mark.suggestion });
  return format(m.markReplace, { quote: mark.quote, suggestion: mark.suggestion });
}

function MarkItem({
  mark,
  messages: m,
  roundName,
  canDecide,
  pending,
  onDecide,
}: {
  mark: ProofMarkView;
  messages: Dictionary["proofreading"];
  roundName: string;
  canDecide: boolean;
  pending: boolean;
  onDecide: (decision: "accept" | "reject") => void;
}) {
  const format = useFormat();
  const description = describeMark(mark, m, format);
  return (
    <li
      className="flex flex-wrap items-center gap-2 rounded border border-rule p-2"
      data-testid={`mark-${mark.id}`}
      data-state={mark.state}
    >
      <span className="flex-1" lang="zh-CN">
        {description}
        <span className="ml-2 text-xs text-muted">
          {format(m.markBy, { round: roundName, name: mark.proofreaderName })}
        </span>
        {mark.isStale ? <span className="ml-2 text-xs text-red-700">{m.stale}</span> : null}
      </span>
      {mark.state === "open" ? (
        canDecide ? (
          <span className="flex gap-1">
            <Button
              disabled={pending || mark.isStale}
              onClick={() => onDecide("accept")}
              aria-label={format(m.decideLabel, { action: m.accept, mark: description })}
            >
              {m.accept}
            </Button>
            <Button
              disabled={pending}
              onClick={() => onDecide("reject")}
              aria-label={format(m.decideLabel, { action: m.reject, mark: description })}
            >
              {m.reject}
            </Button>
          </span>
        ) : (
          <span className="text-xs">{m.states.open}</span>
        )
      ) : (
        <span className="text-xs">
          {mark.decidedByName
            ? format(m.decidedBy, { state: m.states[mark.state], name: mark.decidedByName })
            : m.states[mark.state]}
        </span>
      )}
    </li>
  );
}
