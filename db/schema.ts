// The database schema of the whole product. Generate migrations with `npm run db:generate`.
import { sql } from "drizzle-orm";
import {
  type AnySQLiteColumn,
  check,
  index,
  integer,
  primaryKey,
  sqliteTable,
  text,
  uniqueIndex,
} from "drizzle-orm/sqlite-core";
import { LOCALES } from "@/lib/i18n/locales";
import { ROLES } from "@/lib/permissions";
import { STORY_STATUSES } from "@/lib/workflow";

import { ISSUE_STATUSES, PLACEMENT_SLOTS, STORY_KINDS } from "./schema-enums";

export { ISSUE_STATUSES, PLACEMENT_SLOTS, STORY_KINDS };

/** The byline as print sets it: names as printed, in order. */
export type Byline = {
  dateline: string | null;
  agency?: string | null;
  reporters: string[];
  correspondents: string[];
  photographers: string[];
  /** A photo story's credit line exactly as printed, when it has one. */
  credit?: string | null;
};

/** A Tiptap (ProseMirror) JSON document. */
export type RichTextDoc = {
  type: "doc";
  content?: RichTextNode[];
};
export type RichTextNode = {
  type: string;
  attrs?: Record<string, unknown>;
  content?: RichTextNode[];
  marks?: { type: string; attrs?: Record<string, unknown> }[];
  text?: string;
};

const createdAt = () =>
  integer("created_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);
const updatedAt = () =>
  integer("updated_at", { mode: "timestamp_ms" })
    .notNull()
    .default(sql`(unixepoch('subsec') * 1000)`);

const inList = (values: readonly string[]) => sql.raw(values.map((v) => `'${v}'`).join(", "));

export const users = sqliteTable(
  "users",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    role: text("role", { enum: ROLES }).notNull(),
    passwordHash: text("password_hash").notNull(),
    isActive: integer("is_active", { mode: "boolean" }).notNull().default(true),
    /** Set when an admin (or `npm run user -- reset-password`) chose the password: the user
     * must choose their own at the next sign-in before the desk opens. */
    mustChangePassword: integer("must_change_password", { mode: "boolean" })
      .notNull()
      .default(false),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("users_email_unique").on(t.email),
    check("users_role_check", sql`${t.role} IN (${inList(ROLES)})`),
  ],
);

/** One row per signed-in browser; revoking it ends that session at its next request. */
export const sessions = sqliteTable(
  "sessions",
  {
    id: text("id").primaryKey(),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    createdAt: createdAt(),
    expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
    revokedAt: integer("revoked_at", { mode: "timestamp_ms" }),
    /** The browser's User-Agent at sign-in, cut to 300 characters, for the account page. */
    userAgent: text("user_agent"),
    /** The client address at sign-in (lib/client-address.ts). */
    address: text("address"),
    /** Updated at most once a minute by the request that finds it older. */
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }),
    /** The device (user_devices row) this session signed in from. */
    deviceId: integer("device_id").references(() => userDevices.id, { onDelete: "set null" }),
  },
  (t) => [index("sessions_user_idx").on(t.userId)],
);

/** Browsers a user has signed in from, known by the SHA-256 of a long-lived random cookie. */
export const userDevices = sqliteTable(
  "user_devices",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    cookieHash: text("cookie_hash").notNull(),
    userAgent: text("user_agent"),
    address: text("address"),
    firstSeenAt: integer("first_seen_at", { mode: "timestamp_ms" }).notNull(),
    lastSeenAt: integer("last_seen_at", { mode: "timestamp_ms" }).notNull(),
  },
  (t) => [uniqueIndex("user_devices_user_cookie_unique").on(t.userId, t.cookieHash)],
);

export const LOGIN_OUTCOMES = ["pending", "failed", "succeeded"] as const;

/**
 * Sign-in attempts of the last day, for the growing delays of lib/login-throttle.ts. A row is
 * written `pending` before the password is checked and settled after; older rows are pruned.
 */
