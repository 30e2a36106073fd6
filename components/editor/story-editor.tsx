"use client";
import { EditorContent, useEditor } from "@tiptap/react";
import Link from "next/link";
import { useRouter } from "next/navigation";
import { useCallback, useEffect, useRef, useState } from "react";
import { correctStory, transitionStory } from "@/app/(newsroom)/desk/stories/actions";
import {
  type EditorFields,
  fieldsFromStory,
  payloadOf,
  sameFields,
} from "@/components/editor/fields";
import { type LocalDraft, readLocalDraft } from "@/components/editor/local-draft";
import { PhotoPicker } from "@/components/editor/photo-picker";
import { Toolbar } from "@/components/editor/toolbar";
import { type SaveState, useAutosave } from "@/components/editor/use-autosave";
import { Notice } from "@/components/ui/notice";
import type { RichTextDoc } from "@/lib/domain/rich-text";
import { STORY_KINDS } from "@/lib/domain/story";
import { EDITOR_EXTENSIONS } from "@/lib/editor-extensions";
// The story editor: headline and byline fields, the Tiptap body, autosave, recovery of text
// kept on this device, side-by-side resolution of conflicting saves, and workflow steps.
import { errorText, failureText } from "@/lib/errors";
import { type Dictionary, format } from "@/lib/i18n/dictionary";
import type { StorySnapshot } from "@/lib/stories";
import { countCharacters, docToPlainText } from "@/lib/text";
import type { StoryAction } from "@/lib/workflow/story";

export type EditorMessages = Pick<
  Dictionary,
  "editor" | "errors" | "statuses" | "actions" | "stories"
>;

type Props = {
  story: StorySnapshot;
  canEdit: boolean;
  actions: StoryAction[];
  messages: EditorMessages;
  locale: string;
};

const NOTE_ACTIONS: readonly StoryAction[] = ["return", "spike", "unpublish", "correct"];

