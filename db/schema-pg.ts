// The PostgreSQL twin of db/schema.ts: the same tables, SQL names and JS values, for
// DATABASE_URL=postgres://… (docs/postgres.md has the type mapping). db/schema-parity.test.ts
// fails when the two disagree. Generate migrations with `npm run db:generate`.
import { sql } from "drizzle-orm";
import {
  type AnyPgColumn,
  bigint,
  boolean,
  check,
  index,
  integer,
  json,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
} from "drizzle-orm/pg-core";
import { type PageSnapshot, PLACEMENT_SLOTS } from "@/lib/domain/layout";
import { LOCALES } from "@/lib/domain/locales";
import { PROOF_MARK_KINDS, PROOF_MARK_STATES } from "@/lib/domain/proof-marks";
import type { RichTextDoc } from "@/lib/domain/rich-text";
import { type Byline, STORY_KINDS } from "@/lib/domain/story";
import { ROLES } from "@/lib/permissions";
import { ISSUE_STATUSES } from "@/lib/workflow/issue";
import {
  DEFAULT_REVIEW_LEVELS,
  DESK_ROLES,
  LEVEL_PASSERS,
  type ReviewLevel,
} from "@/lib/workflow/levels";
import { PAGE_STATUSES } from "@/lib/workflow/page";
import { STORY_STATUSES } from "@/lib/workflow/story";
import { LOGIN_OUTCOMES } from "./schema";

export { LOGIN_OUTCOMES };

// The domain's vocabulary (kinds, slots, bylines, documents) lives in lib/domain and
// lib/workflow; the schema only stores it.

/** SQLite's `integer({ mode: "timestamp_ms" })`: a Date with milliseconds, either way. */
const at = (name: string) => timestamp(name, { withTimezone: true, precision: 3, mode: "date" });
const createdAt = () => at("created_at").notNull().defaultNow();
const updatedAt = () => at("updated_at").notNull().defaultNow();

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

export const users = pgTable(
  "users",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    passwordHash: text("password_hash").notNull(),
    isActive: boolean("is_active").notNull().default(true),
    /** Set when an admin (or `npm run user -- reset-password`) chose the password: the user
     * must choose their own at the next sign-in before the desk opens. */
    mustChangePassword: boolean("must_change_password").notNull().default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    check("users_role_check", sql`${t.role} IN (${inList(ROLES)})`),
  ],
);

/** One row per signed-in browser; revoking it ends that session at its next request. */
export const sessions = pgTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: at("expires_at").notNull(),
    revokedAt: at("revoked_at"),
    /** The browser's User-Agent at sign-in, cut to 300 characters, for the account page. */
    userAgent: text("user_agent"),
    /** The client address at sign-in (lib/client-address.ts). */
    address: text("address"),
    /** Updated at most once a minute by the request that finds it older. */
    lastSeenAt: at("last_seen_at"),
    /** The device (user_devices row) this session signed in from. */
    deviceId: integer("device_id").references(() => userDevices.id, { onDelete: "set null" }),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Browsers a user has signed in from, known by the SHA-256 of a long-lived random cookie. */
export const userDevices = pgTable(
  "user_devices",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    cookieHash: text("cookie_hash").notNull(),
    userAgent: text("user_agent"),
    address: text("address"),
    firstSeenAt: at("first_seen_at").notNull(),
    lastSeenAt: at("last_seen_at").notNull(),
  },
  (t) => [uniqueIndex("user_devices_user_cookie_unique").on(t.userId, t.cookieHash)],
);

/**
 * Sign-in attempts of the last day, for the growing delays of lib/login-throttle.ts. A row is
 * written `pending` before the password is checked and settled after; older rows are pruned.
 */
