-- Short terms over the whole archive (docs/search.md). The trigram index (0001_search) cannot
-- match a term of one or two characters, so a second FTS5 table holds every single character
-- and every pair of adjacent characters of a story's searched text (the way Lucene's CJK
-- analyzer indexes Chinese as unigrams and overlapping bigrams), each written as the hex of
-- its UTF-8 bytes so that any character — Chinese, Latin, digits, punctuation, emoji — is one
-- plain token for the ascii tokenizer. ASCII is folded to lower case first (SQLite's lower()),
-- grams holding a space, tab or line break are left out (a query term never holds one), and
-- each gram is listed once per story. The table is contentless and keeps no positions
-- (detail=none): a short term is one token, so rowids are all a query needs.
-- lib/search-terms.ts computes the same grams in TypeScript (shortTermToken for queries,
-- documentGrams for tests that compare the two).
-- Triggers keep it in step in the same transaction as every change to a story, next to the
-- trigram index's triggers; the last statement fills it for the stories already there.
-- SQLite does not allow WITH inside a trigger, so the character positions come from json_each
-- over an array of zeros; the text is cut into blocks of 4,096 and then 64 characters so that
-- substr() (which counts characters from the start of its text) stays linear in the length.
-- stories_search_idx lets search decide whether a story is readable without reading its row
-- (the body makes a row about a page long, and status comes after it).
CREATE VIRTUAL TABLE `stories_grams` USING fts5(
	grams,
	content = '', contentless_delete = 1, detail = none, tokenize = 'ascii'
);
--> statement-breakpoint
CREATE TRIGGER `stories_grams_insert` AFTER INSERT ON `stories` BEGIN
	INSERT INTO stories_grams(rowid, grams) VALUES (new.id, (SELECT coalesce(group_concat(hex(g), ' '), '') FROM (
		SELECT DISTINCT substr(inner_block.value, pos.key + 1, width.value) AS g
		FROM (SELECT replace(replace(replace(lower(coalesce(new.kicker, '') || ' ' || new.headline || ' ' || coalesce(new.subheadline, '') || ' ' ||
		coalesce((SELECT group_concat(value, ' ') FROM json_tree(new.byline) WHERE type = 'text'), '') || ' ' ||
		new.body_text), char(10), ' '), char(13), ' '), char(9), ' ') AS d) AS doc,
			json_each((SELECT json_group_array(substr(doc.d, k.key * 4096 + 1, 4097))
				FROM json_each('[' || substr(replace(hex(zeroblob((length(doc.d) + 4095) / 4096)), '00', ',0'), 2) || ']') AS k)) AS outer_block,
			json_each((SELECT json_group_array(substr(outer_block.value, k.key * 64 + 1, 65))
				FROM json_each('[' || substr(replace(hex(zeroblob(64)), '00', ',0'), 2) || ']') AS k
				WHERE k.key * 64 < min(length(outer_block.value), 4096))) AS inner_block,
			json_each('[' || substr(replace(hex(zeroblob(64)), '00', ',0'), 2) || ']') AS pos,
			json_each('[1,2]') AS width
		WHERE pos.key < min(length(inner_block.value), 64)
	) WHERE instr(g, ' ') = 0));
END;
--> statement-breakpoint
CREATE TRIGGER `stories_grams_update` AFTER UPDATE OF kicker, headline, subheadline, byline, body_text ON `stories` BEGIN
	DELETE FROM stories_grams WHERE rowid = old.id;
	INSERT INTO stories_grams(rowid, grams) VALUES (new.id, (SELECT coalesce(group_concat(hex(g), ' '), '') FROM (
		SELECT DISTINCT substr(inner_block.value, pos.key + 1, width.value) AS g
		FROM (SELECT replace(replace(replace(lower(coalesce(new.kicker, '') || ' ' || new.headline || ' ' || coalesce(new.subheadline, '') || ' ' ||
		coalesce((SELECT group_concat(value, ' ') FROM json_tree(new.byline) WHERE type = 'text'), '') || ' ' ||
		new.body_text), char(10), ' '), char(13), ' '), char(9), ' ') AS d) AS doc,
			json_each((SELECT json_group_array(substr(doc.d, k.key * 4096 + 1, 4097))
				FROM json_each('[' || substr(replace(hex(zeroblob((length(doc.d) + 4095) / 4096)), '00', ',0'), 2) || ']') AS k)) AS outer_block,
			json_each((SELECT json_group_array(substr(outer_block.value, k.key * 64 + 1, 65))
				FROM json_each('[' || substr(replace(hex(zeroblob(64)), '00', ',0'), 2) || ']') AS k
				WHERE k.key * 64 < min(length(outer_block.value), 4096))) AS inner_block,
			json_each('[' || substr(replace(hex(zeroblob(64)), '00', ',0'), 2) || ']') AS pos,
			json_each('[1,2]') AS width
		WHERE pos.key < min(length(inner_block.value), 64)
	) WHERE instr(g, ' ') = 0));
END;
--> statement-breakpoint
CREATE TRIGGER `stories_grams_delete` AFTER DELETE ON `stories` BEGIN
	DELETE FROM stories_grams WHERE rowid = old.id;
END;
--> statement-breakpoint
INSERT INTO stories_grams(rowid, grams) SELECT s.id, (SELECT coalesce(group_concat(hex(g), ' '), '') FROM (
		SELECT DISTINCT substr(inner_block.value, pos.key + 1, width.value) AS g
		FROM (SELECT replace(replace(replace(lower(coalesce(s.kicker, '') || ' ' || s.headline || ' ' || coalesce(s.subheadline, '') || ' ' ||
		coalesce((SELECT group_concat(value, ' ') FROM json_tree(s.byline) WHERE type = 'text'), '') || ' ' ||
		s.body_text), char(10), ' '), char(13), ' '), char(9), ' ') AS d) AS doc,
			json_each((SELECT json_group_array(substr(doc.d, k.key * 4096 + 1, 4097))
				FROM json_each('[' || substr(replace(hex(zeroblob((length(doc.d) + 4095) / 4096)), '00', ',0'), 2) || ']') AS k)) AS outer_block,
			json_each((SELECT json_group_array(substr(outer_block.value, k.key * 64 + 1, 65))
				FROM json_each('[' || substr(replace(hex(zeroblob(64)), '00', ',0'), 2) || ']') AS k
				WHERE k.key * 64 < min(length(outer_block.value), 4096))) AS inner_block,
			json_each('[' || substr(replace(hex(zeroblob(64)), '00', ',0'), 2) || ']') AS pos,
			json_each('[1,2]') AS width
		WHERE pos.key < min(length(inner_block.value), 64)
	) WHERE instr(g, ' ') = 0) FROM stories s;
--> statement-breakpoint
CREATE INDEX `stories_search_idx` ON `stories` (`id`, `status`, `embargo_until`);
