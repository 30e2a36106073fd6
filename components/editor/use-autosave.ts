"use client";
// Autosave that never loses text: every change is kept on this device at once and sent to the
// server a moment after typing stops, on Ctrl/Cmd+S and when the page hides. A save names the
// version it was based on; a stale one comes back as a conflict with the newer story.
import { useCallback, useEffect, useRef, useState } from "react";
import type { EditorFields } from "@/components/editor/fields";
import { payloadOf } from "@/components/editor/fields";
import { clearLocalDraft, writeLocalDraft } from "@/components/editor/local-draft";
import type { RichTextDoc } from "@/lib/domain/rich-text";
import type { StorySnapshot } from "@/lib/stories";

export const AUTOSAVE_DELAY_MS = 2000;
const KEEP_LOCAL_DELAY_MS = 300;
const OFFLINE_RETRY_MS = 5000;
/** Browsers refuse keepalive requests over 64 KiB; bigger stories rely on the local copy. */
const KEEPALIVE_LIMIT = 60_000;

export type SaveState =
  | { kind: "saved"; at: number | null }
  | { kind: "dirty" }
  | { kind: "saving" }
  | { kind: "offline" }
  | { kind: "conflict"; theirs: StorySnapshot }
  | { kind: "error"; messageKey: string };

type Options = {
  storyId: number;
  initialVersion: number;
  enabled: boolean;
  read: () => { fields: EditorFields; body: RichTextDoc } | null;
  /** True while an input method is composing: half-typed text is never sent. */
  isComposing: () => boolean;
};