export const loginAttempts = pgTable(
  "login_attempts",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    email: text("email").notNull(),
    address: text("address").notNull(),
    /** Whether the browser carried a device cookie this account signed in from before. */
    knownDevice: boolean("known_device").notNull().default(false),
    outcome: text("outcome", { enum: LOGIN_OUTCOMES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    index("login_attempts_email_address_idx").on(t.email, t.address, t.createdAt),
    index("login_attempts_address_idx").on(t.address, t.createdAt),
    index("login_attempts_time_idx").on(t.createdAt),
    check("login_attempts_outcome_check", sql`${t.outcome} IN (${inList(LOGIN_OUTCOMES)})`),
  ],
);

export const settings = pgTable(
  "settings",
  {
    id: integer("id").primaryKey(),
    paperName: text("paper_name").notNull(),
    timezone: text("timezone").notNull().default("Asia/Shanghai"),
    defaultLocale: text("default_locale", { enum: LOCALES }).notNull().default("zh-CN"),
    /** 三审: the levels a story entering review must pass, and who passes each. */
    reviewLevels: json("review_levels")
      .$type<ReviewLevel[]>()
      .notNull()
      .default(sql.raw(`'${JSON.stringify(DEFAULT_REVIEW_LEVELS)}'`)),
    /** May one person pass two levels of the same story? */
    allowSamePasser: boolean("allow_same_passer").notNull().default(false),
    /** 三校: how many proof rounds a page goes through. */
    proofRounds: integer("proof_rounds").notNull().default(3),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("settings_single_row", sql`${t.id} = 1`),
    check("settings_locale_check", sql`${t.defaultLocale} IN (${inList(LOCALES)})`),
  ],
);

/** 部门/版组: 要闻部, 经济部, 摄影部 … Stories and pages belong to one; people work in several. */
export const desks = pgTable(
  "desks",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    name: text("name").notNull(),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [uniqueIndex("desks_name_unique").on(t.name)],
);

/** A person's place in a desk, with their role there (reporter, editor, desk head). */
export const deskMembers = pgTable(
  "desk_members",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    deskId: integer("desk_id")
      .notNull()
      .references(() => desks.id, { onDelete: "cascade" }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    role: text("role", { enum: DESK_ROLES }).notNull(),
    createdAt: createdAt(),
  },
  (t) => [
    uniqueIndex("desk_members_unique").on(t.deskId, t.userId),
    index("desk_members_user_idx").on(t.userId),
    check("desk_members_role_check", sql`${t.role} IN (${inList(DESK_ROLES)})`),
  ],
);

export const stories = pgTable(
  "stories",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    kind: text("kind", { enum: STORY_KINDS }).notNull().default("news"),
    kicker: text("kicker"),
    headline: text("headline").notNull().default(""),
    subheadline: text("subheadline"),
    byline: json("byline")
      .$type<Byline>()
      .notNull()
      .default(sql`'{"dateline":null,"reporters":[],"correspondents":[],"photographers":[]}'`),
    body: json("body").$type<RichTextDoc>().notNull().default(sql`'{"type":"doc","content":[]}'`),
    bodyText: text("body_text").notNull().default(""),
    charCount: integer("char_count").notNull().default(0),
    status: text("status", { enum: STORY_STATUSES }).notNull().default("draft"),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    version: integer("version").notNull().default(1),
    deskId: integer("desk_id").references(() => desks.id, { onDelete: "set null" }),
    /** While submitted: the 1-based level the story waits at. */
    reviewLevel: integer("review_level"),
    /** The paper's levels as they were when the story entered review. */
    reviewLevels: json("review_levels").$type<ReviewLevel[]>(),
    /** Who passes the level the story waits at (from reviewLevels), for the queues' index. */
    reviewPasser: text("review_passer", { enum: LEVEL_PASSERS }),
    /** Counts submissions: the passes of the current round are the ones that count. */
    reviewRound: integer("review_round").notNull().default(0),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    submittedAt: at("submitted_at"),
    publishedAt: at("published_at"),
    /** Until this moment no public surface shows the story, even in a published issue. */
    embargoUntil: at("embargo_until"),
  },
  (t) => [
    index("stories_status_idx").on(t.status, t.submittedAt),
    // The clock looks for embargoes that lifted since its last look (lib/embargo-clock).
    index("stories_embargo_idx").on(t.embargoUntil).where(sql`${t.embargoUntil} IS NOT NULL`),
    index("stories_author_idx").on(t.authorId, t.status),
    // A desk's review queue: its submitted stories, the longest-waiting first.
    index("stories_desk_queue_idx").on(t.status, t.deskId, t.submittedAt),
    // The queue's count reads this index alone, never the stories' (long) rows.
    index("stories_review_count_idx").on(t.status, t.deskId, t.reviewPasser, t.reviewRound),
    // The layout desk lists approved stories, most recently changed first.
    index("stories_status_updated_idx").on(t.status, t.updatedAt),
    check("stories_status_check", sql`${t.status} IN (${inList(STORY_STATUSES)})`),
    check("stories_kind_check", sql`${t.kind} IN (${inList(STORY_KINDS)})`),
    check("stories_version_positive", sql`${t.version} >= 1`),
  ],
);

