// A story's vocabulary: its kinds and its byline. Pure: the schema, the desk and the importer
// all read these (db/schema.ts imports them, never the reverse).

export const STORY_KINDS = ["news", "photo", "brief", "editors_note", "letter"] as const;
export type StoryKind = (typeof STORY_KINDS)[number];

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
