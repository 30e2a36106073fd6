// Where a story stands: a stepper of its process, who holds it now, and the reviews passed.
import { formatDateTime } from "@/lib/dates";
import type { Locale } from "@/lib/domain/locales";
import type { Translate } from "@/lib/i18n/dictionary";
import type { StoryProgress as Progress, ProgressStep } from "@/lib/story-progress";
import { levelKey } from "@/lib/workflow/levels";

export function levelName(t: Translate, level: number, total: number): string {
  return t(`workflow.levels.${levelKey(level, total)}`, { n: level });
}

function stepName(t: Translate, step: ProgressStep, total: number): string {
  if (step.kind === "level") return levelName(t, step.level ?? 1, total);
  return t(`workflow.steps.${step.kind}`);
}

function holderText(t: Translate, progress: Progress, authorName: string): string {
  const { holder } = progress;
  switch (holder.kind) {
    case "author":
      return t("workflow.holderAuthor", { name: authorName });
    case "level":
      return t("workflow.holderLevel", {
        desk: holder.deskName ?? "",
        passer: t(`workflow.passers.${holder.passer}`),
        level: levelName(t, holder.level, holder.total),
      });
    case "layout":
      return t("workflow.holderLayout");
    case "none":
      return t("workflow.holderNone");
  }
}

export function StoryProgress({
  progress,
  authorName,
  t,
  locale,
  timezone,
}: {
  progress: Progress;
  authorName: string;
  t: Translate;
  locale: Locale;
  timezone: string;
}) {
  return (
    <section
      aria-labelledby="progress-title"
      className="mb-4 rounded-lg border border-rule bg-white p-4 text-sm"
    >
      <h2 id="progress-title" className="sr-only">
        {t("workflow.stepperLabel")}
      </h2>
      <ol
        aria-label={t("workflow.stepperLabel")}
        className="flex flex-wrap gap-2"
        data-testid="story-stepper"
      >
        {progress.steps.map((step, i) => (
          <li
            key={`${step.kind}-${step.level ?? i}`}
            aria-current={step.state === "current" ? "step" : undefined}
            data-state={step.state}
            className={
              step.state === "current"
                ? "rounded-full bg-accent px-3 py-1 font-semibold text-white"
                : step.state === "done"
                  ? "rounded-full bg-desk px-3 py-1 text-ink"
                  : "rounded-full border border-rule px-3 py-1 text-muted"
            }
          >
            {stepName(t, step, progress.levels)}
            {step.state === "done" ? (
              <span className="sr-only">（{t("workflow.stepDone")}）</span>
            ) : null}
          </li>
        ))}
      </ol>
      <p className="mt-3" data-testid="story-holder">
        {t("workflow.holder", { who: holderText(t, progress, authorName) })}
        {progress.deskName ? ` · ${t("workflow.desk")}：${progress.deskName}` : ""}
      </p>
      {progress.passes.length > 0 ? (
        <ul aria-label={t("workflow.passes")} className="mt-2 space-y-1 text-muted">
          {progress.passes.map((pass) => (
            <li key={pass.level}>
              {t("workflow.passedBy", {
                level: levelName(t, pass.level, progress.levels),
                name: pass.userName,
                when: formatDateTime(new Date(pass.createdAt), timezone, locale),
                version: pass.version,
              })}
            </li>
          ))}
        </ul>
      ) : null}
    </section>
  );
}
