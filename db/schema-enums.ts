// Value lists of the schema that the browser needs too (db/schema.ts pulls in drizzle).
export const STORY_KINDS = ["news", "photo", "brief", "editors_note", "letter"] as const;
export const ISSUE_STATUSES = ["planned", "scheduled", "published", "withdrawn"] as const;
export const PLACEMENT_SLOTS = ["lead", "main", "side", "photo"] as const;
export const PROOF_MARK_KINDS = ["replace", "delete", "insert"] as const;
export const PROOF_MARK_STATES = ["open", "accepted", "rejected"] as const;