export const loginAttempts = sqliteTable(
  "login_attempts",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    email: text("email").notNull(),
    address: text("address").notNull(),
    /** Whether the browser carried a device cookie this account signed in from before. */
    knownDevice: integer("known_device", { mode: "boolean" }).notNull().default(false),
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

export const settings = sqliteTable(
  "settings",
  {
    id: integer("id").primaryKey(),
    paperName: text("paper_name").notNull(),
    timezone: text("timezone").notNull().default("Asia/Shanghai"),
    defaultLocale: text("default_locale", { enum: LOCALES }).notNull().default("zh-CN"),
    updatedAt: updatedAt(),
  },
  (t) => [
    check("settings_single_row", sql`${t.id} = 1`),
    check("settings_locale_check", sql`${t.defaultLocale} IN (${inList(LOCALES)})`),
  ],
);

export const stories = sqliteTable(
  "stories",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    kind: text("kind", { enum: STORY_KINDS }).notNull().default("news"),
    kicker: text("kicker"),
    headline: text("headline").notNull().default(""),
    subheadline: text("subheadline"),
    byline: text("byline", { mode: "json" })
      .$type<Byline>()
      .notNull()
      .default(sql`'{"dateline":null,"reporters":[],"correspondents":[],"photographers":[]}'`),
    body: text("body", { mode: "json" })
      .$type<RichTextDoc>()
      .notNull()
      .default(sql`'{"type":"doc","content":[]}'`),
    bodyText: text("body_text").notNull().default(""),
    charCount: integer("char_count").notNull().default(0),
    status: text("status", { enum: STORY_STATUSES }).notNull().default("draft"),
    authorId: integer("author_id")
      .notNull()
      .references(() => users.id),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
    submittedAt: integer("submitted_at", { mode: "timestamp_ms" }),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    /** Until this moment no public surface shows the story, even in a published issue. */
    embargoUntil: integer("embargo_until", { mode: "timestamp_ms" }),
  },
  (t) => [
    index("stories_status_idx").on(t.status, t.submittedAt),
    // The clock looks for embargoes that lifted since its last look (lib/embargo-clock).
    index("stories_embargo_idx").on(t.embargoUntil).where(sql`${t.embargoUntil} IS NOT NULL`),
    index("stories_author_idx").on(t.authorId, t.status),
    // The layout desk lists approved stories, most recently changed first.
    index("stories_status_updated_idx").on(t.status, t.updatedAt),
    check("stories_status_check", sql`${t.status} IN (${inList(STORY_STATUSES)})`),
    check("stories_kind_check", sql`${t.kind} IN (${inList(STORY_KINDS)})`),
    check("stories_version_positive", sql`${t.version} >= 1`),
  ],
);

export const storyRevisions = sqliteTable(
  "story_revisions",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storyId: integer("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    /** The story version this revision captures. */
    version: integer("version").notNull(),
    kicker: text("kicker"),
    headline: text("headline").notNull(),
    subheadline: text("subheadline"),
    byline: text("byline", { mode: "json" }).$type<Byline>().notNull(),
    body: text("body", { mode: "json" }).$type<RichTextDoc>().notNull(),
    bodyText: text("body_text").notNull(),
    /** Why it was kept: autosave, submit, approve, restore, correct … */
    reason: text("reason").notNull(),
    authorId: integer("author_id").references(() => users.id),
    createdAt: createdAt(),
  },
  (t) => [index("story_revisions_story_idx").on(t.storyId, t.createdAt)],
);

/** Editors' notes on a story, threaded, optionally anchored to a passage. */
export const storyComments = sqliteTable(
  "story_comments",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    storyId: integer("story_id")
      .notNull()
      .references(() => stories.id, { onDelete: "cascade" }),
    parentId: integer("parent_id").references((): AnySQLiteColumn => storyComments.id, {
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
    resolvedAt: integer("resolved_at", { mode: "timestamp_ms" }),
  },
  (t) => [index("story_comments_story_idx").on(t.storyId, t.createdAt)],
);

/** Public correction notes appended to a published story. */
export const storyCorrections = sqliteTable(
  "story_corrections",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
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

export const notifications = sqliteTable(
  "notifications",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** returned, approved, spiked, submitted, … (an i18n key of `notifications`). */
    kind: text("kind").notNull(),
    storyId: integer("story_id").references(() => stories.id, { onDelete: "cascade" }),
    actorId: integer("actor_id").references(() => users.id),
    note: text("note"),
    readAt: integer("read_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("notifications_user_idx").on(t.userId, t.readAt)],
);

export const issues = sqliteTable(
  "issues",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** The issue's calendar date in the paper's timezone, YYYY-MM-DD. */
    date: text("date").notNull(),
    number: integer("number").notNull(),
    status: text("status", { enum: ISSUE_STATUSES }).notNull().default("planned"),
    publishAt: integer("publish_at", { mode: "timestamp_ms" }),
    publishedAt: integer("published_at", { mode: "timestamp_ms" }),
    version: integer("version").notNull().default(1),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("issues_date_unique").on(t.date),
    index("issues_due_idx").on(t.status, t.publishAt),
    check("issues_status_check", sql`${t.status} IN (${inList(ISSUE_STATUSES)})`),
    check("issues_date_format", sql`${t.date} GLOB '[0-9][0-9][0-9][0-9]-[0-1][0-9]-[0-3][0-9]'`),
  ],
);

export const pages = sqliteTable(
  "pages",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    issueId: integer("issue_id")
      .notNull()
      .references(() => issues.id, { onDelete: "cascade" }),
    number: integer("number").notNull(),
    name: text("name").notNull(),
    banner: text("banner"),
    editorId: integer("editor_id").references(() => users.id, { onDelete: "set null" }),
    createdAt: createdAt(),
    updatedAt: updatedAt(),
  },
  (t) => [
    uniqueIndex("pages_issue_number_unique").on(t.issueId, t.number),
    check("pages_number_positive", sql`${t.number} >= 1`),
  ],
);

export const placements = sqliteTable(
  "placements",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
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

export const media = sqliteTable("media", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  /** Key of the stored original under data/media. */
  storageKey: text("storage_key").notNull(),
  mimeType: text("mime_type").notNull(),
  sizeBytes: integer("size_bytes").notNull(),
  width: integer("width").notNull(),
  height: integer("height").notNull(),
  caption: text("caption"),
  credit: text("credit"),
  alt: text("alt"),
  uploadedBy: integer("uploaded_by").references(() => users.id),
  createdAt: createdAt(),
});

/** The photos leading a story (a photo story's pictures, a news story's lead image). */
export const storyPhotos = sqliteTable(
  "story_photos",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
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

export const auditEvents = sqliteTable(
  "audit_events",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    /** Null when the system acted (the scheduler, the seed). */
    actorId: integer("actor_id").references(() => users.id),
    action: text("action").notNull(),
    subjectType: text("subject_type").notNull(),
    subjectId: text("subject_id"),
    fromState: text("from_state"),
    toState: text("to_state"),
    detail: text("detail", { mode: "json" }).$type<Record<string, unknown>>(),
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
export const uploadCounts = sqliteTable(
  "upload_counts",
  {
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    /** The minute, as milliseconds since the epoch at its start. */
    windowStart: integer("window_start").notNull(),
    count: integer("count").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.windowStart] })],
);