export const storyRevisions = pgTable(
  "story_revisions",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    storyId: integer("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    /** The story version this revision captures. */
    version: integer("version").notNull(),
    kicker: text("kicker"),
    headline: text("headline").notNull(),
    subheadline: text("subheadline"),
    byline: json("byline").$type<Byline>().notNull(),
    body: json("body").$type<RichTextDoc>().notNull(),
    bodyText: text("body_text").notNull(),
    /** Why it was kept: autosave, submit, approve, restore, correct … */
    reason: text("reason").notNull(),
    authorId: integer("author_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("story_revisions_story_idx").on(t.storyId, t.createdAt)],
);

/** Each level a story passed: who, when, at which version (三审 record). */
export const storyReviewPasses = pgTable(
  "story_review_passes",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    storyId: integer("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    level: integer("level").notNull(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id),
    /** The story version the person read and passed. */
    version: integer("version").notNull(),
    createdAt: createdAt(),
  },
  (t) => [index("story_review_passes_story_idx").on(t.storyId, t.round)],
);

/** Editors' notes on a story, threaded, optionally anchored to a passage. */
export const storyComments = pgTable(
  "story_comments",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    storyId: integer("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    parentId: integer("parent_id").references((): AnyPgColumn => storyComments.id, {
      onDelete: "cascade",
    }),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    body: text("body").notNull(),
    /** The quoted passage the note is about, when anchored. */
    anchorText: text("anchor_text"),
    anchorFrom: integer("anchor_from"),
    anchorTo: integer("anchor_to"),
    createdAt: createdAt(),
    resolvedAt: at("resolved_at"),
  },
  (t) => [index("story_comments_story_idx").on(t.storyId, t.createdAt)],
);

/** Public correction notes appended to a published story. */
export const storyCorrections = pgTable(
  "story_corrections",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    storyId: integer("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    note: text("note").notNull(),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("story_corrections_story_idx").on(t.storyId)],
);

export const notifications = pgTable(
  "notifications",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** returned, approved, spiked, submitted, … (an i18n key of `notifications`). */
    kind: text("kind").notNull(),
    storyId: integer("story_id").references(() => stories.id, { onDelete: "cascade" }),
    actorId: integer("actor_id").references(() => users.id),
    note: text("note"),
    readAt: at("read_at"),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt)],
);

export const issues = pgTable(
  "issues",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    /** The issue's calendar date in the paper's timezone, YYYY-MM-DD. */
    date: text("date").notNull(),
    number: integer("number").notNull(),
    status: text("status", { enum: ISSUE_STATUSES }).notNull().default("planned"),
    publishAt: at("publish_at"),
    publishedAt: at("published_at"),
    version: integer("version").notNull().default(1),
    /** 签发 of the whole issue; null until every page is signed off and the duty editor signs. */
    signedOffAt: at("signed_off_at"),
    signedOffBy: integer("signed_off_by").references(() => users.id),
    /** The due time at which the publishing clock held this issue back, and why (said once). */
    heldFor: at("held_for"),
    heldReason: text("held_reason"),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("issues_date_unique").on(t.date),
    index("issues_due_idx").on(t.status, t.publishAt),
    check("issues_status_check", sql`${t.status} IN (${inList(ISSUE_STATUSES)})`),
    // SQLite's GLOB matches the whole value; the regular expression is anchored to do the same.
    check("issues_date_format", sql`${t.date} ~ '^[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]$'`),
  ],
);

export const pages = pgTable(
  "pages",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    issueId: integer("issue_id")
      .notNull()
      .references(() => issues.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    name: text("name").notNull(),
    banner: text("banner"),
    deskId: integer("desk_id").references(() => desks.id, { onDelete: "set null" }),
    editorId: integer("editor_id").references(() => users.id, { onDelete: "set null" }),
    status: text("status", { enum: PAGE_STATUSES }).notNull().default("open"),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("pages_issue_number_unique").on(t.issueId, t.number),
    check("pages_number_positive", sql`${t.number} >= 1`),
    check("pages_status_check", sql`${t.status} IN (${inList(PAGE_STATUSES)})`),
  ],
);

