"use server";

import { revalidatePath } from "next/cache";
import { runCreateAssignment, runUpdateAssignment } from "@/lib/assignments/actions";

export async function createAssignmentAction(input: unknown) {
  const result = await runCreateAssignment(input);
  if (result.ok) revalidatePath("/desk/assignments");
  return result;
}

export async function updateAssignmentAction(input: unknown) {
  const result = await runUpdateAssignment(input);
  if (result.ok) revalidatePath("/desk/assignments", "layout");
  return result;
}
