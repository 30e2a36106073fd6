// Review levels (三审): who may pass each level, as the paper configures them.

/** Who passes a level: a desk editor of the story's desk, its desk head, or the duty/chief editor. */
export const LEVEL_PASSERS = ["desk_editor", "desk_head", "chief_editor"] as const;
export type LevelPasser = (typeof LEVEL_PASSERS)[number];

export type ReviewLevel = { passer: LevelPasser };

/** 初审 by the desk editor, 复审 by the desk head, 终审 by the duty/chief editor. */
export const DEFAULT_REVIEW_LEVELS: readonly ReviewLevel[] = [
  { passer: "desk_editor" },
  { passer: "desk_head" },
  { passer: "chief_editor" },
];
export const MIN_REVIEW_LEVELS = 1;
export const MAX_REVIEW_LEVELS = 5;

/** A person's role inside one desk. */
export const DESK_ROLES = ["reporter", "editor", "desk_head"] as const;
export type DeskRoleName = (typeof DESK_ROLES)[number];
export type DeskRole = { deskId: number; role: DeskRoleName };

/** The i18n key of a level's name: 初审, 复审 (the middle of three), 终审, else 第n审. */
export function levelKey(level: number, total: number): "first" | "second" | "final" | "nth" {
  if (level === total) return "final";
  if (level === 1) return "first";
  if (level === 2 && total === 3) return "second";
  return "nth";
}

export function isReviewLevels(value: unknown): value is ReviewLevel[] {
  return (
    Array.isArray(value) &&
    value.length >= MIN_REVIEW_LEVELS &&
    value.length <= MAX_REVIEW_LEVELS &&
    value.every(
      (l) =>
        l !== null &&
        typeof l === "object" &&
        (LEVEL_PASSERS as readonly string[]).includes((l as ReviewLevel).passer),
    )
  );
}
