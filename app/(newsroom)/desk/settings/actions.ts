"use server";
// The settings page's actions: the paper's settings and its desks. lib/ checks the permission.
import { revalidatePath } from "next/cache";
import {
  CreateDeskInput,
  DeskMemberInput,
  RemoveDeskMemberInput,
  SettingsInput,
} from "@/lib/desk-input";
import * as deskBook from "@/lib/desks";
import { type ActionResult, failure, invalid, ok } from "@/lib/errors";
import { requireActionViewer } from "@/lib/session";
import * as paper from "@/lib/settings";

export async function saveSettings(input: unknown): Promise<ActionResult> {
  try {
    const viewer = await requireActionViewer();
    const parsed = SettingsInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    paper.updateSettings(viewer, parsed.data, new Date());
    revalidatePath("/desk/settings");
    return ok();
  } catch (error) {
    return failure(error);
  }
}

export async function createDesk(input: unknown): Promise<ActionResult<{ id: number }>> {
  try {
    const viewer = await requireActionViewer();
    const parsed = CreateDeskInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    const desk = deskBook.createDesk(viewer, parsed.data, new Date());
    revalidatePath("/desk/settings");
    return ok(desk);
  } catch (error) {
    return failure(error);
  }
}

export async function setDeskMember(input: unknown): Promise<ActionResult> {
  try {
    const viewer = await requireActionViewer();
    const parsed = DeskMemberInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    deskBook.setDeskMember(viewer, parsed.data, new Date());
    revalidatePath("/desk/settings");
    return ok();
  } catch (error) {
    return failure(error);
  }
}

export async function removeDeskMember(input: unknown): Promise<ActionResult> {
  try {
    const viewer = await requireActionViewer();
    const parsed = RemoveDeskMemberInput.safeParse(input);
    if (!parsed.success) return invalid(parsed.error);
    deskBook.removeDeskMember(viewer, parsed.data, new Date());
    revalidatePath("/desk/settings");
    return ok();
  } catch (error) {
    return failure(error);
  }
}
