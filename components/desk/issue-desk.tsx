"use client";
// The layout desk: pages of an issue (add, rename, reorder, remove), the stories on the chosen
// page (drag and drop or keyboard to order, a slot each, take off), approved stories to place,
// and publishing (now, at a time in the paper's timezone, cancel, take down with a reason).
import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useEffect, useState, useTransition } from "react";
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
import { EmbargoBadgeFor } from "@/components/desk/embargo-badges";
import { Button } from "@/components/ui/button";
import { Notice } from "@/components/ui/notice";
import { PLACEMENT_SLOTS, type PlacementSlot } from "@/lib/domain/layout";
import { type ActionResult, failureText } from "@/lib/errors";
import { type Dictionary, format } from "@/lib/i18n/dictionary";
import type { IssueLayout, LayoutPage, LayoutStory } from "@/lib/issues";

type Messages = Pick<Dictionary, "issues" | "errors" | "stories" | "signOff" | "deskMoves">;
type DeskOption = { id: number; name: string };
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

const input = "rounded border border-rule px-2 py-1";

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

  function run(action: () => Promise<ActionResult<undefined>>, success = m.saved) {
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
        <section
          aria-labelledby="pages-title"
          className="space-y-3 rounded-lg border border-rule bg-white p-3"
        >
          <h2 id="pages-title" className="font-bold">
            {m.pages}
          </h2>
          {layout.pages.length === 0 ? <p className="text-sm text-muted">{m.noPages}</p> : null}
          {filtered ? (
            <p className="text-xs text-muted">
              {shownPages.length === 0
                ? messages.deskMoves.noPagesOfDesk
                : messages.deskMoves.filteredPages}
            </p>
          ) : null}
          <ol className="space-y-1 text-sm" data-testid="layout-pages">
            {shownPages.map((page, index) => (
              <li key={page.id} className="flex items-center justify-between gap-1">
                <Link
                  href={pageHref(page.number)}
                  aria-current={page.id === currentPageId ? "page" : undefined}
                  className={
                    page.id === currentPageId ? "font-bold text-nameplate" : "hover:underline"
                  }
                >
                  {String(page.number).padStart(2, "0")} {page.name}
                </Link>
                {page.status !== "open" ? (
                  <span
                    className="rounded bg-desk px-1 text-xs"
                    data-testid={`page-status-${page.number}`}
                  >
                    {messages.signOff.statuses[page.status]}
                  </span>
                ) : null}
                <span className="flex gap-1">
                  <Button
                    disabled={locked || filtered || pending || index === 0}
                    onClick={() => movePage(index, -1)}
                    aria-label={`${m.moveUp} ${page.name}`}
                  >
                    ↑
                  </Button>
                  <Button
                    disabled={locked || filtered || pending || index === layout.pages.length - 1}
                    onClick={() => movePage(index, 1)}
                    aria-label={`${m.moveDown} ${page.name}`}
                  >
                    ↓
                  </Button>
                </span>
              </li>
            ))}
          </ol>
          {!locked ? (
            <PageForm
              key={`new-${deskFilter ?? ""}`}
              title={m.addPage}
              messages={m}
              deskMessages={messages.deskMoves}
              editors={layout.editors}
              desks={desks}
              initial={filtered ? { deskId: deskFilter } : undefined}
              pending={pending}
              onSubmit={(fields) => run(() => addPage({ issueId: issue.id, ...fields }))}
            />
          ) : null}
        </section>

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

type PageFields = {
  name: string;
  banner: string | null;
  editorId: number | null;
  deskId: number | null;
};

function PageForm({
  title,
  messages: m,
  deskMessages,
  editors,
  desks,
  initial,
  pending,
  onSubmit,
}: {
  title: string;
  messages: Dictionary["issues"];
  deskMessages: Dictionary["deskMoves"];
  editors: IssueLayout["editors"];
  desks: DeskOption[];
  /** The page being edited; for a new page, only the desk it starts with. */
  initial?: Partial<Pick<LayoutPage, "id" | "name" | "banner" | "editorId" | "deskId">>;
  pending: boolean;
  onSubmit: (fields: PageFields) => void;
}) {
  const editing = initial?.id !== undefined;
  const [name, setName] = useState(initial?.name ?? "");
  const [banner, setBanner] = useState(initial?.banner ?? "");
  const [editorId, setEditorId] = useState(initial?.editorId ? String(initial.editorId) : "");
  const [deskId, setDeskId] = useState(initial?.deskId ? String(initial.deskId) : "");
  const idBase = editing ? "page-edit" : "page-new";
  return (
    <form
      className="space-y-2 text-sm"
      aria-label={title}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit({
          name,
          banner: banner || null,
          editorId: editorId ? Number(editorId) : null,
          deskId: deskId ? Number(deskId) : null,
        });
        if (!editing) {
          setName("");
          setBanner("");
        }
      }}
    >
      {!editing ? <h3 className="font-semibold">{title}</h3> : null}
      <div>
        <label htmlFor={`${idBase}-name`} className="block">
          {m.pageName}
        </label>
        <input
          id={`${idBase}-name`}
          value={name}
          onChange={(e) => setName(e.target.value)}
          required
          maxLength={40}
          className={`${input} w-full`}
          lang="zh-CN"
        />
      </div>
      <div>
        <label htmlFor={`${idBase}-banner`} className="block">
          {m.banner}
        </label>
        <input
          id={`${idBase}-banner`}
          value={banner}
          onChange={(e) => setBanner(e.target.value)}
          maxLength={200}
          className={`${input} w-full`}
          lang="zh-CN"
        />
      </div>
      <div>
        <label htmlFor={`${idBase}-editor`} className="block">
          {m.editor}
        </label>
        <select
          id={`${idBase}-editor`}
          value={editorId}
          onChange={(e) => setEditorId(e.target.value)}
          className={`${input} w-full`}
        >
          <option value="">{m.noEditor}</option>
          {editors.map((editor) => (
            <option key={editor.id} value={editor.id}>
              {editor.displayName}
            </option>
          ))}
        </select>
      </div>
      <div>
        <label htmlFor={`${idBase}-desk`} className="block">
          {deskMessages.desk}
        </label>
        <select
          id={`${idBase}-desk`}
          value={deskId}
          onChange={(e) => setDeskId(e.target.value)}
          className={`${input} w-full`}
        >
          <option value="">{deskMessages.noDesk}</option>
          {desks.map((desk) => (
            <option key={desk.id} value={desk.id}>
              {desk.name}
            </option>
          ))}
        </select>
      </div>
      <Button type="submit" disabled={pending || !name.trim()}>
        {editing ? m.save : m.addPage}
      </Button>
    </form>
  );
}

