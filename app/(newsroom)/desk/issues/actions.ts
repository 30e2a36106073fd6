"use server";
// Issues desk actions. Each is a public endpoint: lib/issues and lib/publishing check who may act.
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import type { z } from "zod";
import { action } from "@/lib/action";
import { zonedTimeToInstant } from "@/lib/dates";
import { type ActionResult, AppError } from "@/lib/errors";
import {
  AddPageInput,
  ArrangePageInput,
  CreateIssueInput,
  IssueIdInput,
  IssueNumberInput,
  PlaceStoryInput,
  PublishNowInput,
  RemovePageInput,
  RemovePlacementInput,
  ReorderPagesInput,
  ScheduleInput,
  UnpublishInput,
  UpdatePageInput,
} from "@/lib/issue-input";
import * as issues from "@/lib/issues";
import { expirePaperCache } from "@/lib/paper-cache";
import { ReopenPageInput, SignOffIssueInput, SignOffPageInput } from "@/lib/proof-input";
import * as publishing from "@/lib/publishing";
import type { Viewer } from "@/lib/session";
import { getSettings } from "@/lib/settings";
import * as signOff from "@/lib/sign-off";

export type IssueFormState = ActionResult<undefined> | null;

/** Act as the viewer on the parsed input, refresh the desk; public pages expire when `isPublic`. */
function act<S extends z.ZodType>(
  schema: S,
  input: unknown,
  run: (viewer: Viewer, data: z.infer<S>, now: Date) => void,
  isPublic = false,
): Promise<ActionResult<undefined>> {
  return action(schema, input, (viewer, data, now) => {
    run(viewer, data, now);
    if (isPublic) expirePaperCache();
    revalidatePath("/desk/issues", "layout");
  });
}

export async function createIssue(_: IssueFormState, form: FormData): Promise<IssueFormState> {
  const input = { date: form.get("date"), number: form.get("number") ?? "" };
  const result = await action(
    CreateIssueInput,
    input,
    (viewer, data, now) => issues.createIssue(viewer, data, now).id,
  );
  if (!result.ok) return result;
  redirect(`/desk/issues/${result.data}`);
}

export async function setIssueNumber(input: unknown) {
  return act(IssueNumberInput, input, (v, d, now) => issues.updateIssueNumber(v, d, now));
}
export async function addPage(input: unknown) {
  return act(AddPageInput, input, (v, d, now) => issues.addPage(v, d, now));
}
export async function updatePage(input: unknown) {
  return act(UpdatePageInput, input, (v, d, now) => issues.updatePage(v, d, now));
}
export async function reorderPages(input: unknown) {
  return act(ReorderPagesInput, input, (v, d, now) => issues.reorderPages(v, d, now));
}
export async function removePage(input: unknown) {
  return act(RemovePageInput, input, (v, d, now) => issues.removePage(v, d, now));
}
export async function placeStory(input: unknown) {
  return act(PlaceStoryInput, input, (v, d, now) => issues.placeStory(v, d, now));
}
export async function arrangePage(input: unknown) {
  return act(ArrangePageInput, input, (v, d, now) => issues.arrangePage(v, d, now));
}
export async function removePlacement(input: unknown) {
  return act(RemovePlacementInput, input, (v, d, now) => issues.removePlacement(v, d, now));
}
export async function publishNow(input: unknown) {
  return act(PublishNowInput, input, (v, d, now) => publishing.publishIssueNow(v, d, now), true);
}
export async function scheduleIssue(input: unknown) {
  return act(ScheduleInput, input, (v, d, now) => {
    const publishAt = zonedTimeToInstant(d.publishAt, getSettings().timezone);
    if (!publishAt)
      throw new AppError("invalid_input", "datetime_invalid", { publishAt: ["datetime_invalid"] });
    publishing.scheduleIssue(v, { issueId: d.issueId, publishAt }, now);
  });
}
export async function cancelSchedule(input: unknown) {
  return act(IssueIdInput, input, (v, d, now) => publishing.cancelSchedule(v, d, now));
}
export async function unpublishIssue(input: unknown) {
  return act(UnpublishInput, input, (v, d, now) => publishing.unpublishIssue(v, d, now), true);
}
export async function signOffPage(input: unknown) {
  return act(SignOffPageInput, input, (v, d, now) => signOff.signOffPage(v, d, now));
}
export async function reopenPage(input: unknown) {
  return act(ReopenPageInput, input, (v, d, now) => signOff.reopenPage(v, d, now));
}
export async function signOffIssue(input: unknown) {
  return act(SignOffIssueInput, input, (v, d, now) => signOff.signOffIssue(v, d, now));
}
