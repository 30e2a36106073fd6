CREATE TABLE `desk_members` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`desk_id` integer NOT NULL,
	`user_id` integer NOT NULL,
	`role` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`desk_id`) REFERENCES `desks`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE cascade,
	CONSTRAINT "desk_members_role_check" CHECK("desk_members"."role" IN ('reporter', 'editor', 'desk_head'))
);
--> statement-breakpoint
CREATE UNIQUE INDEX `desk_members_unique` ON `desk_members` (`desk_id`,`user_id`);--> statement-breakpoint
CREATE INDEX `desk_members_user_idx` ON `desk_members` (`user_id`);--> statement-breakpoint
CREATE TABLE `desks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`name` text NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL
);
--> statement-breakpoint
CREATE UNIQUE INDEX `desks_name_unique` ON `desks` (`name`);--> statement-breakpoint
CREATE TABLE `page_sign_offs` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`page_id` integer NOT NULL,
	`signed_off_by` integer,
	`signed_off_at` integer NOT NULL,
	`snapshot` text NOT NULL,
	`reopened_by` integer,
	`reopened_at` integer,
	`reopen_reason` text,
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`signed_off_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`reopened_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `page_sign_offs_page_idx` ON `page_sign_offs` (`page_id`,`signed_off_at`);--> statement-breakpoint
CREATE TABLE `proof_marks` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`story_id` integer NOT NULL,
	`page_id` integer,
	`round` integer NOT NULL,
	`proofreader_id` integer NOT NULL,
	`kind` text NOT NULL,
	`block_index` integer NOT NULL,
	`anchor_from` integer NOT NULL,
	`anchor_to` integer NOT NULL,
	`quote` text NOT NULL,
	`prefix` text DEFAULT '' NOT NULL,
	`suggestion` text DEFAULT '' NOT NULL,
	`story_version` integer NOT NULL,
	`state` text DEFAULT 'open' NOT NULL,
	`decided_by` integer,
	`decided_at` integer,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`proofreader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	FOREIGN KEY (`decided_by`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "proof_marks_kind_check" CHECK("proof_marks"."kind" IN ('replace', 'delete', 'insert')),
	CONSTRAINT "proof_marks_state_check" CHECK("proof_marks"."state" IN ('open', 'accepted', 'rejected')),
	CONSTRAINT "proof_marks_range" CHECK("proof_marks"."anchor_from" >= 0 AND "proof_marks"."anchor_to" >= "proof_marks"."anchor_from")
);
--> statement-breakpoint
CREATE INDEX `proof_marks_story_idx` ON `proof_marks` (`story_id`,`state`);--> statement-breakpoint
CREATE INDEX `proof_marks_page_idx` ON `proof_marks` (`page_id`,`state`);--> statement-breakpoint
CREATE TABLE `proof_rounds` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`page_id` integer NOT NULL,
	`round` integer NOT NULL,
	`proofreader_id` integer NOT NULL,
	`completed_at` integer NOT NULL,
	FOREIGN KEY (`page_id`) REFERENCES `pages`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`proofreader_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action,
	CONSTRAINT "proof_rounds_round_positive" CHECK("proof_rounds"."round" >= 1)
);
--> statement-breakpoint
CREATE UNIQUE INDEX `proof_rounds_page_round_unique` ON `proof_rounds` (`page_id`,`round`);--> statement-breakpoint
CREATE TABLE `story_review_passes` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`story_id` integer NOT NULL,
	`round` integer NOT NULL,
	`level` integer NOT NULL,
	`user_id` integer NOT NULL,
	`version` integer NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`story_id`) REFERENCES `stories`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`user_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE no action
);
--> statement-breakpoint
CREATE INDEX `story_review_passes_story_idx` ON `story_review_passes` (`story_id`,`round`);--> statement-breakpoint
PRAGMA foreign_keys=OFF;--> statement-breakpoint
CREATE TABLE `__new_users` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`email` text NOT NULL,
	`display_name` text NOT NULL,
	`role` text NOT NULL,
	`password_hash` text NOT NULL,
	`is_active` integer DEFAULT true NOT NULL,
	`must_change_password` integer DEFAULT false NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "users_role_check" CHECK("__new_users"."role" IN ('reporter', 'proofreader', 'editor', 'desk_head', 'chief_editor', 'admin'))
);
--> statement-breakpoint
INSERT INTO `__new_users`("id", "email", "display_name", "role", "password_hash", "is_active", "must_change_password", "created_at", "updated_at") SELECT "id", "email", "display_name", "role", "password_hash", "is_active", "must_change_password", "created_at", "updated_at" FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
ALTER TABLE `issues` ADD `signed_off_at` integer;--> statement-breakpoint
ALTER TABLE `issues` ADD `signed_off_by` integer REFERENCES users(id);--> statement-breakpoint
ALTER TABLE `issues` ADD `held_for` integer;--> statement-breakpoint
ALTER TABLE `issues` ADD `held_reason` text;--> statement-breakpoint
CREATE TABLE `__new_pages` (
	`id` integer PRIMARY KEY AUTOINCREMENT NOT NULL,
	`issue_id` integer NOT NULL,
	`number` integer NOT NULL,
	`name` text NOT NULL,
	`banner` text,
	`desk_id` integer,
	`editor_id` integer,
	`status` text DEFAULT 'open' NOT NULL,
	`version` integer DEFAULT 1 NOT NULL,
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	FOREIGN KEY (`issue_id`) REFERENCES `issues`(`id`) ON UPDATE no action ON DELETE cascade,
	FOREIGN KEY (`desk_id`) REFERENCES `desks`(`id`) ON UPDATE no action ON DELETE set null,
	FOREIGN KEY (`editor_id`) REFERENCES `users`(`id`) ON UPDATE no action ON DELETE set null,
	CONSTRAINT "pages_number_positive" CHECK("__new_pages"."number" >= 1),
	CONSTRAINT "pages_status_check" CHECK("__new_pages"."status" IN ('open', 'signed_off', 'reopened'))
);
--> statement-breakpoint
INSERT INTO `__new_pages`("id", "issue_id", "number", "name", "banner", "desk_id", "editor_id", "status", "version", "created_at", "updated_at") SELECT "id", "issue_id", "number", "name", "banner", NULL, "editor_id", 'open', 1, "created_at", "updated_at" FROM `pages`;--> statement-breakpoint
DROP TABLE `pages`;--> statement-breakpoint
ALTER TABLE `__new_pages` RENAME TO `pages`;--> statement-breakpoint
CREATE UNIQUE INDEX `pages_issue_number_unique` ON `pages` (`issue_id`,`number`);--> statement-breakpoint
ALTER TABLE `settings` ADD `review_levels` text DEFAULT '[{"passer":"desk_editor"},{"passer":"desk_head"},{"passer":"chief_editor"}]' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `allow_same_passer` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `proof_rounds` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `stories` ADD `desk_id` integer REFERENCES desks(id);--> statement-breakpoint
ALTER TABLE `stories` ADD `review_level` integer;--> statement-breakpoint
ALTER TABLE `stories` ADD `review_levels` text;--> statement-breakpoint
ALTER TABLE `stories` ADD `review_passer` text;--> statement-breakpoint
ALTER TABLE `stories` ADD `review_round` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `stories_desk_queue_idx` ON `stories` (`status`,`desk_id`,`submitted_at`);