"use client";
// The story's headings, kind and byline fields above the body.
import type { EditorFields } from "@/components/editor/fields";
import { STORY_KINDS } from "@/lib/domain/story";
import type { Dictionary } from "@/lib/i18n/dictionary";

export const fieldClass = "w-full rounded border border-rule px-2 py-1 disabled:bg-desk";

export function StoryFields({
  fields,
  disabled,
  messages,
  onChange,
}: {
  fields: EditorFields;
  disabled: boolean;
  messages: Pick<Dictionary, "editor" | "stories">;
  onChange: <K extends keyof EditorFields>(key: K, value: EditorFields[K]) => void;
}) {
  const m = messages.editor;
  const textField = (
    key: keyof EditorFields,
    label: string,
    props: { large?: boolean; hint?: string } = {},
  ) => (
    <div>
      <label htmlFor={`field-${key}`} className="mb-1 block text-sm font-medium">
        {label}
      </label>
      <input
        id={`field-${key}`}
        value={fields[key]}
        disabled={disabled}
        maxLength={200}
        aria-describedby={props.hint ? `field-${key}-hint` : undefined}
        onChange={(e) => onChange(key, e.target.value)}
        className={`${fieldClass} ${props.large ? "text-xl font-bold" : ""}`}
        lang="zh-CN"
      />
      {props.hint ? (
        <p id={`field-${key}-hint`} className="mt-0.5 text-xs text-muted">
          {props.hint}
        </p>
      ) : null}
    </div>
  );

  return (
    <>
      <div className="grid gap-3 md:grid-cols-[1fr_12rem]">
        <div className="space-y-3">
          {textField("kicker", m.kicker)}
          {textField("headline", m.headline, { large: true })}
          {textField("subheadline", m.subheadline)}
        </div>
        <div>
          <label htmlFor="field-kind" className="mb-1 block text-sm font-medium">
            {m.kind}
          </label>
          <select
            id="field-kind"
            value={fields.kind}
            disabled={disabled}
            onChange={(e) => onChange("kind", e.target.value as EditorFields["kind"])}
            className={fieldClass}
          >
            {STORY_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {messages.stories.kinds[kind]}
              </option>
            ))}
          </select>
        </div>
      </div>

      <fieldset className="grid gap-3 rounded border border-rule bg-white p-3 md:grid-cols-4">
        <legend className="px-1 text-sm font-medium">{m.byline}</legend>
        {textField("dateline", m.dateline)}
        {textField("reporters", m.reporters, { hint: m.namesHint })}
        {textField("correspondents", m.correspondents)}
        {textField("photographers", m.photographers)}
        {fields.kind === "photo" ? (
          <div className="md:col-span-4">{textField("credit", m.credit)}</div>
        ) : null}
      </fieldset>
    </>
  );
}
