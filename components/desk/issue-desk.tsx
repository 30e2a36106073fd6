"use client";
// The layout desk: pages of an issue (add, rename, reorder, remove), the stories on the chosen
// page (drag and drop or keyboard to order, a slot each, take off), approved stories to place,
// and publishing (now, at a time in the paper's timezone, cancel, take down with a reason).
// The pieces are in their own files: issue-page-list, issue-page-form, issue-placed-stories,
// issue-unplaced-story, issue-publishing-panel (shared styles in issue-layout-shared).
import { arrayMove } from "@dnd-kit/sortable";
import { useRouter } from "next/navigation";
import { useState, useTransition } from "react";
import {
  addPage,
  arrangePage,
  cancelSchedule,
  placeStory,
  publishNow,
  removePage,
  removePlacement,
  reorderPages,
  scheduleIssue,
  unpublishIssue,
  updatePage,
} from "@/app/(newsroom)/desk/issues/actions";
import type { DeskOption, LayoutMessages } from "@/components/desk/issue-layout-shared";
import { PageForm } from "@/components/desk/issue-page-form";
import { IssuePageList } from "@/components/desk/issue-page-list";
import { PlacedStories } from "@/components/desk/issue-placed-stories";
import { PublishingPanel } from "@/components/desk/issue-publishing-panel";
import { UnplacedStory } from "@/components/desk/issue-unplaced-story";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { type ActionResult, failureText } from "@/lib/errors";
import type { IssueLayout } from "@/lib/issues";

type Messages = LayoutMessages;
type Props = {
  layout: IssueLayout;
  currentPageId: number | null;
  timezone: string;
  scheduledLocal: string | null;
  /** Publishing, scheduling and taking down are the duty/chief editor's (issue:publish). */
  canPublish: boolean;
  desks: DeskOption[];
  /** `?desk=`: only that desk's pages (and its stories waiting for a page) are shown. */
  deskFilter?: number;
  messages: Messages;
};

export function IssueDesk({
  layout,
  currentPageId,
  timezone,
  scheduledLocal,
  canPublish,
  desks,
  deskFilter,
  messages,
}: Props) {
  const m = messages.issues;
  const router = useRouter();
  const [pending, start] = useTransition();
  const [notice, setNotice] = useState<{ ok: boolean; text: string } | null>(null);
  const { issue } = layout;
  const locked = issue.status === "published";
  const current = layout.pages.find((p) => p.id === currentPageId) ?? null;
  const filtered = deskFilter !== undefined;
  const shownPages = filtered ? layout.pages.filter((p) => p.deskId === deskFilter) : layout.pages;
  const pageHref = (number: number) =>
    `/desk/issues/${issue.id}?page=${number}${filtered ? `&desk=${deskFilter}` : ""}`;
  // A signed-off page is frozen until it is reopened (lib refuses too; this only greys it out).
  const pageLocked = locked || current?.status === "signed_off";

  function run(action: () => Promise<ActionResult<undefined>>, success: string = m.saved) {
    start(async () => {
      const result = await action();
      if (result.ok) {
        setNotice({ ok: true, text: success });
        router.refresh();
      } else {
        setNotice({ ok: false, text: failureText(messages.errors, result) });
      }
    });
  }

  const movePage = (index: number, delta: number) => {
    const ids = layout.pages.map((p) => p.id);
    run(() => reorderPages({ issueId: issue.id, pageIds: arrayMove(ids, index, index + delta) }));
  };

  return (
    <div className="space-y-4">
      <Notice notice={notice} className="min-h-5 text-sm" inline />
      {locked ? <p className="rounded bg-white p-3 text-sm">{m.layoutLocked}</p> : null}

      <div className="grid gap-4 lg:grid-cols-[16rem_1fr_18rem]">
        <IssuePageList
          layout={layout}
          shownPages={shownPages}
          currentPageId={currentPageId}
          locked={locked}
          deskFilter={deskFilter}
          desks={desks}
          pending={pending}
          messages={messages}
          pageHref={pageHref}
          onMove={movePage}
          onAdd={(fields) => run(() => addPage({ issueId: issue.id, ...fields }))}
        />

        <section
          aria-labelledby="page-stories-title"
          className="space-y-3 rounded-lg border border-rule bg-white p-3"
        >
          {current ? (
            <>
              <h2 id="page-stories-title" className="font-bold">
                {String(current.number).padStart(2, "0")} {current.name} · {m.storiesOnPage}
              </h2>
              <PlacedStories
                key={`${current.id}-${current.stories.map((s) => `${s.storyId}:${s.slot}`).join(",")}`}
                page={current}
                locked={pageLocked}
                pending={pending}
                messages={messages}
                onArrange={(items) => run(() => arrangePage({ pageId: current.id, items }))}
                onRemove={(storyId) => run(() => removePlacement({ pageId: current.id, storyId }))}
              />
              {!pageLocked ? (
                <details className="rounded border border-rule p-2 text-sm">
                  <summary className="cursor-pointer">{m.editPage}</summary>
                  <PageForm
                    key={current.id}
                    title={current.name}
                    messages={m}
                    deskMessages={messages.deskMoves}
                    editors={layout.editors}
                    desks={desks}
                    initial={current}
                    pending={pending}
                    onSubmit={(fields) => run(() => updatePage({ pageId: current.id, ...fields }))}
                  />
                  <Button
                    className="mt-2 text-red-700"
                    disabled={pending}
                    onClick={() => run(() => removePage({ pageId: current.id }))}
                  >
                    {m.remove}
                  </Button>
                </details>
              ) : null}
            </>
          ) : (
            <p className="text-sm text-muted">{m.noPages}</p>
          )}
        </section>

        <div className="space-y-4">
          <section
            aria-labelledby="approved-title"
            className="space-y-2 rounded-lg border border-rule bg-white p-3"
          >
            <h2 id="approved-title" className="font-bold">
              {m.approved}
            </h2>
            {layout.unplaced.length === 0 ? (
              <p className="text-sm text-muted">{m.noApproved}</p>
            ) : null}
            <ul className="space-y-2 text-sm">
              {layout.unplaced.map((story) => (
                <UnplacedStory
                  key={story.id}
                  story={story}
                  messages={messages}
                  disabled={pageLocked || pending || !current}
                  onPlace={(slot) =>
                    current &&
                    run(() => placeStory({ pageId: current.id, storyId: story.id, slot }))
                  }
                />
              ))}
            </ul>
          </section>
          {canPublish ? (
            <PublishingPanel
              issue={issue}
              timezone={timezone}
              scheduledLocal={scheduledLocal}
              messages={m}
              pending={pending}
              onPublish={() => {
                if (window.confirm(m.confirmPublish))
                  run(
                    () => publishNow({ issueId: issue.id, expectedVersion: issue.version }),
                    m.published,
                  );
              }}
              onSchedule={(publishAt) => run(() => scheduleIssue({ issueId: issue.id, publishAt }))}
              onCancel={() => run(() => cancelSchedule({ issueId: issue.id }))}
              onUnpublish={(reason) => run(() => unpublishIssue({ issueId: issue.id, reason }))}
            />
          ) : null}
        </div>
      </div>
    </div>
  );
}
