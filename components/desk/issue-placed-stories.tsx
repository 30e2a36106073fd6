"use client";
// The stories on the chosen page: ordered by drag and drop or the keyboard, a slot each, taken
// off the page. Each change is committed at once (onArrange).
import {
  closestCenter,
  DndContext,
  type DragEndEvent,
  KeyboardSensor,
  PointerSensor,
  useSensor,
  useSensors,
} from "@dnd-kit/core";
import {
  arrayMove,
  SortableContext,
  sortableKeyboardCoordinates,
  useSortable,
  verticalListSortingStrategy,
} from "@dnd-kit/sortable";
import { CSS } from "@dnd-kit/utilities";
import { useEffect, useState } from "react";
import { EmbargoBadgeFor } from "@/components/desk/embargo-badges";
import {
  buttonClass,
  inputClass,
  type LayoutMessages,
} from "@/components/desk/issue-layout-shared";
import { PLACEMENT_SLOTS, type PlacementSlot } from "@/lib/domain/layout";
import type { LayoutPage, LayoutStory } from "@/lib/issues";

export function PlacedStories({
  page,
  locked,
  pending,
  messages,
  onArrange,
  onRemove,
}: {
  page: LayoutPage;
  locked: boolean;
  pending: boolean;
  messages: LayoutMessages;
  onArrange: (items: { storyId: number; slot: PlacementSlot }[]) => void;
  onRemove: (storyId: number) => void;
}) {
  const m = messages.issues;
  const [items, setItems] = useState<LayoutStory[]>(page.stories);
  useEffect(() => setItems(page.stories), [page.stories]);
  const sensors = useSensors(
    useSensor(PointerSensor, { activationConstraint: { distance: 4 } }),
    useSensor(KeyboardSensor, { coordinateGetter: sortableKeyboardCoordinates }),
  );
  const commit = (next: LayoutStory[]) => {
    setItems(next);
    onArrange(next.map((s) => ({ storyId: s.storyId, slot: s.slot })));
  };
  function onDragEnd(event: DragEndEvent) {
    const { active, over } = event;
    if (!over || active.id === over.id) return;
    const from = items.findIndex((s) => s.storyId === active.id);
    const to = items.findIndex((s) => s.storyId === over.id);
    if (from < 0 || to < 0) return;
    commit(arrayMove(items, from, to));
  }
  if (items.length === 0) return <p className="text-sm text-muted">{m.noStoriesOnPage}</p>;
  return (
    <>
      <p id="drag-hint" className="text-xs text-muted">
        {m.dragHint}
      </p>
      <DndContext sensors={sensors} collisionDetection={closestCenter} onDragEnd={onDragEnd}>
        <SortableContext items={items.map((s) => s.storyId)} strategy={verticalListSortingStrategy}>
          <ol className="space-y-2" aria-describedby="drag-hint">
            {items.map((story) => (
              <SortableStory
                key={story.storyId}
                story={story}
                disabled={locked || pending}
                messages={messages}
                onSlot={(slot) =>
                  commit(items.map((s) => (s.storyId === story.storyId ? { ...s, slot } : s)))
                }
                onRemove={() => onRemove(story.storyId)}
              />
            ))}
          </ol>
        </SortableContext>
      </DndContext>
    </>
  );
}

function SortableStory({
  story,
  disabled,
  messages,
  onSlot,
  onRemove,
}: {
  story: LayoutStory;
  disabled: boolean;
  messages: LayoutMessages;
  onSlot: (slot: PlacementSlot) => void;
  onRemove: () => void;
}) {
  const m = messages.issues;
  const { attributes, listeners, setNodeRef, transform, transition, isDragging } = useSortable({
    id: story.storyId,
    disabled,
  });
  return (
    <li
      ref={setNodeRef}
      style={{ transform: CSS.Transform.toString(transform), transition }}
      className={`flex flex-wrap items-center gap-2 rounded border border-rule bg-white p-2 text-sm ${isDragging ? "shadow-lg" : ""}`}
      data-testid={`placed-${story.storyId}`}
    >
      <button
        type="button"
        {...attributes}
        {...listeners}
        aria-label={`${m.dragHint}: ${story.headline}`}
        className="cursor-grab rounded px-1 text-muted"
      >
        <span aria-hidden="true">⠿</span>
      </button>
      <span className="flex-1 font-semibold" lang="zh-CN">
        {story.headline || messages.stories.untitled} <EmbargoBadgeFor storyId={story.storyId} />
      </span>
      <label className="sr-only" htmlFor={`slot-${story.storyId}`}>
        {m.slot}
      </label>
      <select
        id={`slot-${story.storyId}`}
        value={story.slot}
        disabled={disabled}
        onChange={(e) => onSlot(e.target.value as PlacementSlot)}
        className={inputClass}
      >
        {PLACEMENT_SLOTS.map((slot) => (
          <option key={slot} value={slot}>
            {m.slots[slot]}
          </option>
        ))}
      </select>
      <button type="button" disabled={disabled} onClick={onRemove} className={buttonClass}>
        {m.unplace}
      </button>
    </li>
  );
}
