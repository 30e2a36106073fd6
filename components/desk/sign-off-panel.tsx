"use client";
// The layout desk's sign-off panel, beside the page preview: the page's state, what sign-off
// still needs, the 签发 button, reopening with a reason (改版), the diff since sign-off, and the
// issue's own sign-off once every page is signed.
import Link from "next/link";
import { useRouter } from "next/navigation";
import { type ReactNode, useState, useTransition } from "react";
import { reopenPage, signOffIssue, signOffPage } from "@/app/(newsroom)/desk/issues/actions";
import { Button } from "@/components/ui/button";
import { useFormat } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import { type ActionResult, failureText } from "@/lib/errors";
import type { Dictionary } from "@/lib/i18n/dictionary";
import type { PageAction, PageStatus } from "@/lib/workflow/page";

type Messages = Pick<Dictionary, "signOff" | "errors">;

export type SignOffPanelProps = {
  page: {
    id: number;
    version: number;
    status: PageStatus;
    actions: PageAction[];
    roundsRequired: number;
    roundsDone: number;
    openMarks: number;
    storyCount: number;
    /** "signed off by … at …" of the last sign-off, and its reopening, already in words. */
    signedOffText: string | null;
    reopenedText: string | null;
    proofHref: string;
  };
  issue: {
    id: number;
    version: number;
    signedOffText: string | null;
    pagesSigned: number;
    pagesTotal: number;
    canSignOff: boolean;
    isPublished: boolean;
  };
  canSignOffPages: boolean;
  messages: Messages;
  /** The diff since sign-off, rendered on the server. */
  children?: ReactNode;
};

const primary =
  "w-full rounded bg-nameplate px-3 py-1.5 font-semibold text-white disabled:opacity-50";

export function SignOffPanel({
  page,
  issue,
  canSignOffPages,
  messages,
  children,
}: SignOffPanelProps) {
  const format = useFormat();
  const m = messages.signOff;
  const router = useRouter();
  const [pending, start] = useTransition();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const [reason, setReason] = useState("");

  function run(action: () => Promise<ActionResult<undefined>>, success: string) {
    start(async () => {
      const result = await action();
      if (result.ok) {
        setNotice({ ok: true, text: success });
        setReason("");
        router.refresh();
      } else {
        setNotice({ ok: false, text: failureText(messages.errors, result) });
      }
    });
  }

  const canSign = page.actions.includes("sign_off");
  const canReopen = page.actions.includes("reopen");
  const needs = [
    page.roundsDone < page.roundsRequired ? m.needsRounds : null,
    page.openMarks > 0 ? m.needsMarks : null,
    page.storyCount === 0 ? m.needsStories : null,
  ].filter((x): x is string => x !== null);

  return (
    <section
      aria-labelledby="sign-off-title"
      className="space-y-3 rounded-lg border border-rule bg-white p-3 text-sm"
      data-testid="sign-off-panel"
    >
      <h2 id="sign-off-title" className="font-bold">
        {m.title}
      </h2>
      <Notice notice={notice} className="min-h-5" inline />
      <p data-testid="page-sign-off-status" data-status={page.status} className="font-semibold">
        {format(m.pageStatus, { status: m.statuses[page.status] })}
      </p>
      <ul className="space-y-0.5">
        <li>{format(m.rounds, { done: page.roundsDone, required: page.roundsRequired })}</li>
        <li>{format(m.openMarks, { count: page.openMarks })}</li>
      </ul>
      <Link href={page.proofHref} className="text-accent hover:underline">
        {m.proofread}
      </Link>
      {page.signedOffText ? <p>{page.signedOffText}</p> : null}
      {page.reopenedText ? <p lang="zh-CN">{page.reopenedText}</p> : null}

      {page.status !== "signed_off" && !issue.isPublished ? (
        <div className="space-y-1">
          {needs.length > 0 ? (
            <div>
              <p>{m.needs}</p>
              <ul className="list-disc pl-5">
                {needs.map((need) => (
                  <li key={need}>{need}</li>
                ))}
              </ul>
            </div>
          ) : null}
          {!canSignOffPages ? <p className="text-muted">{m.notAllowed}</p> : null}
          <button
            type="button"
            className={primary}
            disabled={pending || !canSign}
            onClick={() => {
              if (window.confirm(m.confirmSignOff))
                run(
                  () => signOffPage({ pageId: page.id, expectedVersion: page.version }),
                  m.pageSignedOff,
                );
            }}
          >
            {m.signOffPage}
          </button>
        </div>
      ) : null}

      {canReopen && !issue.isPublished ? (
        <form
          className="space-y-1"
          onSubmit={(e) => {
            e.preventDefault();
            run(() => reopenPage({ pageId: page.id, reason }), m.reopened);
          }}
        >
          <label htmlFor="reopen-reason" className="block">
            {m.reopenReason}
          </label>
          <textarea
            id="reopen-reason"
            required
            rows={2}
            maxLength={2000}
            value={reason}
            onChange={(e) => setReason(e.target.value)}
            className="w-full rounded border border-rule px-2 py-1"
            lang="zh-CN"
          />
          <Button type="submit" disabled={pending || !reason.trim()}>
            {m.reopen}
          </Button>
        </form>
      ) : null}

      {children}

      <div className="space-y-1 border-t border-rule pt-3" data-testid="issue-sign-off">
        <h3 className="font-semibold">{m.issueTitle}</h3>
        <p>{issue.signedOffText ?? m.issueNotSignedOff}</p>
        <p className="text-muted">
          {format(m.pagesSigned, { signed: issue.pagesSigned, total: issue.pagesTotal })}
        </p>
        {!issue.signedOffText && !issue.isPublished ? (
          <button
            type="button"
            className={primary}
            disabled={pending || !issue.canSignOff}
            onClick={() => {
              if (window.confirm(m.confirmSignOffIssue))
                run(
                  () => signOffIssue({ issueId: issue.id, expectedVersion: issue.version }),
                  m.issueSignedOffDone,
                );
            }}
          >
            {m.signOffIssue}
          </button>
        ) : null}
      </div>
    </section>
  );
}
