"use client";
// The layout desk's list of pages: each page's link, its sign-off state and the buttons moving
// it up or down, then the form adding a page.
import Link from "next/link";
import {
  buttonClass,
  type DeskOption,
  type LayoutMessages,
} from "@/components/desk/issue-layout-shared";
import { type PageFields, PageForm } from "@/components/desk/issue-page-form";
import type { IssueLayout, LayoutPage } from "@/lib/issues";

export function IssuePageList({
  layout,
  shownPages,
  currentPageId,
  locked,
  deskFilter,
  desks,
  pending,
  messages,
  pageHref,
  onMove,
  onAdd,
}: {
  layout: IssueLayout;
  /** The pages shown: all of them, or only the filtered desk's. */
  shownPages: LayoutPage[];
  currentPageId: number | null;
  locked: boolean;
  deskFilter?: number;
  desks: DeskOption[];
  pending: boolean;
  messages: LayoutMessages;
  pageHref: (number: number) => string;
  onMove: (index: number, delta: number) => void;
  onAdd: (fields: PageFields) => void;
}) {
  const m = messages.issues;
  const filtered = deskFilter !== undefined;
  return (
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
              className={page.id === currentPageId ? "font-bold text-nameplate" : "hover:underline"}
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
              <button
                type="button"
                className={buttonClass}
                disabled={locked || filtered || pending || index === 0}
                onClick={() => onMove(index, -1)}
                aria-label={`${m.moveUp} ${page.name}`}
              >
                <span aria-hidden="true">↑</span>
              </button>
              <button
                type="button"
                className={buttonClass}
                disabled={locked || filtered || pending || index === layout.pages.length - 1}
                onClick={() => onMove(index, 1)}
                aria-label={`${m.moveDown} ${page.name}`}
              >
                <span aria-hidden="true">↓</span>
              </button>
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
          onSubmit={onAdd}
        />
      ) : null}
    </section>
  );
}
