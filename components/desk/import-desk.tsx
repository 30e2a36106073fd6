"use client";
// The import desk: page text pasted or uploaded, the parser's reading line by line (with the rule
// that decided each line) beside the stories it makes (with a confidence each), corrections kept
// in the browser, then one import onto an issue page; several files go straight in, one page
// each. State is one reducer (import-desk-state.ts); the parts are their own components.
import Link from "next/link";
import { type FormEvent, useMemo, useReducer } from "react";
import {
  type ImportedPage,
  importPageFile,
  importReviewedPage,
  readImportFile,
} from "@/app/(newsroom)/desk/import/actions";
import { useFormat } from "@/components/ui/locale-provider";
import { type ActionResult, errorText } from "@/lib/errors";
import { MAX_PAGE_BYTES } from "@/lib/import/decode";
import {
  editStory,
  mergeWithPrevious,
  type Review,
  reviewedArticles,
  reviewedBanner,
  setLineRole,
  splitStory,
  startReview,
} from "@/lib/import/review";
import { ImportBatch } from "./import-batch";
import { type BatchItem, deskReducer, initialDeskState } from "./import-desk-state";
import { button, type ImportMessages, input } from "./import-messages";
import { SourceLines } from "./import-source-lines";
import { StoryCard } from "./import-story-card";
import { ImportTarget } from "./import-target";

