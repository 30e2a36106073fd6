// Byline lines on their own (本报记者 X, 新华社记者 X 摄, By JOHN SMITH): under a headline they
// lead the story; after its text they close it, a photo credit making it a photo story (pure).
import { mergeByline } from "./bylines";
import type { PageWalk } from "./page-walk";
import type { RuleId } from "./rules";
import { bylineRun, photoCreditOf } from "./story-boundaries";
import { hasNames } from "./story-draft";

/** Reads the run of byline lines starting at `i`; returns the index of the last one read. */
export function readBylineLines(walk: PageWalk, i: number): number {
  const run = bylineRun(walk.units, i);
  const last = i + run.length - 1;
  const draft = walk.current;
  if (draft && draft.paragraphs.length === 0 && !draft.closed) {
    for (const u of run) {
      draft.byline = mergeByline(draft.byline, u.byline ?? {});
      walk.mark(u, "byline", "bylineLine");
    }
    draft.hasLead = draft.hasLead || hasNames(draft.byline);
    return last;
  }
  const target = walk.openOrStart();
  const credit = photoCreditOf(run);
  if (credit) {
    target.byline = mergeByline(target.byline, credit);
    target.hasPhotoCredit = true;
  } else {
    for (const u of run) target.byline = mergeByline(target.byline, u.byline ?? {});
  }
  target.closed = target.paragraphs.length > 0;
  const rule: RuleId = credit ? "bylinePhotoCredit" : "bylineClosing";
  for (const u of run) walk.mark(u, "byline", rule, target);
  return last;
}
