// What the layout desk's pieces share: the messages they are given and their control styles.
import type { Dictionary } from "@/lib/i18n/dictionary";

export type LayoutMessages = Pick<
  Dictionary,
  "issues" | "errors" | "stories" | "signOff" | "deskMoves"
>;
export type DeskOption = { id: number; name: string };

export const inputClass = "rounded border border-rule px-2 py-1";
export const buttonClass = "rounded border border-rule px-2 py-1 disabled:opacity-40";
