"use server";

import { revalidatePath } from "next/cache";
import { runAddSection, runDeleteSection, runMoveSection, runRenameSection } from "@/lib/sections/desk-actions";
import { runUpdateSettings } from "@/lib/settings/desk-actions";

// The newspaper's name, time zone and sections appear on every public and desk page.
function refreshSite<T extends { ok: boolean }>(result: T): T {
  if (result.ok) revalidatePath("/", "layout");
  return result;
}

export async function updateSettingsAction(input: unknown) {
  return refreshSite(await runUpdateSettings(input));
}

export async function addSectionAction(input: unknown) {
  return refreshSite(await runAddSection(input));
}

export async function renameSectionAction(input: unknown) {
  return refreshSite(await runRenameSection(input));
}

export async function moveSectionAction(input: unknown) {
  return refreshSite(await runMoveSection(input));
}

export async function deleteSectionAction(input: unknown) {
  return refreshSite(await runDeleteSection(input));
}