/**
 * Each 签发 of a page with what it froze: the placements and every story's text, so that after
 * a reopen (a reason, by whom, when) the desk can show what changed since.
 */
export const pageSignOffs = pgTable(
  "page_sign_offs",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    pageId: integer("page_id")
      .notNull()
      .references(() => pages.id, { onDelete: "cascade" }),
    signedOffBy: integer("signed_off_by").references(() => users.id),
    signedOffAt: at("signed_off_at").notNull(),
    snapshot: json("snapshot").$type<PageSnapshot>().notNull(),
    reopenedBy: integer("reopened_by").references(() => users.id),
    reopenedAt: at("reopened_at"),
    reopenReason: text("reopen_reason"),
  },
  (t) => [index("page_sign_offs_page_idx").on(t.pageId, t.signedOffAt)],
);

/** A completed proofreading round of a page (一校, 二校, 三校): who and when. */
export const proofRounds = pgTable(
  "proof_rounds",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    pageId: integer("page_id")
      .notNull()
      .references(() => pages.id, { onDelete: "cascade" }),
    round: integer("round").notNull(),
    proofreaderId: integer("proofreader_id")
      .notNull()
      .references(() => users.id),
    completedAt: at("completed_at").notNull(),
  },
  (t) => [
    uniqueIndex("proof_rounds_page_round_unique").on(t.pageId, t.round),
    check("proof_rounds_round_positive", sql`${t.round} >= 1`),
  ],
);

/**
 * A proofreader's suggestion on a story, anchored to the exact text it is about: the text
 * block (paragraph or heading, counted in document order), character offsets inside it, the
 * quoted original and a few characters before it, as of the story version marked. Accepting
 * re-finds that text (refusing when it is gone) and changes the story; rejecting only closes it.
 */
export const proofMarks = pgTable(
  "proof_marks",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    storyId: integer("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    pageId: integer("page_id").references(() => pages.id, { onDelete: "set null" }),
    round: integer("round").notNull(),
    proofreaderId: integer("proofreader_id")
      .notNull()
      .references(() => users.id),
    kind: text("kind", { enum: PROOF_MARK_KINDS }).notNull(),
    blockIndex: integer("block_index").notNull(),
    anchorFrom: integer("anchor_from").notNull(),
    anchorTo: integer("anchor_to").notNull(),
    quote: text("quote").notNull(),
    prefix: text("prefix").notNull().default(""),
    suggestion: text("suggestion").notNull().default(""),
    storyVersion: integer("story_version").notNull(),
    state: text("state", { enum: PROOF_MARK_STATES }).notNull().default("open"),
    decidedBy: integer("decided_by").references(() => users.id),
    decidedAt: at("decided_at"),
    createdAt: createdAt(),
  },
  (t) => [
    index("proof_marks_story_idx").on(t.storyId, t.state),
    index("proof_marks_page_idx").on(t.pageId, t.state),
    check("proof_marks_kind_check", sql`${t.kind} IN (${inList(PROOF_MARK_KINDS)})`),
    check("proof_marks_state_check", sql`${t.state} IN (${inList(PROOF_MARK_STATES)})`),
    check("proof_marks_range", sql`${t.anchorFrom} >= 0 AND ${t.anchorTo} >= ${t.anchorFrom}`),
  ],
);

export const placements = pgTable(
  "placements",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    pageId: integer("page_id")
      .notNull()
      .references(() => pages.id, { onDelete: "cascade" }),
    storyId: integer("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    position: integer("position").notNull(),
    slot: text("slot", { enum: PLACEMENT_SLOTS }).notNull().default("main"),
  },
  (t) => [
    // A story sits on at most one page of one issue.
    uniqueIndex("placements_story_unique").on(t.storyId),
    index("placements_page_idx").on(t.pageId, t.position),
    check("placements_slot_check", sql`${t.slot} IN (${inList(PLACEMENT_SLOTS)})`),
  ],
);

export const media = pgTable("media", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  /** Key of the stored original under data/media. */
  storageKey: text("storage_key").notNull(),
  mimeType: text("mime_type").notNull(),
  sizeBytes: bigint("size_bytes", { mode: "number" }).notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  caption: text("caption"),
  credit: text("credit"),
  alt: text("alt"),
  uploadedBy: integer("uploaded_by").references(() => users.id),
  createdAt: createdAt(),
});

