"use client";
// The editor's workflow steps: submit, pass, return and spike (with a note where one is
// required), and an editor's correction of a published story (the text opens, autosave stays
// off, the correction is published with its note). The step's message survives the refresh.
import type { Editor } from "@tiptap/react";
import { useRouter } from "next/navigation";
import { type RefObject, useEffect, useState } from "react";
import { correctStory, transitionStory } from "@/app/(newsroom)/desk/stories/actions";
import { type EditorFields, payloadOf } from "@/components/editor/fields";
import { failureKey } from "@/lib/errors";
import type { Dictionary } from "@/lib/i18n/dictionary";
import type { StorySnapshot } from "@/lib/story-access";
import type { StoryAction } from "@/lib/workflow/story";

const NOTE_ACTIONS: readonly StoryAction[] = ["return", "spike", "unpublish", "correct"];

export type Notice = { kind: "ok" | "error"; text: string };

export function useStorySteps({
  story,
  canEdit,
  editor,
  fieldsRef,
  autosave,
  messages,
  errorText,
}: {
  story: StorySnapshot;
  canEdit: boolean;
  editor: Editor | null;
  fieldsRef: RefObject<EditorFields>;
  autosave: { save: () => Promise<void>; hasUnsaved: () => boolean };
  messages: Pick<Dictionary, "editor" | "statuses">;
  errorText: (key: string) => string;
}) {
  const m = messages.editor;
  const router = useRouter();
  const [pendingAction, setPendingAction] = useState<StoryAction | null>(null);
  const [note, setNote] = useState("");
  const [notice, setNotice] = useState<Notice | null>(null);
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
      setNotice({ kind: "error", text: errorText(failureKey(result)) });
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
      setNotice({ kind: "error", text: errorText(failureKey(result)) });
    }
  }

  return {
    pendingAction,
    closeNote: () => setPendingAction(null),
    note,
    setNote,
    notice,
    busy,
    correcting,
    runAction,
  };
}
