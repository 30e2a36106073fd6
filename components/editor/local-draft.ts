// The editor's copy of unsaved work on this device: written on every change, removed once the
// server has confirmed a save that includes it. It survives a crash, a closed tab or a reload.

import type { EditorFields } from "@/components/editor/fields";
import type { RichTextDoc } from "@/lib/domain/rich-text";

export type LocalDraft = {
  baseVersion: number;
  fields: EditorFields;
  body: RichTextDoc;
  keptAt: number;
};

const key = (storyId: number) => `masthead:story:${storyId}`;

export function readLocalDraft(storyId: number): LocalDraft | null {
  try {
    const raw = window.localStorage.getItem(key(storyId));
    if (!raw) return null;
    const draft = JSON.parse(raw) as LocalDraft;
    return typeof draft.baseVersion === "number" && draft.body?.type === "doc" ? draft : null;
  } catch {
    return null;
  }
}

/** False when the browser refused (storage full or disabled): the caller says so. */
export function writeLocalDraft(storyId: number, draft: LocalDraft): boolean {
  try {
    window.localStorage.setItem(key(storyId), JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}

export function clearLocalDraft(storyId: number): void {
  try {
    window.localStorage.removeItem(key(storyId));
  } catch {
    // nothing kept, nothing to clear
  }
}
