// Test helper: take a submitted story through every review level, each passed by its own person.
import { insertUser } from "@/db/testing/temp-database";
import { transitionStory } from "@/lib/stories";

/** Pass 初审, 复审 and 终审 (the default levels) of a story without a desk: ready for layout. */
export async function passAllLevels(storyId: number, now: Date): Promise<void> {
  const passers = [
    { ...(await insertUser("editor", { displayName: "初审编辑" })), displayName: "初审编辑" },
    { ...(await insertUser("desk_head", { displayName: "复审主任" })), displayName: "复审主任" },
    { ...(await insertUser("chief_editor", { displayName: "终审总编" })), displayName: "终审总编" },
  ];
  for (const passer of passers) {
    transitionStory(passer, { storyId, action: "pass" }, now);
  }
}
