"use client";
// The import desk: page text pasted or uploaded, the parser's reading line by line beside the
// stories it makes, corrections (line roles, merge, split, names, headlines) kept in the browser,
// then one import onto an issue page; several files go straight in, one page each.
import Link from "next/link";
import { type FormEvent, useMemo, useState } from "react";
import {
  type ImportedPage,
  importPageFile,
  importReviewedPage,
  readImportFile,
} from "@/app/(newsroom)/desk/import/actions";
import { splitNames } from "@/lib/byline";
import { STORY_KINDS, type StoryKind } from "@/lib/domain/story";
import { type ActionResult, errorText } from "@/lib/errors";
import { type Dictionary, format } from "@/lib/i18n/dictionary";
import { MAX_PAGE_BYTES } from "@/lib/import/decode";
import {
  type BylineNames,
  EDITABLE_ROLES,
  editStory,
  mergeWithPrevious,
  type Review,
  type ReviewedArticle,
  reviewedArticles,
  reviewedBanner,
  setLineRole,
  splitStory,
  startReview,
} from "@/lib/import/review";
import type { LineRole } from "@/lib/import/types";

type Messages = Pick<Dictionary, "importDesk" | "errors" | "stories">;
type Target = { date: string; pageNumber: string; pageName: string; status: "approved" | "draft" };
type Notice = { ok: boolean; lines: string[] };
type BatchItem = {
  name: string;
  state: "waiting" | "running" | "ok" | "failed";
  message?: string;
  result?: ImportedPage;
};

const input = "w-full rounded border border-rule bg-white px-2 py-1";
const button = "rounded border border-rule bg-white px-3 py-1 disabled:opacity-40";
const smallButton = "rounded border border-rule bg-white px-2 py-0.5 text-xs disabled:opacity-40";

// Colour helps the eye; the label says the role, so colour is never the only sign.
const ROLE_STYLE: Record<LineRole, string> = {
  banner: "bg-purple-100 text-purple-900 border-purple-300",
  label: "bg-teal-100 text-teal-900 border-teal-300",
  kicker: "bg-amber-100 text-amber-900 border-amber-300",
  headline: "bg-red-100 text-red-900 border-red-300",
  subheadline: "bg-orange-100 text-orange-900 border-orange-300",
  subhead: "bg-indigo-100 text-indigo-900 border-indigo-300",
  byline: "bg-sky-100 text-sky-900 border-sky-300",
  body: "bg-white text-ink border-rule",
  chrome: "bg-gray-100 text-gray-600 border-gray-300",
  duplicate: "bg-gray-100 text-gray-600 border-gray-300",
  blank: "bg-white text-muted border-rule",
};
const DROPPED: readonly LineRole[] = ["chrome", "duplicate"];

