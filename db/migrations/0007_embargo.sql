CREATE TABLE `clock_marks` (
	`name` text PRIMARY KEY NOT NULL,
	`at` integer NOT NULL
);
--> statement-breakpoint
ALTER TABLE `stories` ADD `embargo_until` integer;--> statement-breakpoint
CREATE INDEX `stories_embargo_idx` ON `stories` (`embargo_until`) WHERE "stories"."embargo_until" IS NOT NULL;