/** Durable marks of the clock: how far it has handled a kind of event (lifted embargoes). */
export const clockMarks = sqliteTable("clock_marks", {
  name: text("name").primaryKey(),
  at: integer("at", { mode: "timestamp_ms" }).notNull(),
});

// ── Going live: second factor and first-admin setup ──────────────────────────────────────

/** A user's TOTP secret; `confirmedAt` is null while enrolment waits for the first code. */
export const mfaEnrolments = sqliteTable("mfa_enrolments", {
  userId: integer("user_id")
    .primaryKey()
    .references(() => users.id, { onDelete: "cascade" }),
  secret: text("secret").notNull(),
  confirmedAt: integer("confirmed_at", { mode: "timestamp_ms" }),
  /** The last TOTP time step accepted, so the same code never works twice. */
  lastUsedStep: integer("last_used_step"),
  createdAt: createdAt(),
});

/** Single-use recovery codes, stored as SHA-256 of 80 random bits each. */
export const mfaRecoveryCodes = sqliteTable(
  "mfa_recovery_codes",
  {
    id: integer("id").primaryKey({ autoIncrement: true }),
    userId: integer("user_id")
      .notNull()
      .references(() => users.id, { onDelete: "cascade" }),
    codeHash: text("code_hash").notNull(),
    usedAt: integer("used_at", { mode: "timestamp_ms" }),
    createdAt: createdAt(),
  },
  (t) => [index("mfa_recovery_codes_user_idx").on(t.userId)],
);

/** Sessions whose sign-in (or enrolment) passed the second factor. */
export const sessionMfa = sqliteTable("session_mfa", {
  sessionId: text("session_id")
    .primaryKey()
    .references(() => sessions.id, { onDelete: "cascade" }),
  verifiedAt: integer("verified_at", { mode: "timestamp_ms" }).notNull(),
});

/** The one-time `/setup` link of a production install without users (hashed, expiring). */
export const setupTokens = sqliteTable("setup_tokens", {
  id: integer("id").primaryKey({ autoIncrement: true }),
  tokenHash: text("token_hash").notNull(),
  /** The TOTP secret the first admin enrols with, shown on the setup page. */
  mfaSecret: text("mfa_secret").notNull(),
  expiresAt: integer("expires_at", { mode: "timestamp_ms" }).notNull(),
  usedAt: integer("used_at", { mode: "timestamp_ms" }),
  createdAt: createdAt(),
});

export type User = typeof users.$inferSelect;
export type Story = typeof stories.$inferSelect;
export type Issue = typeof issues.$inferSelect;
export type Page = typeof pages.$inferSelect;
export type Placement = typeof placements.$inferSelect;
export type Settings = typeof settings.$inferSelect;
export type StoryKind = (typeof STORY_KINDS)[number];
export type IssueStatus = (typeof ISSUE_STATUSES)[number];
export type PlacementSlot = (typeof PLACEMENT_SLOTS)[number];
