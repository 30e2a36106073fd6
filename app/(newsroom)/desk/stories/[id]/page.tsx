// `/desk/stories/<id>`: the story in the editor (or read-only when it may not change).
import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { EmbargoBadge } from "@/components/desk/embargo-badge";
import { EmbargoControl } from "@/components/desk/embargo-control";
import { type CommentView, StoryComments } from "@/components/desk/story-comments";
import { StoryDeskControl } from "@/components/desk/story-desk-control";
import { levelName, StoryProgress } from "@/components/desk/story-progress";
import { StoryEditor } from "@/components/editor/story-editor";
import { getStoryComments, type StoryComment } from "@/lib/comments";
import { formatDateTime, instantToZonedTime } from "@/lib/dates";
import { getStoryEmbargo } from "@/lib/embargo";
import { embargoLabel } from "@/lib/embargo-labels";
import { isUnderEmbargo } from "@/lib/embargo-rules";
import { AppError } from "@/lib/errors";
import { getDictionary, getTranslator } from "@/lib/i18n/locales";
import { getRequestLocale } from "@/lib/i18n/request-locale";
import { requireViewer } from "@/lib/session";
import { getSettings } from "@/lib/settings";
import { getDeskStory } from "@/lib/stories";
import { getStoryDeskChoice } from "@/lib/story-desk";
import { StoryId } from "@/lib/story-input";

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
  const { canEdit, authorName, progress, isFrozen, ...snapshot } = story;
  const waitingLevel = progress.steps.find((s) => s.kind === "level" && s.state === "current");
  const actionLabels = {
    ...dictionary.actions,
    pass: t("workflow.passLevel", {
      level: levelName(t, waitingLevel?.level ?? progress.levels, progress.levels),
    }),
  };
  const comments = getStoryComments(viewer, story.id);
  const embargo = getStoryEmbargo(viewer, story.id);
  const embargoBadge =
    embargo.until !== null && isUnderEmbargo(embargo.until, new Date())
      ? embargoLabel(embargo.until, timezone, locale)
      : null;
  const commentView = (comment: StoryComment): CommentView => ({
    id: comment.id,
    authorName: comment.authorName,
    body: comment.body,
    anchorText: comment.anchorText,
    when: formatDateTime(new Date(comment.createdAt), timezone, locale),
    resolved: comment.resolvedAt !== null,
  });
  return (
    <div className="grid gap-6 lg:grid-cols-[1fr_20rem]">
      <div>
        <p className="mb-3 text-sm text-muted">
          {t("editor.author", { name: authorName })} · {t(`statuses.${story.status}`)} ·{" "}
          {t("editor.version", { version: story.version })}
          {embargoBadge ? (
            <>
              {" "}
              · <EmbargoBadge label={embargoBadge} />
            </>
          ) : null}
        </p>
        {isFrozen ? (
          <p className="mb-3 rounded bg-amber-50 p-3 text-sm" data-testid="story-frozen">
            {t("signOff.storyFrozen")}
          </p>
        ) : null}
        <StoryProgress
          progress={progress}
          authorName={authorName}
          t={t}
          locale={locale}
          timezone={timezone}
        />
        <StoryEditor
          key={`${story.id}-${story.status}-${story.version}`}
          story={snapshot}
          canEdit={canEdit}
          actions={progress.actions}
          locale={locale}
          messages={{
            editor: dictionary.editor,
            errors: dictionary.errors,
            statuses: dictionary.statuses,
            actions: actionLabels,
            stories: dictionary.stories,
          }}
        />
      </div>
      <aside className="self-start space-y-4 rounded-lg border border-rule bg-white p-4 text-sm">
        <StoryDeskControl
          storyId={story.id}
          version={story.version}
          choice={getStoryDeskChoice(viewer, story.id)}
          messages={{ deskMoves: dictionary.deskMoves, errors: dictionary.errors }}
        />
        <EmbargoControl
          storyId={story.id}
          until={embargo.until}
          label={embargoBadge}
          untilLocal={
            embargo.until !== null ? instantToZonedTime(new Date(embargo.until), timezone) : null
          }
          canChange={embargo.canChange}
          published={story.status === "published"}
          timezone={timezone}
          messages={{ embargo: dictionary.embargo, errors: dictionary.errors }}
        />
        <StoryComments
          storyId={story.id}
          threads={comments.threads.map((thread) => ({
            ...commentView(thread),
            replies: thread.replies.map(commentView),
          }))}
          canAdd={comments.canAdd}
          canReply={comments.canReply}
          canResolve={comments.canResolve}
          messages={{ notes: dictionary.notes, errors: dictionary.errors }}
        />
      </aside>
    </div>
  );
}