function sameDoc(a: RichTextDoc, b: RichTextDoc): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function StoryEditor({ story, canEdit, actions, messages, locale }: Props) {
  const m = messages.editor;
  const router = useRouter();
  const [fields, setFields] = useState<EditorFields>(() => fieldsFromStory(story));
  const fieldsRef = useRef(fields);
  const [recovery, setRecovery] = useState<LocalDraft | null>(null);
  const [pickerOpen, setPickerOpen] = useState(false);
  const [pendingAction, setPendingAction] = useState<StoryAction | null>(null);
  const [note, setNote] = useState("");
  const [notice, setNotice] = useState<{ kind: "ok" | "error"; text: string } | null>(null);
  const [busy, setBusy] = useState(false);
  /** An editor correcting a published story: the text opens, autosave stays off. */
  const [correcting, setCorrecting] = useState(false);
  const flashKey = `masthead:notice:${story.id}`;

  // A workflow step reloads the page's data and remounts the editor; its message survives that.
  useEffect(() => {
    const flash = window.sessionStorage.getItem(flashKey);
    if (flash) {
      window.sessionStorage.removeItem(flashKey);
      setNotice({ kind: "ok", text: flash });
    }
  }, [flashKey]);

  function refreshWith(message: string) {
    window.sessionStorage.setItem(flashKey, message);
    setNotice({ kind: "ok", text: message });
    router.refresh();
  }

  const editor = useEditor({
    extensions: EDITOR_EXTENSIONS,
    content: story.body,
    editable: canEdit,
    immediatelyRender: false,
    shouldRerenderOnTransaction: false,
    editorProps: {
      attributes: {
        class: "story-body min-h-80 p-4 text-lg focus:outline-none",
        lang: "zh-CN",
        "aria-label": m.body,
      },
    },
  });

  const read = useCallback(
    () => (editor ? { fields: fieldsRef.current, body: editor.getJSON() as RichTextDoc } : null),
    [editor],
  );
  const autosave = useAutosave({
    storyId: story.id,
    initialVersion: story.version,
    enabled: canEdit,
    read,
    isComposing: () => editor?.view.composing ?? false,
  });
  const { markChanged } = autosave;

  useEffect(() => {
    if (!editor) return;
    const onUpdate = () => markChanged();
    editor.on("update", onUpdate);
    return () => {
      editor.off("update", onUpdate);
    };
  }, [editor, markChanged]);

  // Text kept on this device that the server never confirmed: offer it back.
  useEffect(() => {
    if (!editor || !canEdit) return;
    const draft = readLocalDraft(story.id);
    if (!draft) return;
    const differs =
      !sameFields(draft.fields, fieldsFromStory(story)) || !sameDoc(draft.body, story.body);
    if (differs) setRecovery(draft);
  }, [editor, canEdit, story]);

  function updateField<K extends keyof EditorFields>(key: K, value: EditorFields[K]) {
    const next = { ...fieldsRef.current, [key]: value };
    fieldsRef.current = next;
    setFields(next);
    markChanged();
  }

  function restoreLocal(draft: LocalDraft) {
    if (!editor) return;
    fieldsRef.current = draft.fields;
    setFields(draft.fields);
    editor.commands.setContent(draft.body, { emitUpdate: false });
    setRecovery(null);
    autosave.adoptLocal(draft.baseVersion);
  }

  function takeTheirs(theirs: StorySnapshot) {
    if (!editor) return;
    const next = fieldsFromStory(theirs);
    fieldsRef.current = next;
    setFields(next);
    editor.commands.setContent(theirs.body, { emitUpdate: false });
    autosave.accept(theirs.version, theirs.updatedAt);
  }

  function startCorrection() {
    setCorrecting(true);
    setPendingAction("correct");
    editor?.setEditable(true);
    editor?.commands.focus();
  }

  async function publishCorrection() {
    if (!editor || !note.trim()) return;
    setBusy(true);
    const result = await correctStory({
      storyId: story.id,
      baseVersion: story.version,
      ...payloadOf(fieldsRef.current),
      body: editor.getJSON(),
      note: note.trim(),
    });
    setBusy(false);
    if (result.ok) {
      setCorrecting(false);
      setPendingAction(null);
      setNote("");
      refreshWith(m.correctionPublished);
    } else {
      setNotice({ kind: "error", text: failureText(messages.errors, result) });
    }
  }

  async function runAction(action: StoryAction) {
    if (action === "correct") {
      if (!correcting) startCorrection();
      else await publishCorrection();
      return;
    }
    if (NOTE_ACTIONS.includes(action) && !note.trim()) {
      setPendingAction(action);
      return;
    }
    setBusy(true);
    setNotice(null);
    if (canEdit) await autosave.save();
    if (canEdit && autosave.hasUnsaved()) {
      setBusy(false);
      return; // the save state explains what is wrong
    }
    const result = await transitionStory({
      storyId: story.id,
      action,
      note: note.trim() || undefined,
      expectedStatus: story.status,
    });
    setBusy(false);
    if (result.ok) {
      setPendingAction(null);
      setNote("");
      refreshWith(action === "submit" ? m.submitted : messages.statuses[result.data.status]);
    } else {
      setNotice({ kind: "error", text: failureText(messages.errors, result) });
    }
  }

  const input = "w-full rounded border border-rule px-2 py-1 disabled:bg-desk";
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
        disabled={!canEdit && !correcting}
        maxLength={200}
        aria-describedby={props.hint ? `field-${key}-hint` : undefined}
        onChange={(e) => updateField(key, e.target.value)}
        className={`${input} ${props.large ? "text-xl font-bold" : ""}`}
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
    <div className="space-y-4">
      {recovery ? (
        <div role="alert" className="rounded-lg border border-amber-400 bg-amber-50 p-4">
          <h2 className="font-bold">{m.restoreTitle}</h2>
          <p className="mb-2 text-sm">
            {format(m.restoreBody, { time: new Date(recovery.keptAt).toLocaleString(locale) })}
          </p>
          <p
            className="mb-3 line-clamp-3 whitespace-pre-line rounded bg-white p-2 text-sm"
            lang="zh-CN"
          >
            {recovery.fields.headline}
            {"\n"}
            {docToPlainText(recovery.body).slice(0, 300)}
          </p>
          <div className="flex gap-2">
            <button
              type="button"
              onClick={() => restoreLocal(recovery)}
              className="rounded bg-ink px-3 py-1 text-white"
            >
              {m.restore}
            </button>
            <button
              type="button"
              onClick={() => setRecovery(null)}
              className="rounded border border-rule px-3 py-1"
            >
              {m.discard}
            </button>
          </div>
        </div>
      ) : null}

      {autosave.state.kind === "conflict" && editor ? (
        <ConflictPanel
          messages={m}
          mine={{ fields, body: editor.getJSON() as RichTextDoc }}
          theirs={autosave.state.theirs}
          onKeepMine={() =>
            autosave.state.kind === "conflict" && autosave.overwrite(autosave.state.theirs.version)
          }
          onTakeTheirs={() =>
            autosave.state.kind === "conflict" && takeTheirs(autosave.state.theirs)
          }
        />
      ) : null}

      {!canEdit && !correcting ? (
        <p className="rounded bg-white p-3 text-sm">
          {format(m.readOnly, { status: messages.statuses[story.status] })}
        </p>
      ) : null}

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
            disabled={!canEdit && !correcting}
            onChange={(e) => updateField("kind", e.target.value as EditorFields["kind"])}
            className={input}
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

      <div className="overflow-hidden rounded-lg border border-rule bg-white">
        {editor ? (
          <Toolbar editor={editor} messages={m} onInsertPhoto={() => setPickerOpen(true)} />
        ) : null}
        <EditorContent editor={editor} />
      </div>

      <div className="flex flex-wrap items-center justify-between gap-3 text-sm">
        <div className="flex items-center gap-4">
          {editor ? <CharCount editor={editor} label={m.charCount} /> : null}
          {canEdit ? (
            <SaveIndicator
              state={autosave.state}
              messages={m}
              errors={messages.errors}
              locale={locale}
            />
          ) : null}
          {autosave.localKeepFailed ? (
            <span className="text-red-700">{errorText(messages.errors, "internal")}</span>
          ) : null}
        </div>
        <div className="flex flex-wrap items-center gap-2">
          <Link href={`/desk/stories/${story.id}/history`} className="text-accent hover:underline">
            {m.history}
          </Link>
          {canEdit ? (
            <button
              type="button"
              onClick={() => void autosave.save()}
              className="rounded border border-rule px-3 py-1"
            >
              {m.saveNow}
            </button>
          ) : null}
          {actions.map((action) => (
            <button
              key={action}
              type="button"
              disabled={busy}
              onClick={() => void runAction(action)}
              className="rounded bg-ink px-3 py-1 font-semibold text-white disabled:opacity-50"
            >
              {messages.actions[action]}
            </button>
          ))}
        </div>
      </div>

      {pendingAction ? (
        <div className="rounded-lg border border-rule bg-white p-3">
          <label htmlFor="action-note" className="mb-1 block text-sm font-medium">
            {format(m.noteFor, { action: messages.actions[pendingAction] })}
          </label>
          <textarea
            id="action-note"
            value={note}
            onChange={(e) => setNote(e.target.value)}
            rows={3}
            maxLength={2000}
            className={input}
          />
          <div className="mt-2 flex gap-2">
            <button
              type="button"
              disabled={busy || !note.trim()}
              onClick={() => void runAction(pendingAction)}
              className="rounded bg-ink px-3 py-1 text-white disabled:opacity-50"
            >
              {m.confirm}
            </button>
            <button
              type="button"
              onClick={() => setPendingAction(null)}
              className="rounded border border-rule px-3 py-1"
            >
              {messages.editor.pickerClose}
            </button>
          </div>
        </div>
      ) : null}

      <Notice notice={notice} className="min-h-5 text-sm" inline />

      {pickerOpen && editor ? (
        <PhotoPicker
          messages={messages}
          onClose={() => setPickerOpen(false)}
          onPick={(photo) => {
            setPickerOpen(false);
            editor
              .chain()
              .focus()
              .insertContent({
                type: "photo",
                attrs: {
                  mediaId: photo.id,
                  width: photo.width,
                  height: photo.height,
                  caption: photo.caption,
                  credit: photo.credit,
                  alt: photo.alt,
                },
              })
              .run();
          }}
        />
      ) : null}
    </div>
  );
}

