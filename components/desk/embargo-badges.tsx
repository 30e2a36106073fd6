"use client";
// Embargo badges for client components that list stories (the layout desk): the page hands
// the labels down once, and each card asks for its own story's.
import { createContext, type ReactNode, useContext } from "react";
import { EmbargoBadge } from "@/components/desk/embargo-badge";

const Labels = createContext<Record<number, string>>({});

export function EmbargoBadges({
  labels,
  children,
}: {
  labels: Record<number, string>;
  children: ReactNode;
}) {
  return <Labels.Provider value={labels}>{children}</Labels.Provider>;
}

export function EmbargoBadgeFor({ storyId }: { storyId: number }) {
  const label = useContext(Labels)[storyId];
  return label ? <EmbargoBadge label={label} /> : null;
}
