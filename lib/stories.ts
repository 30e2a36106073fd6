// Stories on the desk: creating, saving (optimistic concurrency), workflow steps, revisions.
import "server-only";
import { and, desc, eq, inArray, ne } from "drizzle-orm";
import { db, type Tx } from "@/db/client";
import { type Story, stories, storyComments, storyRevisions, users } from "@/db/schema";
import { recordAudit } from "@/lib/audit";
import { CHINESE_BYLINE_WORDS } from "@/lib/byline";
import type { RichTextDoc } from "@/lib/domain/rich-text";
import type { Byline } from "@/lib/domain/story";
import { AppError } from "@/lib/errors";
import { assertStoryTextOpen, frozenPageOfStory } from "@/lib/page-freeze";
import { can, type NamedActor } from "@/lib/permissions";
import { insertRevision } from "@/lib/revisions";
import type {
  CreateStoryInput,
  RestoreInput,
  StoryFields,
  TransitionInput,
} from "@/lib/story-input";
import { getStoryProgress, type StoryProgress } from "@/lib/story-progress";
import { insertStory, prepareBody, syncStoryPhotos } from "@/lib/story-rows";
import { countCharacters } from "@/lib/text";
import { allowed, applyTransition } from "@/lib/workflow/apply";
import { listDeskRoles, storyContext, storyState } from "@/lib/workflow/context";
import { canEditStory, decideStory } from "@/lib/workflow/story";

/** Autosaves within this window of the last autosave revision by the same person fold into it. */
export const REVISION_WINDOW_MS = 5 * 60 * 1000;

/** What an editor needs to show a story; also what a conflicting save is shown beside. */
export type StorySnapshot = Pick<
  Story,
  | "id"
  | "kind"
  | "kicker"
  | "headline"
  | "subheadline"
  | "byline"
  | "body"
  | "status"
  | "version"
  | "authorId"
  | "charCount"
> & { updatedAt: number };

function snapshotOf(story: Story): StorySnapshot {
  return {
    id: story.id,
    kind: story.kind,
    kicker: story.kicker,
    headline: story.headline,
    subheadline: story.subheadline,
    byline: story.byline,
    body: story.body,
    status: story.status,
    version: story.version,
    authorId: story.authorId,
    charCount: story.charCount,
    updatedAt: story.updatedAt.getTime(),
  };
}

/** Reporters see their own stories; editors and admins see every story. */
export function canViewStory(viewer: NamedActor, story: Pick<Story, "authorId">): boolean {
  return can(viewer, "story:edit-any") || story.authorId === viewer.id;
}

function loadVisible(tx: Tx, viewer: NamedActor, storyId: number): Story {
  const story = tx.select().from(stories).where(eq(stories.id, storyId)).get();
  // Another reporter's story answers "not found", so ids reveal nothing.
  if (!story || !canViewStory(viewer, story)) throw new AppError("not_found");
  return story;
}

/** Keep a revision of an autosave, folded into the last one while the same person keeps typing. */
function recordAutosaveRevision(tx: Tx, story: Story, authorId: number, now: Date): void {
  const last = tx
    .select({
      id: storyRevisions.id,
      reason: storyRevisions.reason,
      authorId: storyRevisions.authorId,
      createdAt: storyRevisions.createdAt,
    })
    .from(storyRevisions)
    .where(eq(storyRevisions.storyId, story.id))
    .orderBy(desc(storyRevisions.id))
    .limit(1)
    .get();
  const foldable =
    last &&
    last.reason === "autosave" &&
    last.authorId === authorId &&
    now.getTime() - last.createdAt.getTime() < REVISION_WINDOW_MS;
  if (!foldable) {
    insertRevision(tx, story, "autosave", authorId, now);
    return;
  }
  tx.update(storyRevisions)
    .set({
      version: story.version,
      kicker: story.kicker,
      headline: story.headline,
      subheadline: story.subheadline,
      byline: story.byline,
      body: story.body,
      bodyText: story.bodyText,
    })
    .where(eq(storyRevisions.id, last.id))
    .run();
}

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
  const current = loadVisible(tx, viewer, storyId);
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
      const story = loadVisible(tx, viewer, input.storyId);
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

