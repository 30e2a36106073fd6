"use client";
// The three strings a failed reader page shows (app/(paper)/[lang]/error.tsx), handed down by the
// layout in the page's language, so the browser never loads a whole dictionary for them.
import { createContext, type ReactNode, useContext } from "react";

export type ErrorText = { title: string; body: string; retry: string };

const Text = createContext<ErrorText>({ title: "", body: "", retry: "" });

export function PaperErrorText({ value, children }: { value: ErrorText; children: ReactNode }) {
  return <Text.Provider value={value}>{children}</Text.Provider>;
}

export function usePaperErrorText(): ErrorText {
  return useContext(Text);
}
