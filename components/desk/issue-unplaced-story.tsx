"use client";
// An approved story waiting for a page: its desk, author and length, and a slot to place it in.
import { useState } from "react";
import { EmbargoBadgeFor } from "@/components/desk/embargo-badges";
import {
  buttonClass,
  inputClass,
  type LayoutMessages,
} from "@/components/desk/issue-layout-shared";
import { useFormat } from "@/components/ui/locale-provider";
import { PLACEMENT_SLOTS, type PlacementSlot } from "@/lib/domain/layout";
import type { IssueLayout } from "@/lib/issues";

export function UnplacedStory({
  story,
  messages,
  disabled,
  onPlace,
}: {
  story: IssueLayout["unplaced"][number];
  messages: LayoutMessages;
  disabled: boolean;
  onPlace: (slot: PlacementSlot) => void;
}) {
  const format = useFormat();
  const m = messages.issues;
  const [slot, setSlot] = useState<PlacementSlot>(story.kind === "photo" ? "photo" : "main");
  return (
    <li className="rounded border border-rule p-2" data-testid={`unplaced-${story.id}`}>
      <p className="font-semibold" lang="zh-CN">
        {story.headline || messages.stories.untitled} <EmbargoBadgeFor storyId={story.id} />
      </p>
      <p className="text-xs text-muted">
        {story.deskName ? `${story.deskName} · ` : ""}
        {story.authorName} · {format(messages.stories.lengthValue, { count: story.charCount })}
      </p>
      <div className="mt-1 flex gap-1">
        <label className="sr-only" htmlFor={`place-slot-${story.id}`}>
          {m.slot}
        </label>
        <select
          id={`place-slot-${story.id}`}
          value={slot}
          onChange={(e) => setSlot(e.target.value as PlacementSlot)}
          className={inputClass}
        >
          {PLACEMENT_SLOTS.map((s) => (
            <option key={s} value={s}>
              {m.slots[s]}
            </option>
          ))}
        </select>
        <button
          type="button"
          disabled={disabled}
          onClick={() => onPlace(slot)}
          className={buttonClass}
        >
          {m.place}
        </button>
      </div>
    </li>
  );
}