export function ImportDesk({ messages }: { messages: Messages }) {
  const m = messages.importDesk;
  const [text, setText] = useState("");
  const [source, setSource] = useState<string>(m.pasted);
  const [review, setReview] = useState<Review | null>(null);
  const [notice, setNotice] = useState<Notice | null>(null);
  const [target, setTarget] = useState<Target>({
    date: "",
    pageNumber: "1",
    pageName: "",
    status: "approved",
  });
  const [imported, setImported] = useState<(ImportedPage & { date: string }) | null>(null);
  const [batchFiles, setBatchFiles] = useState<File[]>([]);
  const [batch, setBatch] = useState<BatchItem[]>([]);
  const [progress, setProgress] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const articles = useMemo(() => (review ? reviewedArticles(review) : []), [review]);
  const banner = review ? reviewedBanner(review) : null;
  const storyNumber = new Map(articles.map((a, i) => [a.id, i + 1]));

  function failureLines(result: Extract<ActionResult<unknown>, { ok: false }>): string[] {
    if (!result.fieldErrors) return [errorText(messages.errors, result.messageKey)];
    return Object.entries(result.fieldErrors).map(([field, keys]) => {
      const message = errorText(messages.errors, keys[0] ?? "invalid_input");
      const story = /^page\.articles\.(\d+)/u.exec(field);
      return story ? format(m.storyError, { n: Number(story[1]) + 1, message }) : message;
    });
  }

  function begin(pageText: string, name: string) {
    setReview(startReview(pageText));
    setSource(name);
    setImported(null);
  }

  function onParse(event: FormEvent) {
    event.preventDefault();
    setBatchFiles([]);
    setBatch([]);
    setProgress(null);
    if (text.trim().length === 0) {
      setNotice({ ok: false, lines: [errorText(messages.errors, "import_empty")] });
      setReview(null);
      return;
    }
    setNotice(null);
    begin(text, m.pasted);
  }

  async function onFiles(list: FileList | null) {
    const files = [...(list ?? [])].sort((a, b) => a.name.localeCompare(b.name, "zh-CN"));
    setBatch([]);
    setProgress(null);
    setImported(null);
    if (files.length > 1) {
      setReview(null);
      setNotice(null);
      setBatchFiles(files);
      return;
    }
    setBatchFiles([]);
    const file = files[0];
    if (!file) return;
    if (file.size > MAX_PAGE_BYTES) {
      setReview(null);
      setNotice({
        ok: false,
        lines: [`${file.name}：${errorText(messages.errors, "import_too_large")}`],
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
      setReview(null);
      setNotice({ ok: false, lines: failureLines(result).map((l) => `${file.name}：${l}`) });
      return;
    }
    setText(result.data.text);
    begin(result.data.text, result.data.name);
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
        articles: articles.map(({ id: _id, paragraphLines: _lines, ...article }) => article),
      },
    });
    setBusy(false);
    if (!result.ok) {
      setNotice({ ok: false, lines: failureLines(result) });
      return;
    }
    setNotice(null);
    setImported({ ...result.data, date: target.date });
    setReview(null);
  }

  async function onBatch() {
    const files = batchFiles;
    const first = Number(target.pageNumber);
    setBusy(true);
    setNotice(null);
    const items: BatchItem[] = files.map((f) => ({ name: f.name, state: "waiting" }));
    setBatch([...items]);
    for (const [i, file] of files.entries()) {
      setProgress(format(m.batchProgress, { i: i + 1, n: files.length, name: file.name }));
      items[i] = { name: file.name, state: "running" };
      setBatch([...items]);
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
      setBatch([...items]);
    }
    const ok = items.filter((item) => item.state === "ok").length;
    setProgress(format(m.batchDone, { n: files.length, ok, failed: files.length - ok }));
    setBusy(false);
  }

  const change = (next: Review) => setReview(next);
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
              onChange={(e) => setText(e.target.value)}
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
        <fieldset className="space-y-2 text-sm">
          <legend className="font-bold">{m.targetTitle}</legend>
          <label className="block">
            <span className="mb-1 block">{m.date}</span>
            <input
              type="date"
              value={target.date}
              onChange={(e) => setTarget({ ...target, date: e.target.value })}
              className={input}
            />
          </label>
          <div className="grid grid-cols-[6rem_1fr] gap-2">
            <label className="block">
              <span className="mb-1 block">{m.pageNumber}</span>
              <input
                type="number"
                min={1}
                max={999}
                value={target.pageNumber}
                onChange={(e) => setTarget({ ...target, pageNumber: e.target.value })}
                className={input}
              />
            </label>
            <label className="block">
              <span className="mb-1 block">{m.pageName}</span>
              <input
                value={target.pageName}
                placeholder={m.pageNamePlaceholder}
                maxLength={40}
                onChange={(e) => setTarget({ ...target, pageName: e.target.value })}
                className={input}
              />
            </label>
          </div>
          <fieldset>
            <legend className="mb-1">{m.status}</legend>
            {(["approved", "draft"] as const).map((status) => (
              <label key={status} className="mr-4 inline-flex items-center gap-1">
                <input
                  type="radio"
                  name="import-status"
                  checked={target.status === status}
                  onChange={() => setTarget({ ...target, status })}
                />
                {m[status]}
              </label>
            ))}
          </fieldset>
        </fieldset>
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
        <section
          aria-labelledby="import-batch"
          className="space-y-2 rounded-lg border border-rule bg-white p-4"
        >
          <h2 id="import-batch" className="font-bold">
            {m.batchTitle}
          </h2>
          <p className="text-sm">
            {format(m.batchFiles, {
              count: batchFiles.length,
              from: first,
              to: first + batchFiles.length - 1,
            })}
          </p>
          <button type="button" className={button} disabled={busy} onClick={() => void onBatch()}>
            {format(m.batchStart, { count: batchFiles.length })}
          </button>
          {progress ? (
            <p className="text-sm font-medium" data-testid="batch-progress">
              {progress}
            </p>
          ) : null}
          <ol className="space-y-1 text-sm" data-testid="batch-results">
            {batch.map((item) => (
              <li key={item.name} data-state={item.state} className="flex flex-wrap gap-2">
                <span className="font-medium">{item.name}</span>
                {item.state === "ok" && item.result ? (
                  <>
                    <span className="text-green-800">
                      ✓{" "}
                      {format(m.fileOk, {
                        count: item.result.storyCount,
                        page: item.result.pageNumber,
                      })}
                    </span>
                    <Link
                      href={`/desk/issues/${item.result.issueId}?page=${item.result.pageNumber}`}
                      className="text-accent underline"
                    >
                      {m.openLayout}
                    </Link>
                  </>
                ) : null}
                {item.state === "failed" ? (
                  <span className="text-red-700">
                    ✗ {format(m.fileFailed, { message: item.message ?? "" })}
                  </span>
                ) : null}
                {item.state === "waiting" || item.state === "running" ? (
                  <span className="text-muted">
                    {item.state === "running" ? "…" : m.fileWaiting}
                  </span>
                ) : null}
              </li>
            ))}
          </ol>
        </section>
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
                setReview(null);
                setNotice(null);
              }}
            >
              {m.startOver}
            </button>
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

