-- Full-text search over stories (DESIGN.md, Architecture: FTS5 with the trigram tokenizer,
-- so Chinese is found without word segmentation). The index holds every story; readers'
-- queries join back to stories and keep only the published ones. Triggers keep it in step
-- in the same transaction as every change to a story.
CREATE VIRTUAL TABLE `stories_fts` USING fts5(
	kicker, headline, subheadline, byline, body,
	tokenize = 'trigram'
);
--> statement-breakpoint
CREATE TRIGGER `stories_fts_insert` AFTER INSERT ON `stories` BEGIN
	INSERT INTO stories_fts(rowid, kicker, headline, subheadline, byline, body)
	VALUES (
		new.id, coalesce(new.kicker, ''), new.headline, coalesce(new.subheadline, ''),
		coalesce((SELECT group_concat(value, ' ') FROM json_tree(new.byline) WHERE type = 'text'), ''),
		new.body_text
	);
END;
--> statement-breakpoint
CREATE TRIGGER `stories_fts_update` AFTER UPDATE OF kicker, headline, subheadline, byline, body_text ON `stories` BEGIN
	DELETE FROM stories_fts WHERE rowid = old.id;
	INSERT INTO stories_fts(rowid, kicker, headline, subheadline, byline, body)
	VALUES (
		new.id, coalesce(new.kicker, ''), new.headline, coalesce(new.subheadline, ''),
		coalesce((SELECT group_concat(value, ' ') FROM json_tree(new.byline) WHERE type = 'text'), ''),
		new.body_text
	);
END;
--> statement-breakpoint
CREATE TRIGGER `stories_fts_delete` AFTER DELETE ON `stories` BEGIN
	DELETE FROM stories_fts WHERE rowid = old.id;
END;
