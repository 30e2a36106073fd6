// A page's layout: where a story sits on it, and the page as it was signed off. Pure.

export const PLACEMENT_SLOTS = ["lead", "main", "side", "photo"] as const;
export type PlacementSlot = (typeof PLACEMENT_SLOTS)[number];

/** A page as it was signed off (签发), kept so a reopened page can show what changed since. */
export type PageSnapshot = {
  page: { number: number; name: string; banner: string | null };
  placements: { storyId: number; position: number; slot: string }[];
  stories: {
    id: number;
    version: number;
    kicker: string | null;
    headline: string;
    subheadline: string | null;
    bodyText: string;
  }[];
};
