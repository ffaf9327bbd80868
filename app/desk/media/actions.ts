"use server";

import { revalidatePath } from "next/cache";
import { runUpdateMediaDetails } from "@/lib/media/desk-actions";

// Uploads go through POST /api/media (server actions stop at 1 MB); edits are small and come here.
export async function updateMediaDetailsAction(input: unknown) {
  const result = await runUpdateMediaDetails(input);
  if (result.ok) revalidatePath("/desk/media");
  return result;
}
