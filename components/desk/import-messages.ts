// What the import desk's components share: the messages they read and the classes of their
// controls.
import type { Dictionary } from "@/lib/i18n/dictionary";

export type ImportMessages = Pick<Dictionary, "importDesk" | "errors" | "stories">;

export const input = "w-full rounded border border-rule bg-white px-2 py-1";
export const button = "rounded border border-rule bg-white px-3 py-1 disabled:opacity-40";
export const smallButton =
  "rounded border border-rule bg-white px-2 py-0.5 text-xs disabled:opacity-40";
