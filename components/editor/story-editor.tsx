"use client";
// The story editor: headline and byline fields, the Tiptap body, autosave, recovery of text
// kept on this device, side-by-side resolution of conflicting saves, and workflow steps. Its
// pieces: story-fields, recovery-notice, conflict-panel, char-count, save-indicator, step-note;
// use-autosave saves, use-story-steps takes the workflow steps.
import { EditorContent, useEditor } from "@tiptap/react";
import Link from "next/link";
import { useCallback, useEffect, useRef, useState } from "react";
import { CharCount } from "@/components/editor/char-count";
import { ConflictPanel } from "@/components/editor/conflict-panel";
import { type EditorFields, fieldsFromStory, sameFields } from "@/components/editor/fields";
import { type LocalDraft, readLocalDraft } from "@/components/editor/local-draft";
import { PhotoPicker } from "@/components/editor/photo-picker";
import { RecoveryNotice } from "@/components/editor/recovery-notice";
import { SaveIndicator } from "@/components/editor/save-indicator";
import { StepNote } from "@/components/editor/step-note";
import { StoryFields } from "@/components/editor/story-fields";
import { Toolbar } from "@/components/editor/toolbar";
import { useAutosave } from "@/components/editor/use-autosave";
import { useStorySteps } from "@/components/editor/use-story-steps";
import { useFormat } from "@/components/ui/locale-provider";
import { Notice } from "@/components/ui/notice";
import type { RichTextDoc } from "@/lib/domain/rich-text";
import { EDITOR_EXTENSIONS } from "@/lib/editor-extensions";
import { errorText } from "@/lib/errors";
import type { Dictionary } from "@/lib/i18n/dictionary";
import type { StorySnapshot } from "@/lib/story-access";
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

function sameDoc(a: RichTextDoc, b: RichTextDoc): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

export function StoryEditor({ story, canEdit, actions, messages, locale }: Props) {
  const format = useFormat();
  const m = messages.editor;
  const [fields, setFields] = useState<EditorFields>(() => fieldsFromStory(story));
  const fieldsRef = useRef(fields);
  const [recovery, setRecovery] = useState<LocalDraft | null>(null);
  const [pickerOpen, setPickerOpen] = useState(false);
  const errorFor = useCallback((key: string) => errorText(messages.errors, key), [messages]);
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

  const steps = useStorySteps({
    story,
    canEdit,
    editor,
    fieldsRef,
    autosave,
    messages,
    errorText: errorFor,
  });
  const { pendingAction, note, notice, busy, correcting } = steps;

  return (
    <div className="space-y-4">
      {recovery ? (
        <RecoveryNotice
          draft={recovery}
          messages={m}
          locale={locale}
          onRestore={() => restoreLocal(recovery)}
          onDiscard={() => setRecovery(null)}
        />
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

      <StoryFields
        fields={fields}
        disabled={!canEdit && !correcting}
        messages={messages}
        onChange={updateField}
      />

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
              errorText={errorFor}
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
              onClick={() => void steps.runAction(action)}
              className="rounded bg-ink px-3 py-1 font-semibold text-white disabled:opacity-50"
            >
              {messages.actions[action]}
            </button>
          ))}
        </div>
      </div>

      {pendingAction ? (
        <StepNote
          action={pendingAction}
          note={note}
          busy={busy}
          messages={messages}
          onNote={steps.setNote}
          onConfirm={() => void steps.runAction(pendingAction)}
          onClose={steps.closeNote}
        />
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
