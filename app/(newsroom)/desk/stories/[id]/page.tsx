// `/desk/stories/<id>`: the story in the editor (or read-only when it may not change).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { StoryEditor } from "@/components/editor/story-editor";
import { formatDateTime } from "@/lib/dates";
import { AppError } from "@/lib/errors";
import { getDictionary, getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { requireViewer } from "@/lib/session";
import { getSettings } from "@/lib/settings";
import { getDeskStory } from "@/lib/stories";
import { StoryId } from "@/lib/story-input";
import { availableActions } from "@/lib/workflow";

type Params = Promise<{ id: string }>;

async function load(params: Params) {
  const viewer = await requireViewer();
  const id = StoryId.safeParse((await params).id);
  if (!id.success) notFound();
  try {
    return { viewer, story: getDeskStory(viewer, id.data) };
  } catch (error) {
    if (error instanceof AppError && error.code === "not_found") notFound();
    throw error;
  }
}

export async function generateMetadata({ params }: { params: Params }): Promise<Metadata> {
  const { story } = await load(params);
  const t = getTranslator(await getRequestLocale());
  return { title: story.headline || t("stories.untitled") };
}

export default async function StoryPage({ params }: { params: Params }) {
  const { viewer, story } = await load(params);
  const locale = await getRequestLocale();
  const dictionary = getDictionary(locale);
  const t = getTranslator(locale);
  const { timezone } = getSettings();
  const { comments, canEdit, authorName, ...snapshot } = story;
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_18rem]">
      <div>
        <p className="mb-3 text-sm text-muted">
          {t("editor.author", { name: authorName })} · {t(`statuses.${story.status}`)} ·{" "}
          {t("editor.version", { version: story.version })}
        </p>
        <StoryEditor
          key={`${story.id}-${story.status}-${story.version}`}
          story={snapshot}
          canEdit={canEdit}
          actions={availableActions(viewer, story)}
          locale={locale}
          messages={{
            editor: dictionary.editor,
            errors: dictionary.errors,
            statuses: dictionary.statuses,
            actions: dictionary.actions,
            stories: dictionary.stories,
          }}
        />
      </div>
      <aside
        aria-labelledby="notes-title"
        className="rounded-lg border border-rule bg-white p-4 text-sm"
      >
        <h2 id="notes-title" className="mb-2 font-bold">
          {t("editor.notes")}
        </h2>
        {comments.length === 0 ? <p className="text-muted">{t("editor.noNotes")}</p> : null}
        <ol className="space-y-3">
          {comments.map((c) => (
            <li key={c.id} className="border-l-4 border-amber-400 pl-2">
              <p className="whitespace-pre-line" lang="zh-CN">
                {c.body}
              </p>
              <p className="text-xs text-muted">
                {c.authorName} · {formatDateTime(new Date(c.createdAt), timezone, locale)}
              </p>
            </li>
          ))}
        </ol>
      </aside>
    </div>
  );
}