function PlacedStories({
  page,
  locked,
  pending,
  messages,
  onArrange,
  onRemove,
}: {
  page: LayoutPage;
  locked: boolean;
  pending: boolean;
  messages: Messages;
  onArrange: (items: { storyId: number; slot: PlacementSlot }[]) => void;
  onRemove: (storyId: number) => void;
}) {
  const m = messages.issues;
  const [items, setItems] = useState<LayoutStory[]>(page.stories);
  useEffect(() => setItems(page.stories), [page.stories]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const commit = (next: LayoutStory[]) => {
    setItems(next);
    onArrange(next.map((s) => ({ storyId: s.storyId, slot: s.slot })));
  };
  function onDragEnd(event: DragEndEvent) {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    const from = items.findIndex((s) => s.storyId === active.id);
    const to = items.findIndex((s) => s.storyId === over.id);
    if (from < 0 || to < 0) return;
    commit(arrayMove(items, from, to));
  }
  if (items.length === 0) return <p className="text-sm text-muted">{m.noStoriesOnPage}</p>;
  return (
    <>
      <p id="drag-hint" className="text-xs text-muted">
        {m.dragHint}
      </p>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={items.map((s) => s.storyId)} strategy={verticalListSortingStrategy}>
          <ol className="space-y-2" aria-describedby="drag-hint">
            {items.map((story) => (
              <SortableStory
                key={story.storyId}
                story={story}
                disabled={locked || pending}
                messages={messages}
                onSlot={(slot) =>
                  commit(items.map((s) => (s.storyId === story.storyId ? { ...s, slot } : s)))
                }
                onRemove={() => onRemove(story.storyId)}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
    </>
  );
}

function SortableStory({
  story,
  disabled,
  messages,
  onSlot,
  onRemove,
}: {
  story: LayoutStory;
  disabled: boolean;
  messages: Messages;
  onSlot: (slot: PlacementSlot) => void;
  onRemove: () => void;
}) {
  const m = messages.issues;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: story.storyId,
    disabled,
  });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`flex flex-wrap items-center gap-2 rounded border border-rule bg-white p-2 text-sm ${isDragging ? "shadow-lg" : ""}`}
      data-testid={`placed-${story.storyId}`}
    >
      <button
        type="button"
        {...attributes}
        {...listeners}
        aria-label={`${m.dragHint}: ${story.headline}`}
        className="cursor-grab rounded px-1 text-muted"
      >
        ⠿
      </button>
      <span className="flex-1 font-semibold" lang="zh-CN">
        {story.headline || messages.stories.untitled} <EmbargoBadgeFor storyId={story.storyId} />
      </span>
      <label className="sr-only" htmlFor={`slot-${story.storyId}`}>
        {m.slot}
      </label>
      <select
        id={`slot-${story.storyId}`}
        value={story.slot}
        disabled={disabled}
        onChange={(e) => onSlot(e.target.value as PlacementSlot)}
        className={input}
      >
        {PLACEMENT_SLOTS.map((slot) => (
          <option key={slot} value={slot}>
            {m.slots[slot]}
          </option>
        ))}
      </select>
      <Button disabled={disabled} onClick={onRemove}>
        {m.unplace}
      </Button>
    </li>
  );
}