/** 字数, recounted a moment after typing pauses: counting a long story on every key is wasted work. */
function CharCount({
  editor,
  label,
}: {
  editor: NonNullable<ReturnType<typeof useEditor>>;
  label: string;
}) {
  const [count, setCount] = useState(() => countCharacters(editor.getText()));
  useEffect(() => {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const recount = () => {
      clearTimeout(timer);
      timer = setTimeout(() => setCount(countCharacters(editor.getText())), 250);
    };
    editor.on("update", recount);
    return () => {
      clearTimeout(timer);
      editor.off("update", recount);
    };
  }, [editor]);
  return <span data-testid="char-count">{format(label, { count })}</span>;
}

function SaveIndicator({
  state,
  messages: m,
  errors,
  locale,
}: {
  state: SaveState;
  messages: Dictionary["editor"];
  errors: Dictionary["errors"];
  locale: string;
}) {
  const text =
    state.kind === "saved"
      ? state.at
        ? format(m.savedAt, { time: new Date(state.at).toLocaleTimeString(locale) })
        : m.saved
      : state.kind === "saving"
        ? m.saving
        : state.kind === "dirty"
          ? m.dirty
          : state.kind === "offline"
            ? m.offline
            : state.kind === "conflict"
              ? m.conflictState
              : format(m.failed, { message: errorText(errors, state.messageKey) });
  const tone =
    state.kind === "offline" || state.kind === "conflict" || state.kind === "error"
      ? "text-red-700"
      : "text-muted";
  return (
    <span data-testid="save-state" data-state={state.kind} className={tone}>
      {text}
    </span>
  );
}

