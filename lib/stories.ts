// Writing stories on the desk: creating, saving (optimistic concurrency), proofreading
// corrections, restoring a revision, workflow steps. Reads are in lib/story-reads, revisions in
// lib/story-revisions, the body's checks in lib/story-body, its photo links in lib/story-photos.
import "server-only";
import { and, eq } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { type Story, stories, storyRevisions } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { CHINESE_BYLINE_WORDS } from "@/lib/byline";
import type { RichTextDoc } from "@/lib/domain/rich-text";
import type { Byline } from "@/lib/domain/story";
import { AppError } from "@/lib/errors";
import { assertStoryTextOpen } from "@/lib/page-freeze";
import { can, type NamedActor } from "@/lib/permissions";
import { loadVisibleStory, type StorySnapshot, snapshotOf } from "@/lib/story-access";
import { prepareBody } from "@/lib/story-body";
import type {
  CreateStoryInput,
  RestoreInput,
  StoryFields,
  TransitionInput,
} from "@/lib/story-input";
import { syncStoryPhotos } from "@/lib/story-photos";
import { insertRevision, recordAutosaveRevision } from "@/lib/story-revisions";
import { insertStory } from "@/lib/story-rows";
import { countCharacters } from "@/lib/text";
import { allowed, applyTransition } from "@/lib/workflow/apply";
import { listDeskRoles, storyContext, storyState } from "@/lib/workflow/context";
import { canEditStory, decideStory } from "@/lib/workflow/story";

export function createStory(
  viewer: NamedActor,
  input: CreateStoryInput,
  now: Date,
  body?: RichTextDoc,
): StorySnapshot {
  if (!can(viewer, "story:create")) throw new AppError("forbidden");
  const prepared = prepareBody(body ?? { type: "doc", content: [] });
  const byline: Byline = {
    dateline: input.kind === "photo" ? null : CHINESE_BYLINE_WORDS.dateline,
    agency: null,
    reporters: input.kind === "photo" ? [] : [viewer.displayName],
    correspondents: [],
    photographers: input.kind === "photo" ? [viewer.displayName] : [],
    credit: null,
  };
  return db().transaction(
    (tx) => {
      const desks = listDeskRoles(tx, viewer.id);
      const deskId =
        input.deskId !== undefined && desks.some((d) => d.deskId === input.deskId)
          ? input.deskId
          : (desks[0]?.deskId ?? null);
      const story = insertStory(
        tx,
        {
          kind: input.kind,
          kicker: null,
          headline: input.headline,
          subheadline: null,
          byline,
          ...prepared,
        },
        { authorId: viewer.id, deskId, reason: "create", now },
      );
      return snapshotOf(story);
    },
    { behavior: "immediate" },
  );
}

type StoryText = Partial<
  Pick<
    Story,
    "kind" | "kicker" | "headline" | "subheadline" | "byline" | "body" | "bodyText" | "charCount"
  >
>;

/**
 * The one way the editor's text is written: the viewer must be allowed to edit the story, and
 * the write happens only if the story is still at the version the writer edited.
 */
function writeStoryText(
  tx: Tx,
  viewer: NamedActor,
  storyId: number,
  baseVersion: number,
  now: Date,
  text: StoryText,
): { ok: true; updated: Story } | { ok: false; conflict: StorySnapshot } {
  const current = loadVisibleStory(tx, viewer, storyId);
  if (!canEditStory(viewer, current)) throw new AppError("forbidden", "story_locked");
  assertStoryTextOpen(tx, current.id);
  if (current.version !== baseVersion) return { ok: false, conflict: snapshotOf(current) };
  const updated = tx
    .update(stories)
    .set({ ...text, version: current.version + 1, updatedAt: now })
    .where(and(eq(stories.id, current.id), eq(stories.version, current.version)))
    .returning()
    .get();
  return updated ? { ok: true, updated } : { ok: false, conflict: snapshotOf(current) };
}

function savedResult(updated: Story, now: Date): SaveResult {
  return {
    ok: true,
    version: updated.version,
    updatedAt: now.getTime(),
    charCount: updated.charCount,
  };
}

export type SaveResult =
  | { ok: true; version: number; updatedAt: number; charCount: number }
  | { ok: false; conflict: StorySnapshot };

/**
 * Save the editor's text. The save names the version it was based on; if the story has
 * moved on since (another tab, an editor), nothing is written and the newer story is
 * returned so the writer can compare and choose.
 */