export function ImportDesk({ messages }: { messages: ImportMessages }) {
  const format = useFormat();
  const m = messages.importDesk;
  const [state, dispatch] = useReducer(deskReducer, m.pasted, initialDeskState);
  const { text, source, review, notice, target, imported, batchFiles, batch, progress, busy } =
    state;
  const articles = useMemo(() => (review ? reviewedArticles(review) : []), [review]);
  const banner = review ? reviewedBanner(review) : null;
  const storyNumber = new Map(articles.map((a, i) => [a.id, i + 1]));
  const flagged = articles.filter((a) => a.flagged).length;
  const setNotice = (value: { ok: boolean; lines: string[] } | null) =>
    dispatch({ type: "notice", notice: value });
  const setBusy = (value: boolean) => dispatch({ type: "busy", busy: value });

  function failureLines(result: Extract<ActionResult<unknown>, { ok: false }>): string[] {
    if (!result.fieldErrors) return [errorText(messages.errors, result.messageKey)];
    return Object.entries(result.fieldErrors).map(([field, keys]) => {
      const message = errorText(messages.errors, keys[0] ?? "invalid_input");
      const story = /^page\.articles\.(\d+)/u.exec(field);
      return story ? format(m.storyError, { n: Number(story[1]) + 1, message }) : message;
    });
  }

  function onParse(event: FormEvent) {
    event.preventDefault();
    dispatch({ type: "files", files: [] });
    if (text.trim().length === 0) {
      dispatch({
        type: "drop",
        notice: { ok: false, lines: [errorText(messages.errors, "import_empty")] },
      });
      return;
    }
    setNotice(null);
    dispatch({ type: "review", review: startReview(text), source: m.pasted });
  }

  async function onFiles(list: FileList | null) {
    const files = [...(list ?? [])].sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
    dispatch({ type: "files", files });
    if (files.length > 1) return;
    const file = files[0];
    if (!file) return;
    if (file.size > MAX_PAGE_BYTES) {
      dispatch({
        type: "drop",
        notice: {
          ok: false,
          lines: [
            format(m.fileError, {
              name: file.name,
              message: errorText(messages.errors, "import_too_large"),
            }),
          ],
        },
      });
      return;
    }
    setBusy(true);
    setNotice({ ok: true, lines: [m.reading] });
    const form = new FormData();
    form.set("file", file);
    const result = await readImportFile(form);
    setBusy(false);
    if (!result.ok) {
      dispatch({
        type: "drop",
        notice: {
          ok: false,
          lines: failureLines(result).map((l) =>
            format(m.fileError, { name: file.name, message: l }),
          ),
        },
      });
      return;
    }
    dispatch({
      type: "review",
      review: startReview(result.data.text),
      source: result.data.name,
      text: result.data.text,
    });
    setNotice({
      ok: true,
      lines: [format(m.readOk, { name: result.data.name, encoding: result.data.encoding })],
    });
  }

  async function onImport() {
    if (!review) return;
    setBusy(true);
    const result = await importReviewedPage({
      date: target.date,
      pageNumber: target.pageNumber,
      pageName: target.pageName,
      status: target.status,
      source,
      page: {
        banner,
        articles: articles.map(
          ({ id: _id, paragraphLines: _l, confidence: _c, doubts: _d, flagged: _f, ...article }) =>
            article,
        ),
      },
    });
    setBusy(false);
    if (!result.ok) {
      setNotice({ ok: false, lines: failureLines(result) });
      return;
    }
    dispatch({ type: "imported", imported: { ...result.data, date: target.date } });
  }

  async function onBatch() {
    const files = batchFiles;
    const first = Number(target.pageNumber);
    setBusy(true);
    setNotice(null);
    const items: BatchItem[] = files.map((f) => ({ name: f.name, state: "waiting" }));
    dispatch({ type: "batch", items: [...items] });
    for (const [i, file] of files.entries()) {
      items[i] = { name: file.name, state: "running" };
      dispatch({
        type: "batch",
        items: [...items],
        progress: format(m.batchProgress, { i: i + 1, n: files.length, name: file.name }),
      });
      const form = new FormData();
      form.set("file", file);
      form.set("date", target.date);
      form.set("pageNumber", String(first + i));
      form.set("pageName", target.pageName);
      form.set("status", target.status);
      let result: ActionResult<ImportedPage>;
      if (file.size > MAX_PAGE_BYTES) {
        // Not even sent: the server would refuse it the same way.
        result = { ok: false, code: "invalid_input", messageKey: "import_too_large" };
      } else {
        try {
          result = await importPageFile(form);
        } catch {
          result = { ok: false, code: "internal", messageKey: "internal" };
        }
      }
      items[i] = result.ok
        ? { name: file.name, state: "ok", result: result.data }
        : { name: file.name, state: "failed", message: failureLines(result).join(" ") };
      dispatch({ type: "batch", items: [...items] });
    }
    const ok = items.filter((item) => item.state === "ok").length;
    dispatch({
      type: "batch",
      items: [...items],
      progress: format(m.batchDone, { n: files.length, ok, failed: files.length - ok }),
    });
    setBusy(false);
  }

  const change = (next: Review) => dispatch({ type: "correct", review: next });
  const first = Number(target.pageNumber) || 1;

  return (
    <div className="space-y-4">
      <section
        aria-labelledby="import-source"
        className="grid gap-4 rounded-lg border border-rule bg-white p-4 lg:grid-cols-[1fr_22rem]"
      >
        <form onSubmit={onParse} className="space-y-2">
          <h2 id="import-source" className="font-bold">
            {m.sourceTitle}
          </h2>
          <label className="block text-sm">
            <span className="mb-1 block">{m.pasteLabel}</span>
            <textarea
              value={text}
              onChange={(e) => dispatch({ type: "text", text: e.target.value })}
              placeholder={m.pastePlaceholder}
              rows={6}
              lang="zh-CN"
              className={`${input} font-serif`}
            />
          </label>
          <button type="submit" className={button} disabled={busy}>
            {m.parse}
          </button>
          <label className="block text-sm">
            <span className="mb-1 block">{m.fileLabel}</span>
            <input
              type="file"
              accept=".txt,text/plain"
              multiple
              disabled={busy}
              onChange={(e) => {
                void onFiles(e.target.files);
                e.target.value = "";
              }}
              className="block text-sm"
            />
          </label>
          <p className="text-xs text-muted">{m.fileHint}</p>
        </form>
        <ImportTarget
          target={target}
          messages={m}
          onChange={(change) => dispatch({ type: "target", change })}
        />
      </section>

      <div
        role="status"
        aria-live="polite"
        data-testid="import-notice"
        className="min-h-5 space-y-1 text-sm"
      >
        {notice?.lines.map((line) => (
          <p key={line} className={notice.ok ? "text-green-800" : "text-red-700"}>
            {line}
          </p>
        ))}
        {imported ? (
          <p className="text-green-800">
            {format(m.imported, {
              count: imported.storyCount,
              date: imported.date,
              page: imported.pageNumber,
            })}{" "}
            <Link
              href={`/desk/issues/${imported.issueId}?page=${imported.pageNumber}`}
              className="text-accent underline"
            >
              {m.openLayout}
            </Link>
          </p>
        ) : null}
      </div>

      {batchFiles.length > 1 ? (
        <ImportBatch
          batchFiles={batchFiles}
          batch={batch}
          progress={progress}
          first={first}
          busy={busy}
          messages={m}
          onStart={() => void onBatch()}
        />
      ) : null}

      {review ? (
        <div className="space-y-3">
          <div className="flex flex-wrap items-center gap-3">
            <button
              type="button"
              className={button}
              disabled={busy}
              onClick={() => void onImport()}
            >
              {busy ? m.importing : format(m.import, { count: articles.length })}
            </button>
            <button
              type="button"
              className={button}
              disabled={busy}
              onClick={() => {
                dispatch({ type: "drop", notice: null });
              }}
            >
              {m.startOver}
            </button>
            {flagged > 0 ? (
              <span className="text-sm font-medium text-red-700" data-testid="import-flagged">
                {format(m.flaggedCount, { count: flagged })}
              </span>
            ) : null}
            {banner ? (
              <span className="text-sm" data-testid="import-banner">
                {format(m.banner, { text: banner })}
              </span>
            ) : null}
          </div>
          <div className="grid gap-4 lg:grid-cols-2">
            <SourceLines
              review={review}
              storyNumber={storyNumber}
              messages={m}
              onRole={(index, role) => change(setLineRole(review, index, role))}
            />
            <section aria-labelledby="import-stories" className="space-y-3">
              <h2 id="import-stories" className="font-bold">
                {format(m.parsedStories, { count: articles.length })}
              </h2>
              {articles.length === 0 ? <p className="text-sm text-muted">{m.noStories}</p> : null}
              {articles.map((article, index) => (
                <StoryCard
                  key={article.id}
                  article={article}
                  index={index}
                  messages={messages}
                  onMerge={() => change(mergeWithPrevious(review, article.id))}
                  onSplit={(line) => change(splitStory(review, article.id, line))}
                  onEdit={(edit) => change(editStory(review, article.id, edit))}
                />
              ))}
            </section>
          </div>
        </div>
      ) : null}
    </div>
  );
}
