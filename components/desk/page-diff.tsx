// What changed on a reopened page since it was signed off: page fields, layout (stories added,
// removed, moved, re-slotted) and each story's text as a word diff.
import { type Dictionary, formatter } from "@/lib/i18n/dictionary";
import type { Locale } from "@/lib/i18n/locales";
import type { PageDiff } from "@/lib/sign-off";

type Props = {
  diff: PageDiff;
  messages: Pick<Dictionary, "signOff"> & { slots: Dictionary["issues"]["slots"] };
  locale: Locale;
};

export function PageDiffView({ diff, messages, locale }: Props) {
  const format = formatter(locale);
  const m = messages.signOff;
  const slot = (s: string) => messages.slots[s as keyof typeof messages.slots] ?? s;
  const empty = diff.page.length === 0 && diff.layout.length === 0 && diff.stories.length === 0;
  return (
    <section aria-labelledby="diff-title" className="space-y-2" data-testid="sign-off-diff">
      <h3 id="diff-title" className="font-semibold">
        {m.diffTitle}
      </h3>
      {empty ? <p className="text-muted">{m.noChanges}</p> : null}
      {diff.page.length > 0 || diff.layout.length > 0 ? (
        <div>
          <h4 className="text-xs font-semibold text-muted">{m.layoutChanges}</h4>
          <ul className="list-disc pl-5" data-testid="layout-diff" lang="zh-CN">
            {diff.page.map((c) => (
              <li key={c.field}>
                {format(m.pageFieldChange, {
                  field: m.pageField[c.field],
                  before: c.before,
                  after: c.after,
                })}
              </li>
            ))}
            {diff.layout.map((c) => (
              <li key={`${c.kind}-${c.storyId}`}>
                {c.kind === "added" || c.kind === "removed"
                  ? format(m[c.kind], { headline: c.headline, slot: slot(c.slot) })
                  : c.kind === "moved"
                    ? format(m.moved, { headline: c.headline, from: c.from, to: c.to })
                    : format(m.slot, { headline: c.headline, from: slot(c.from), to: slot(c.to) })}
              </li>
            ))}
          </ul>
        </div>
      ) : null}
      {diff.stories.length > 0 ? (
        <div className="space-y-2">
          <h4 className="text-xs font-semibold text-muted">{m.textChanges}</h4>
          {diff.stories.map((story) => (
            <div key={story.storyId} data-testid={`text-diff-${story.storyId}`}>
              <p className="font-semibold" lang="zh-CN">
                {format(m.storyVersions, {
                  headline: story.headline,
                  from: story.fromVersion,
                  to: story.toVersion,
                })}
              </p>
              <p className="whitespace-pre-wrap font-serif" lang="zh-CN">
                {story.parts.map((part) =>
                  part.kind === "added" ? (
                    <ins key={part.at} className="bg-green-100 no-underline">
                      {part.text}
                    </ins>
                  ) : part.kind === "removed" ? (
                    <del key={part.at} className="bg-red-100">
                      {part.text}
                    </del>
                  ) : (
                    <span key={part.at}>{part.text}</span>
                  ),
                )}
              </p>
            </div>
          ))}
        </div>
      ) : null}
    </section>
  );
}