/** The photos leading a story (a photo story's pictures, a news story's lead image). */
export const storyPhotos = pgTable(
  "story_photos",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    storyId: integer("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    mediaId: integer("media_id")
      .notNull()
      .references(() => media.id),
    position: integer("position").notNull(),
  },
  (t) => [
    uniqueIndex("story_photos_unique").on(t.storyId, t.mediaId),
    // "Is this photo in a published story?" on every uncached /media request: by photo, not a scan.
    index("story_photos_media_idx").on(t.mediaId, t.storyId),
  ],
);

export const auditEvents = pgTable(
  "audit_events",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    /** Null when the system acted (the scheduler, the seed). */
    actorId: integer("actor_id").references(() => users.id),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    fromState: text("from_state"),
    toState: text("to_state"),
    detail: json("detail").$type<Record<string, unknown>>(),
    createdAt: createdAt(),
  },
  (t) => [
    index("audit_subject_idx").on(t.subjectType, t.subjectId),
    index("audit_actor_idx").on(t.actorId, t.createdAt),
    index("audit_time_idx").on(t.createdAt),
  ],
);

/**
 * Uploads (photos, Word files) per user per minute: one row per user and minute, counted in the
 * database so that every app server behind the proxy sees the same count (lib/upload-limit.ts).
 */
export const uploadCounts = pgTable(
  "upload_counts",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The minute, as milliseconds since the epoch at its start. */
    windowStart: bigint("window_start", { mode: "number" }).notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.windowStart] })],
);

/** Durable marks of the clock: how far it has handled a kind of event (lifted embargoes). */
export const clockMarks = pgTable("clock_marks", {
  name: text("name").primaryKey(),
  at: at("at").notNull(),
});

// ── Going live: second factor and first-admin setup ──────────────────────────────────────

/** A user's TOTP secret; `confirmedAt` is null while enrolment waits for the first code. */
export const mfaEnrolments = pgTable("mfa_enrolments", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secret: text("secret").notNull(),
  confirmedAt: at("confirmed_at"),
  /** The last TOTP time step accepted, so the same code never works twice. */
  lastUsedStep: integer("last_used_step"),
  createdAt: createdAt(),
});

/** Single-use recovery codes, stored as SHA-256 of 80 random bits each. */
export const mfaRecoveryCodes = pgTable(
  "mfa_recovery_codes",
  {
    id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: at("used_at"),
    createdAt: createdAt(),
  },
  (t) => [index("mfa_recovery_codes_user_idx").on(t.userId)],
);

/** Sessions whose sign-in (or enrolment) passed the second factor. */
export const sessionMfa = pgTable("session_mfa", {
  sessionId: text("session_id")
    .primaryKey()
    .references(() => sessions.id, { onDelete: "cascade" }),
  verifiedAt: at("verified_at").notNull(),
});

/** The one-time `/setup` link of a production install without users (hashed, expiring). */
export const setupTokens = pgTable("setup_tokens", {
  id: integer("id").primaryKey().generatedByDefaultAsIdentity(),
  tokenHash: text("token_hash").notNull(),
  /** The TOTP secret the first admin enrols with, shown on the setup page. */
  mfaSecret: text("mfa_secret").notNull(),
  expiresAt: at("expires_at").notNull(),
  usedAt: at("used_at"),
  createdAt: createdAt(),
});

export type User = typeof users.$inferSelect;
export type Story = typeof stories.$inferSelect;
export type Issue = typeof issues.$inferSelect;
export type Page = typeof pages.$inferSelect;
export type Placement = typeof placements.$inferSelect;
export type ProofMark = typeof proofMarks.$inferSelect;
export type Settings = typeof settings.$inferSelect;
export type Desk = typeof desks.$inferSelect;

/** Every table, for `drizzle(pool, { schema })` (the same keys as `import * as schema`). */
export const schema = {
  users,
  sessions,
  userDevices,
  loginAttempts,
  settings,
  desks,
  deskMembers,
  stories,
  storyRevisions,
  storyReviewPasses,
  storyComments,
  storyCorrections,
  notifications,
  issues,
  pages,
  pageSignOffs,
  proofRounds,
  proofMarks,
  placements,
  media,
  storyPhotos,
  auditEvents,
  uploadCounts,
  clockMarks,
  mfaEnrolments,
  mfaRecoveryCodes,
  sessionMfa,
  setupTokens,
};
export type PgSchema = typeof schema;
