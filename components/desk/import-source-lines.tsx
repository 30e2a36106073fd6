"use client";
// The source lines of a page under review: each with its role (which the editor can change),
// its story and the rule that decided it.
import { format } from "@/lib/i18n/dictionary";
import { EDITABLE_ROLES, type Review } from "@/lib/import/review";
import type { LineRole } from "@/lib/import/types";
import type { ImportMessages } from "./import-messages";

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

export function SourceLines({
  review,
  storyNumber,
  messages: m,
  onRole,
}: {
  review: Review;
  storyNumber: Map<number, number>;
  messages: ImportMessages["importDesk"];
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
              className={`grid grid-cols-[2.5rem_7rem_1fr] items-start gap-2 rounded border px-1 py-1 ${ROLE_STYLE[line.role]}`}
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
                {line.rule ? (
                  <span
                    className="block text-[10px] leading-tight text-muted"
                    data-testid="line-rule"
                    data-rule={line.rule}
                    title={format(m.ruleOf, { line: index + 1 })}
                  >
                    {m.rules[line.rule]}
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