function ConflictPanel({
  messages: m,
  mine,
  theirs,
  onKeepMine,
  onTakeTheirs,
}: {
  messages: Dictionary["editor"];
  mine: { fields: EditorFields; body: RichTextDoc };
  theirs: StorySnapshot;
  onKeepMine: () => void;
  onTakeTheirs: () => void;
}) {
  return (
    <section
      role="alert"
      aria-labelledby="conflict-title"
      className="rounded-lg border border-red-300 bg-red-50 p-4"
    >
      <h2 id="conflict-title" className="font-bold">
        {m.conflictTitle}
      </h2>
      <p className="mb-3 text-sm">{m.conflictBody}</p>
      <div className="grid gap-3 md:grid-cols-2">
        <div className="rounded bg-white p-3" data-testid="conflict-mine">
          <h3 className="mb-1 text-sm font-bold">{m.yourVersion}</h3>
          <p className="font-bold" lang="zh-CN">
            {mine.fields.headline}
          </p>
          <p className="max-h-64 overflow-y-auto whitespace-pre-line text-sm" lang="zh-CN">
            {docToPlainText(mine.body)}
          </p>
          <button
            type="button"
            onClick={onKeepMine}
            className="mt-2 rounded bg-ink px-3 py-1 text-white"
          >
            {m.keepMine}
          </button>
        </div>
        <div className="rounded bg-white p-3" data-testid="conflict-theirs">
          <h3 className="mb-1 text-sm font-bold">
            {format(m.theirVersion, { version: theirs.version })}
          </h3>
          <p className="font-bold" lang="zh-CN">
            {theirs.headline}
          </p>
          <p className="max-h-64 overflow-y-auto whitespace-pre-line text-sm" lang="zh-CN">
            {docToPlainText(theirs.body)}
          </p>
          <button
            type="button"
            onClick={onTakeTheirs}
            className="mt-2 rounded border border-rule px-3 py-1"
          >
            {m.takeTheirs}
          </button>
        </div>
      </div>
    </section>
  );
}
