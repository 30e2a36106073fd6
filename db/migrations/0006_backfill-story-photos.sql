-- The media route now asks story_photos alone whether a published story shows a photo (an
-- indexed lookup instead of reading every published body's JSON). Every save keeps
-- story_photos in step with the body's photo blocks; this brings in any photo block a row
-- written before that (or by hand) carries without its story_photos row. The next save of
-- such a story renumbers the positions.
INSERT OR IGNORE INTO story_photos (story_id, media_id, position)
SELECT s.id, CAST(t.value AS INTEGER), 1000 + t.id
FROM stories s, json_tree(s.body) t
WHERE instr(s.body, '"mediaId"') > 0
  AND t.key = 'mediaId'
  AND t.path LIKE '%.attrs'
  AND json_extract(s.body, substr(t.path, 1, length(t.path) - 6) || '.type') = 'photo'
  AND CAST(t.value AS INTEGER) IN (SELECT id FROM media);
