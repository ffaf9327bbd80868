"use server";

import { revalidatePath } from "next/cache";
import { runFollowArticle, runMarkAllRead, runSavePreferences } from "@/lib/notifications/actions";

export async function markAllReadAction() {
  const result = await runMarkAllRead();
  if (result.ok) revalidatePath("/desk", "layout");
  return result;
}

export async function savePreferencesAction(input: unknown) {
  const result = await runSavePreferences(input);
  if (result.ok) revalidatePath("/desk/account/notifications");
  return result;
}

export async function followArticleAction(input: unknown) {
  const result = await runFollowArticle(input);
  if (result.ok) revalidatePath("/desk/articles", "layout");
  return result;
}
