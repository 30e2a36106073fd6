"use server";
// The settings page's actions: the paper's settings and its desks. lib/ checks the permission.
import { revalidatePath } from "next/cache";
import { action } from "@/lib/action";
import {
  CreateDeskInput,
  DeskMemberInput,
  RemoveDeskMemberInput,
  SettingsInput,
} from "@/lib/desk-input";
import * as deskBook from "@/lib/desks";
import * as paper from "@/lib/settings";

export async function saveSettings(input: unknown) {
  return action(SettingsInput, input, (viewer, data, now) => {
    paper.updateSettings(viewer, data, now);
    revalidatePath("/desk/settings");
  });
}

export async function createDesk(input: unknown) {
  return action(CreateDeskInput, input, (viewer, data, now) => {
    const desk = deskBook.createDesk(viewer, data, now);
    revalidatePath("/desk/settings");
    return desk;
  });
}

export async function setDeskMember(input: unknown) {
  return action(DeskMemberInput, input, (viewer, data, now) => {
    deskBook.setDeskMember(viewer, data, now);
    revalidatePath("/desk/settings");
  });
}

export async function removeDeskMember(input: unknown) {
  return action(RemoveDeskMemberInput, input, (viewer, data, now) => {
    deskBook.removeDeskMember(viewer, data, now);
    revalidatePath("/desk/settings");
  });
}
