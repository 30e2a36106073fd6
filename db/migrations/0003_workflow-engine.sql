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
	`created_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	`updated_at` integer DEFAULT (unixepoch('subsec') * 1000) NOT NULL,
	CONSTRAINT "users_role_check" CHECK("__new_users"."role" IN ('reporter', 'proofreader', 'editor', 'desk_head', 'chief_editor', 'admin'))
);
--> statement-breakpoint
INSERT INTO `__new_users`("id", "email", "display_name", "role", "password_hash", "is_active", "created_at", "updated_at") SELECT "id", "email", "display_name", "role", "password_hash", "is_active", "created_at", "updated_at" FROM `users`;--> statement-breakpoint
DROP TABLE `users`;--> statement-breakpoint
ALTER TABLE `__new_users` RENAME TO `users`;--> statement-breakpoint
PRAGMA foreign_keys=ON;--> statement-breakpoint
CREATE UNIQUE INDEX `users_email_unique` ON `users` (`email`);--> statement-breakpoint
ALTER TABLE `pages` ADD `desk_id` integer REFERENCES desks(id);--> statement-breakpoint
ALTER TABLE `settings` ADD `review_levels` text DEFAULT '[{"passer":"desk_editor"},{"passer":"desk_head"},{"passer":"chief_editor"}]' NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `allow_same_passer` integer DEFAULT false NOT NULL;--> statement-breakpoint
ALTER TABLE `settings` ADD `proof_rounds` integer DEFAULT 3 NOT NULL;--> statement-breakpoint
ALTER TABLE `stories` ADD `desk_id` integer REFERENCES desks(id);--> statement-breakpoint
ALTER TABLE `stories` ADD `review_level` integer;--> statement-breakpoint
ALTER TABLE `stories` ADD `review_levels` text;--> statement-breakpoint
ALTER TABLE `stories` ADD `review_passer` text;--> statement-breakpoint
ALTER TABLE `stories` ADD `review_round` integer DEFAULT 0 NOT NULL;--> statement-breakpoint
CREATE INDEX `stories_desk_queue_idx` ON `stories` (`status`,`desk_id`,`submitted_at`);