function SourceLines({
  review,
  storyNumber,
  messages: m,
  onRole,
}: {
  review: Review;
  storyNumber: Map<number, number>;
  messages: Messages["importDesk"];
  onRole: (index: number, role: (typeof EDITABLE_ROLES)[number]) => void;
}) {
  return (
    <section aria-labelledby="import-lines" className="space-y-2 lg:sticky lg:top-4 lg:self-start">
      <h2 id="import-lines" className="font-bold">
        {m.sourceLines}
      </h2>
      <ol className="space-y-1 rounded-lg border border-rule bg-white p-2 text-sm lg:max-h-[88vh] lg:overflow-auto">
        {review.lines.map((line, index) => {
          if (line.role === "blank") return null;
          const story = line.story === null ? null : storyNumber.get(line.story);
          const editable = (EDITABLE_ROLES as readonly string[]).includes(line.role);
          return (
            <li
              // biome-ignore lint/suspicious/noArrayIndexKey: a source line is its position
              key={index}
              data-testid="source-line"
              data-role={line.role}
              data-line={index + 1}
              className={`grid grid-cols-[2.5rem_5.5rem_1fr] items-start gap-2 rounded border px-1 py-1 ${ROLE_STYLE[line.role]}`}
            >
              <span className="text-right text-xs text-muted tabular-nums">{index + 1}</span>
              <span className="space-y-1">
                <select
                  aria-label={format(m.lineRole, { line: index + 1 })}
                  value={line.role}
                  onChange={(e) => onRole(index, e.target.value as (typeof EDITABLE_ROLES)[number])}
                  className="w-full rounded border border-rule bg-white px-1 text-xs font-medium text-ink"
                >
                  {editable ? null : (
                    <option value={line.role} disabled>
                      {m.roles[line.role]}
                    </option>
                  )}
                  {EDITABLE_ROLES.map((role) => (
                    <option key={role} value={role}>
                      {role === "chrome" && line.role !== "chrome" ? m.dropLine : m.roles[role]}
                    </option>
                  ))}
                </select>
                {story ? (
                  <span className="block text-xs text-muted">
                    {format(m.storyTag, { n: story })}
                  </span>
                ) : null}
              </span>
              <span
                lang="zh-CN"
                className={`break-all ${DROPPED.includes(line.role) ? "line-through" : ""}`}
              >
                <span className="sr-only">{m.roles[line.role]}：</span>
                {line.text.trim()}
              </span>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function StoryCard({
  article,
  index,
  messages,
  onMerge,
  onSplit,
  onEdit,
}: {
  article: ReviewedArticle;
  index: number;
  messages: Messages;
  onMerge: () => void;
  onSplit: (line: number) => void;
  onEdit: (edit: Parameters<typeof editStory>[2]) => void;
}) {
  const m = messages.importDesk;
  const title = format(m.storyNumber, { n: index + 1 });
  const names = (field: keyof Omit<BylineNames, "dateline">) => {
    const value = article.byline[field].join("、");
    return (
      <label className="block">
        <span className="text-xs text-muted">{m[field]}</span>
        <input
          key={`${article.id}-${field}-${value}`}
          defaultValue={value}
          title={m.namesHint}
          onBlur={(e) => {
            if (e.target.value !== value)
              onEdit({ byline: { [field]: splitNames(e.target.value) } });
          }}
          className={input}
        />
      </label>
    );
  };
  const deckField = (field: "kicker" | "headline" | "subheadline") => (
    <label className="block">
      <span className="text-xs text-muted">{m[field]}</span>
      <input
        value={article[field] ?? ""}
        onChange={(e) => onEdit({ [field]: e.target.value })}
        lang="zh-CN"
        className={`${input} ${field === "headline" ? "font-bold" : ""}`}
      />
    </label>
  );
  return (
    <article
      aria-label={title}
      data-testid="story-card"
      className="space-y-2 rounded-lg border border-rule bg-white p-3 text-sm"
    >
      <header className="flex flex-wrap items-center justify-between gap-2">
        <h3 className="font-bold">
          {title} · {article.headline ?? m.noHeadline}
        </h3>
        <span className="flex items-center gap-2">
          <select
            aria-label={messages.stories.kind}
            value={article.kind}
            onChange={(e) => onEdit({ kind: e.target.value as StoryKind })}
            className="rounded border border-rule bg-white px-1 text-xs"
          >
            {STORY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {messages.stories.kinds[kind]}
              </option>
            ))}
          </select>
          {index > 0 ? (
            <button type="button" className={smallButton} onClick={onMerge}>
              {m.mergeUp}
            </button>
          ) : null}
        </span>
      </header>
      {deckField("kicker")}
      {deckField("headline")}
      {deckField("subheadline")}
      <div className="grid grid-cols-2 gap-2">
        <label className="block">
          <span className="text-xs text-muted">{m.dateline}</span>
          <input
            value={article.byline.dateline ?? ""}
            onChange={(e) => onEdit({ byline: { dateline: e.target.value } })}
            className={input}
          />
        </label>
        {names("reporters")}
        {names("correspondents")}
        {names("photographers")}
      </div>
      {article.byline.agency || article.byline.credit ? (
        <p className="text-xs text-muted" lang="zh-CN">
          {article.byline.agency ? `${m.agency}：${article.byline.agency} ` : ""}
          {article.byline.credit ? `${m.credit}：${article.byline.credit}` : ""}
        </p>
      ) : null}
      <div>
        <p className="text-xs text-muted">
          {format(m.paragraphs, { count: article.paragraphs.length })}
        </p>
        <ol className="space-y-1">
          {article.paragraphs.map((paragraph, i) => {
            const line = article.paragraphLines[i];
            return (
              <li
                // biome-ignore lint/suspicious/noArrayIndexKey: paragraphs are positional
                key={i}
                data-testid="story-paragraph"
                className="rounded border border-transparent px-1 hover:border-rule"
              >
                <p lang="zh-CN" className="font-serif indent-[2em] leading-relaxed">
                  {paragraph}
                </p>
                {i > 0 && line !== undefined ? (
                  <button type="button" className={smallButton} onClick={() => onSplit(line)}>
                    {m.splitHere}
                  </button>
                ) : null}
              </li>
            );
          })}
        </ol>
      </div>
    </article>
  );
}
