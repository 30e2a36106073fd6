// `/desk/stories/<id>/history`: revisions with who and when, a word-level diff between any
// two, and restoring one as a new revision.
import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { RestoreButton } from "@/components/desk/restore-button";
import { formatDateTime } from "@/lib/dates";
import { diffWords } from "@/lib/diff";
import { AppError } from "@/lib/errors";
import { getDictionary, getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { requireViewer } from "@/lib/session";
import { getSettings } from "@/lib/settings";
import { StoryId } from "@/lib/story-input";
import { getDeskStory } from "@/lib/story-reads";
import { getRevisionText, listRevisions } from "@/lib/story-revisions";

type Props = {
  params: Promise<{ id: string }>;
  searchParams: Promise<{ from?: string; to?: string }>;
};

export async function generateMetadata(): Promise<Metadata> {
  return { title: getTranslator(await getRequestLocale())("history.title") };
}

export default async function HistoryPage({ params, searchParams }: Props) {
  const viewer = await requireViewer();
  const id = StoryId.safeParse((await params).id);
  if (!id.success) notFound();
  const locale = await getRequestLocale();
  const t = getTranslator(locale);
  const { timezone } = getSettings();
  let story: ReturnType<typeof getDeskStory>;
  let revisions: ReturnType<typeof listRevisions>;
  try {
    story = getDeskStory(viewer, id.data);
    revisions = listRevisions(viewer, id.data);
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
  const query = await searchParams;
  const pick = (value: string | undefined, fallback: number | undefined) => {
    const n = Number(value);
    return revisions.some((r) => r.id === n) ? n : fallback;
  };
  const toId = pick(query.to, revisions[0]?.id);
  const fromId = pick(query.from, revisions[1]?.id ?? revisions[0]?.id);
  const from = fromId ? getRevisionText(viewer, id.data, fromId) : null;
  const to = toId ? getRevisionText(viewer, id.data, toId) : null;
  const parts =
    from && to ? diffWords(`${from.title}\n\n${from.text}`, `${to.title}\n\n${to.text}`) : [];
  const changed = parts.some((p) => p.kind !== "same");
  const dictionary = getDictionary(locale);

  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-bold">{t("history.title")}</h1>
        <p className="text-muted" lang="zh-CN">
          {t("history.subtitle", { headline: story.headline || t("stories.untitled") })}
        </p>
        <Link href={`/desk/stories/${story.id}`} className="text-sm text-accent hover:underline">
          {t("history.backToStory")}
        </Link>
      </div>

      <form
        method="get"
        className="flex flex-wrap items-end gap-3 rounded-lg border border-rule bg-white p-4 text-sm"
      >
        {(["from", "to"] as const).map((side) => (
          <div key={side}>
            <label htmlFor={`compare-${side}`} className="mb-1 block font-medium">
              {t(side === "from" ? "history.compareFrom" : "history.compareTo")}
            </label>
            <select
              id={`compare-${side}`}
              name={side}
              defaultValue={String(side === "from" ? fromId : toId)}
              className="rounded border border-rule px-2 py-1"
            >
              {revisions.map((r) => (
                <option key={r.id} value={r.id}>
                  {t("editor.version", { version: r.version })} ·{" "}
                  {t(`history.reasons.${r.reason}` as "history.reasons.autosave")} ·{" "}
                  {formatDateTime(new Date(r.createdAt), timezone, locale)}
                </option>
              ))}
            </select>
          </div>
        ))}
        <button type="submit" className="rounded bg-ink px-3 py-1 text-white">
          {t("history.compare")}
        </button>
      </form>

      {from && to ? (
        <section
          aria-labelledby="diff-title"
          className="rounded-lg border border-rule bg-white p-4"
        >
          <h2 id="diff-title" className="mb-2 font-bold">
            {t("history.diffTitle", { from: from.version, to: to.version })}
          </h2>
          {changed ? (
            <p className="whitespace-pre-wrap leading-8" lang="zh-CN" data-testid="diff">
              {parts.map((part) =>
                part.kind === "same" ? (
                  <span key={part.at}>{part.text}</span>
                ) : part.kind === "added" ? (
                  <ins
                    key={part.at}
                    className="bg-green-100 text-green-900 no-underline"
                    title={t("history.added")}
                  >
                    {part.text}
                  </ins>
                ) : (
                  <del
                    key={part.at}
                    className="bg-red-100 text-red-900"
                    title={t("history.removed")}
                  >
                    {part.text}
                  </del>
                ),
              )}
            </p>
          ) : (
            <p className="text-muted">{t("history.noChanges")}</p>
          )}
        </section>
      ) : null}

      <section aria-labelledby="revisions-title" className="rounded-lg border border-rule bg-white">
        <h2 id="revisions-title" className="sr-only">
          {t("history.title")}
        </h2>
        <table className="w-full text-left text-sm">
          <thead className="bg-desk">
            <tr>
              <th scope="col" className="p-2">
                {t("history.version")}
              </th>
              <th scope="col" className="p-2">
                {t("history.when")}
              </th>
              <th scope="col" className="p-2">
                {t("history.who")}
              </th>
              <th scope="col" className="p-2">
                {t("history.reason")}
              </th>
              <th scope="col" className="p-2">
                {t("stories.length")}
              </th>
              <th scope="col" className="p-2">
                <span className="sr-only">{t("history.restore")}</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {revisions.map((r) => (
              <tr key={r.id} className="border-t border-rule" data-testid={`revision-${r.id}`}>
                <td className="p-2">{t("editor.version", { version: r.version })}</td>
                <td className="p-2">{formatDateTime(new Date(r.createdAt), timezone, locale)}</td>
                <td className="p-2">{r.authorName ?? ""}</td>
                <td className="p-2">
                  {t(`history.reasons.${r.reason}` as "history.reasons.autosave")}
                </td>
                <td className="p-2">{t("stories.lengthValue", { count: r.charCount })}</td>
                <td className="p-2">
                  {story.canEdit && r.version !== story.version ? (
                    <RestoreButton
                      storyId={story.id}
                      revisionId={r.id}
                      baseVersion={story.version}
                      label={t("history.restore")}
                      doneText={t("history.restored", { version: r.version })}
                      errors={dictionary.errors}
                    />
                  ) : null}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </section>
    </div>
  );
}