export function useAutosave({ storyId, initialVersion, enabled, read, isComposing }: Options) {
  const baseVersion = useRef(initialVersion);
  const changes = useRef(0);
  /** Set when the writer keeps their text over a newer version; sent with the next save. */
  const overwriting = useRef(false);
  const inFlight = useRef<Promise<void> | null>(null);
  const saveTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const keepTimer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const stateRef = useRef<SaveState>({ kind: "saved", at: null });
  const [state, setStateValue] = useState<SaveState>(stateRef.current);
  const [localKeepFailed, setLocalKeepFailed] = useState(false);

  const setState = useCallback((next: SaveState) => {
    stateRef.current = next;
    setStateValue(next);
  }, []);

  const keepLocally = useCallback(() => {
    clearTimeout(keepTimer.current);
    const current = read();
    if (!current) return;
    const ok = writeLocalDraft(storyId, {
      baseVersion: baseVersion.current,
      ...current,
      keptAt: Date.now(),
    });
    setLocalKeepFailed(!ok);
  }, [read, storyId]);

  const save = useCallback(
    async (options: { keepalive?: boolean } = {}): Promise<void> => {
      if (!enabled || stateRef.current.kind === "conflict") return;
      clearTimeout(saveTimer.current);
      if (isComposing()) {
        saveTimer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
        return;
      }
      if (inFlight.current) {
        await inFlight.current;
        if (changes.current > 0) return save(options);
        return;
      }
      const current = read();
      if (!current) return;
      const changesAtStart = changes.current;
      const body = JSON.stringify({
        ...payloadOf(current.fields),
        body: current.body,
        baseVersion: baseVersion.current,
        ...(overwriting.current ? { overwrite: true } : {}),
      });
      setState({ kind: "saving" });
      const run = (async () => {
        let response: Response;
        try {
          response = await fetch(`/api/stories/${storyId}`, {
            method: "PUT",
            headers: { "Content-Type": "application/json" },
            body,
            keepalive: options.keepalive === true && body.length < KEEPALIVE_LIMIT,
          });
        } catch {
          keepLocally();
          setState({ kind: "offline" });
          return;
        }
        const result = (await response.json().catch(() => null)) as
          | { ok: true; data: { version: number; updatedAt: number } }
          | { ok: false; code: string; messageKey: string; current?: StorySnapshot }
          | null;
        if (result?.ok) {
          overwriting.current = false;
          baseVersion.current = result.data.version;
          if (changes.current === changesAtStart) {
            changes.current = 0;
            clearLocalDraft(storyId);
            setState({ kind: "saved", at: result.data.updatedAt });
          } else {
            changes.current -= changesAtStart;
            keepLocally();
            setState({ kind: "dirty" });
            saveTimer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
          }
          return;
        }
        keepLocally();
        if (result && !result.ok && result.code === "conflict" && result.current) {
          setState({ kind: "conflict", theirs: result.current });
        } else if (response.status >= 500 || !result) {
          setState({ kind: "offline" });
        } else {
          setState({ kind: "error", messageKey: result.messageKey });
        }
      })();
      inFlight.current = run;
      try {
        await run;
      } finally {
        inFlight.current = null;
      }
    },
    [enabled, isComposing, keepLocally, read, setState, storyId],
  );

  /** Call on every change of the fields or the body. */
  const markChanged = useCallback(() => {
    if (!enabled) return;
    changes.current += 1;
    const kind = stateRef.current.kind;
    // Only a change of state re-renders the editor; typing on while dirty costs nothing here.
    if (kind === "saved" || kind === "error") setState({ kind: "dirty" });
    clearTimeout(keepTimer.current);
    keepTimer.current = setTimeout(keepLocally, KEEP_LOCAL_DELAY_MS);
    clearTimeout(saveTimer.current);
    if (kind !== "conflict") saveTimer.current = setTimeout(() => void save(), AUTOSAVE_DELAY_MS);
  }, [enabled, keepLocally, save, setState]);

  /** After a conflict: save this text over the newer version, knowingly. */
  const overwrite = useCallback(
    (theirVersion: number) => {
      baseVersion.current = theirVersion;
      overwriting.current = true;
      setState({ kind: "dirty" });
      void save();
    },
    [save, setState],
  );

  /** After a conflict: take the newer version; the editor loads it. */
  const accept = useCallback(
    (theirVersion: number, at: number) => {
      baseVersion.current = theirVersion;
      changes.current = 0;
      clearLocalDraft(storyId);
      setState({ kind: "saved", at });
    },
    [setState, storyId],
  );

  /** Restored text from this device, written against `version`: save it on. */
  const adoptLocal = useCallback(
    (version: number) => {
      baseVersion.current = version;
      markChanged();
    },
    [markChanged],
  );

  useEffect(() => {
    if (!enabled) return;
    const onKey = (event: KeyboardEvent) => {
      if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === "s") {
        event.preventDefault();
        void save();
      }
    };
    const onHide = () => {
      if (changes.current > 0) {
        keepLocally();
        void save({ keepalive: true });
      }
    };
    const onVisibility = () => {
      if (document.visibilityState === "hidden") onHide();
    };
    const onOnline = () => {
      if (stateRef.current.kind === "offline" || changes.current > 0) void save();
    };
    const retry = setInterval(() => {
      if (stateRef.current.kind === "offline") void save();
    }, OFFLINE_RETRY_MS);
    window.addEventListener("keydown", onKey);
    window.addEventListener("pagehide", onHide);
    document.addEventListener("visibilitychange", onVisibility);
    window.addEventListener("online", onOnline);
    return () => {
      clearInterval(retry);
      window.removeEventListener("keydown", onKey);
      window.removeEventListener("pagehide", onHide);
      document.removeEventListener("visibilitychange", onVisibility);
      window.removeEventListener("online", onOnline);
    };
  }, [enabled, keepLocally, save]);

  useEffect(
    () => () => {
      clearTimeout(saveTimer.current);
      clearTimeout(keepTimer.current);
    },
    [],
  );

  const hasUnsaved = () => changes.current > 0 || stateRef.current.kind !== "saved";
  return { state, save, markChanged, overwrite, accept, adoptLocal, localKeepFailed, hasUnsaved };
}
