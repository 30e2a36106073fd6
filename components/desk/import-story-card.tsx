"use client";
import { useFormat } from "@/components/ui/locale-provider";
// One story of a page under review: its confidence and doubts, deck, names, kind and
// paragraphs, each correctable; merge it into the story above, or split it at a paragraph.
import { splitNames } from "@/lib/byline";
import { STORY_KINDS, type StoryKind } from "@/lib/domain/story";
import type { BylineNames, editStory, ReviewedArticle } from "@/lib/import/review";
import { type ImportMessages, input, smallButton } from "./import-messages";

export function StoryCard({
  article,
  index,
  messages,
  onMerge,
  onSplit,
  onEdit,
}: {
  article: ReviewedArticle;
  index: number;
  messages: ImportMessages;
  onMerge: () => void;
  onSplit: (line: number) => void;
  onEdit: (edit: Parameters<typeof editStory>[2]) => void;
}) {
  const format = useFormat();
  const m = messages.importDesk;
  const title = format(m.storyNumber, { n: index + 1 });
  const names = (field: keyof Omit<BylineNames, "dateline">) => {
    const value = article.byline[field].join(messages.common.listSeparator);
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
      data-flagged={article.flagged ? "true" : "false"}
      className={`space-y-2 rounded-lg border bg-white p-3 text-sm ${article.flagged ? "border-red-400" : "border-rule"}`}
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
      <p
        data-testid="story-confidence"
        data-flagged={article.flagged ? "true" : "false"}
        className={`text-xs ${article.flagged ? "font-medium text-red-700" : "text-muted"}`}
      >
        {format(m.confidence, { percent: Math.round(article.confidence * 100) })}
        {article.flagged ? ` · ${m.flagged}` : ""}
      </p>
      {article.doubts.length > 0 ? (
        <ul aria-label={m.whyLow} className="list-disc pl-5 text-xs text-muted">
          {article.doubts.map((doubt) => (
            <li key={doubt}>{m.doubts[doubt]}</li>
          ))}
        </ul>
      ) : null}
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
          {[
            article.byline.agency
              ? format(messages.common.labelled, { label: m.agency, value: article.byline.agency })
              : "",
            article.byline.credit
              ? format(messages.common.labelled, { label: m.credit, value: article.byline.credit })
              : "",
          ]
            .filter(Boolean)
            .join(" ")}
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