function UnplacedStory({
  story,
  messages,
  disabled,
  onPlace,
}: {
  story: IssueLayout["unplaced"][number];
  messages: Messages;
  disabled: boolean;
  onPlace: (slot: PlacementSlot) => void;
}) {
  const m = messages.issues;
  const [slot, setSlot] = useState<PlacementSlot>(story.kind === "photo" ? "photo" : "main");
  return (
    <li className="rounded border border-rule p-2" data-testid={`unplaced-${story.id}`}>
      <p className="font-semibold" lang="zh-CN">
        {story.headline || messages.stories.untitled} <EmbargoBadgeFor storyId={story.id} />
      </p>
      <p className="text-xs text-muted">
        {story.deskName ? `${story.deskName} · ` : ""}
        {story.authorName} · {format(messages.stories.lengthValue, { count: story.charCount })}
      </p>
      <div className="mt-1 flex gap-1">
        <label className="sr-only" htmlFor={`place-slot-${story.id}`}>
          {m.slot}
        </label>
        <select
          id={`place-slot-${story.id}`}
          value={slot}
          onChange={(e) => setSlot(e.target.value as PlacementSlot)}
          className={input}
        >
          {PLACEMENT_SLOTS.map((s) => (
            <option key={s} value={s}>
              {m.slots[s]}
            </option>
          ))}
        </select>
        <Button disabled={disabled} onClick={() => onPlace(slot)}>
          {m.place}
        </Button>
      </div>
    </li>
  );
}

function PublishingPanel({
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
              className={`${input} w-full`}
            />
            <div className="flex gap-2">
              <Button type="submit" disabled={pending || !when}>
                {issue.status === "scheduled" ? m.reschedule : m.schedule}
              </Button>
              {issue.status === "scheduled" ? (
                <Button disabled={pending} onClick={onCancel}>
                  {m.cancelSchedule}
                </Button>
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
            className={`${input} w-full`}
          />
          <Button type="submit" disabled={pending || !reason.trim()} className="text-red-700">
            {m.unpublish}
          </Button>
        </form>
      )}
    </section>
  );
}