export function saveStory(
  viewer: NamedActor,
  input: { storyId: number; baseVersion: number; fields: StoryFields; overwrite?: boolean },
  now: Date,
): SaveResult {
  const prepared = prepareBody(input.fields.body);
  return db().transaction(
    (tx) => {
      const written = writeStoryText(tx, viewer, input.storyId, input.baseVersion, now, {
        kind: input.fields.kind,
        kicker: input.fields.kicker,
        headline: input.fields.headline,
        subheadline: input.fields.subheadline,
        byline: input.fields.byline,
        ...prepared,
      });
      if (!written.ok) return written;
      const { updated } = written;
      // A deliberate overwrite after a conflict starts a revision of its own, so the text it
      // replaced stays in the history instead of being folded away.
      if (input.overwrite) insertRevision(tx, updated, "autosave", viewer.id, now);
      else recordAutosaveRevision(tx, updated, viewer.id, now);
      syncStoryPhotos(tx, updated.id, updated.body);
      recordAudit(tx, {
        actorId: viewer.id,
        action: input.overwrite ? "story.overwrite" : "story.save",
        subjectType: "story",
        subjectId: updated.id,
        detail: { version: updated.version },
        now,
      });
      return savedResult(updated, now);
    },
    { behavior: "immediate" },
  );
}

/**
 * An accepted proofreading mark changes the body through the same guarded write as the editor
 * (permission, frozen page, compare-and-set on the version), with a revision of its own.
 */
export function writeProofCorrection(
  tx: Tx,
  viewer: NamedActor,
  input: { storyId: number; baseVersion: number; body: RichTextDoc; markId: number },
  now: Date,
): Story {
  const prepared = prepareBody(input.body);
  const written = writeStoryText(tx, viewer, input.storyId, input.baseVersion, now, prepared);
  if (!written.ok) throw new AppError("conflict", "save_conflict");
  insertRevision(tx, written.updated, "proofread", viewer.id, now);
  syncStoryPhotos(tx, written.updated.id, written.updated.body);
  recordAudit(tx, {
    actorId: viewer.id,
    action: "story.proofread",
    subjectType: "story",
    subjectId: written.updated.id,
    detail: { markId: input.markId, version: written.updated.version },
    now,
  });
  return written.updated;
}

/** Take a workflow step (submit, pass a level, return, spike) as lib/workflow decides it. */
export function transitionStory(
  viewer: NamedActor,
  input: TransitionInput,
  now: Date,
): StorySnapshot {
  return db().transaction(
    (tx) => {
      const story = loadVisibleStory(tx, viewer, input.storyId);
      if (input.expectedStatus && input.expectedStatus !== story.status) {
        throw new AppError("conflict", "status_changed");
      }
      const decision = allowed(
        decideStory(
          storyContext(tx, viewer, "desk"),
          storyState(tx, story),
          input.action,
          input.note,
        ),
      );
      if (input.action === "submit" && !story.headline.trim()) {
        throw new AppError("invalid_input", "headline_required", {
          headline: ["headline_required"],
        });
      }
      return snapshotOf(applyTransition(tx, { kind: "story", row: story }, decision, viewer, now));
    },
    { behavior: "immediate" },
  );
}

/** Bring back an old revision's text as a new save (and a new revision); nothing is lost. */
export function restoreRevision(viewer: NamedActor, input: RestoreInput, now: Date): SaveResult {
  const revision = db()
    .select()
    .from(storyRevisions)
    .where(and(eq(storyRevisions.id, input.revisionId), eq(storyRevisions.storyId, input.storyId)))
    .get();
  if (!revision) throw new AppError("not_found");
  return db().transaction(
    (tx) => {
      const written = writeStoryText(tx, viewer, input.storyId, input.baseVersion, now, {
        kicker: revision.kicker,
        headline: revision.headline,
        subheadline: revision.subheadline,
        byline: revision.byline,
        body: revision.body,
        bodyText: revision.bodyText,
        charCount: countCharacters(revision.bodyText),
      });
      if (!written.ok) return written;
      const { updated } = written;
      insertRevision(tx, updated, "restore", viewer.id, now);
      syncStoryPhotos(tx, updated.id, updated.body);
      recordAudit(tx, {
        actorId: viewer.id,
        action: "story.restore",
        subjectType: "story",
        subjectId: updated.id,
        detail: { revisionId: revision.id, fromVersion: revision.version },
        now,
      });
      return savedResult(updated, now);
    },
    { behavior: "immediate" },
  );
}