/** A story as the desk's editor shows it; its notes come from lib/comments. */
export type DeskStory = StorySnapshot & {
  canEdit: boolean;
  authorName: string;
  progress: StoryProgress;
  /** It sits on a signed-off page: its text is frozen until the page is reopened. */
  isFrozen: boolean;
};

export function getDeskStory(viewer: NamedActor, storyId: number): DeskStory {
  const story = loadVisible(db(), viewer, storyId);
  const author = db()
    .select({ name: users.displayName })
    .from(users)
    .where(eq(users.id, story.authorId))
    .get();
  const isFrozen = frozenPageOfStory(db(), story.id) !== undefined;
  return {
    ...snapshotOf(story),
    canEdit: canEditStory(viewer, story) && !isFrozen,
    authorName: author?.name ?? "",
    progress: getStoryProgress(viewer, story),
    isFrozen,
  };
}

export type MyStory = {
  id: number;
  headline: string;
  status: Story["status"];
  charCount: number;
  updatedAt: number;
  latestNote: string | null;
};

/** A reporter's own stories, newest first, each with the latest editor's note. */
export function listMyStories(viewer: NamedActor): MyStory[] {
  const rows = db()
    .select({
      id: stories.id,
      headline: stories.headline,
      status: stories.status,
      charCount: stories.charCount,
      updatedAt: stories.updatedAt,
    })
    .from(stories)
    .where(eq(stories.authorId, viewer.id))
    .orderBy(desc(stories.updatedAt))
    .limit(500)
    .all();
  if (rows.length === 0) return [];
  const notes = db()
    .select({ storyId: storyComments.storyId, body: storyComments.body, id: storyComments.id })
    .from(storyComments)
    .where(
      and(
        inArray(
          storyComments.storyId,
          rows.map((r) => r.id),
        ),
        // The reporter's own replies are not editors' notes.
        ne(storyComments.authorId, viewer.id),
      ),
    )
    .orderBy(desc(storyComments.id))
    .all();
  const latest = new Map<number, string>();
  for (const note of notes) if (!latest.has(note.storyId)) latest.set(note.storyId, note.body);
  return rows.map((r) => ({
    ...r,
    updatedAt: r.updatedAt.getTime(),
    latestNote: latest.get(r.id) ?? null,
  }));
}

export type RevisionSummary = {
  id: number;
  version: number;
  reason: string;
  authorName: string | null;
  createdAt: number;
  charCount: number;
};

export function listRevisions(viewer: NamedActor, storyId: number): RevisionSummary[] {
  loadVisible(db(), viewer, storyId);
  return db()
    .select({
      id: storyRevisions.id,
      version: storyRevisions.version,
      reason: storyRevisions.reason,
      authorName: users.displayName,
      createdAt: storyRevisions.createdAt,
      bodyText: storyRevisions.bodyText,
    })
    .from(storyRevisions)
    .leftJoin(users, eq(storyRevisions.authorId, users.id))
    .where(eq(storyRevisions.storyId, storyId))
    .orderBy(desc(storyRevisions.id))
    .all()
    .map(({ bodyText, ...r }) => ({
      ...r,
      createdAt: r.createdAt.getTime(),
      charCount: countCharacters(bodyText),
    }));
}

export type RevisionText = { id: number; version: number; title: string; text: string };

/** A revision as text for comparing: its headings and body, one line per block. */
export function getRevisionText(
  viewer: NamedActor,
  storyId: number,
  revisionId: number,
): RevisionText {
  loadVisible(db(), viewer, storyId);
  const revision = db()
    .select()
    .from(storyRevisions)
    .where(and(eq(storyRevisions.id, revisionId), eq(storyRevisions.storyId, storyId)))
    .get();
  if (!revision) throw new AppError("not_found");
  const title = [revision.kicker, revision.headline, revision.subheadline]
    .filter(Boolean)
    .join("\n");
  return { id: revision.id, version: revision.version, title, text: revision.bodyText };
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
