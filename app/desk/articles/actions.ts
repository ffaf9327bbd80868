"use server";

import { revalidatePath } from "next/cache";
import { runCreateArticle, runRestoreRevision, runSaveArticle, runWorkflowAction } from "@/lib/articles/desk-actions";

export async function createArticleAction(input: unknown) {
  return runCreateArticle(input);
}

export async function saveArticleAction(input: unknown) {
  return runSaveArticle(input);
}

export async function workflowAction(input: unknown) {
  const result = await runWorkflowAction(input);
  if (result.ok) revalidatePath("/desk", "layout");
  return result;
}

export async function restoreRevisionAction(input: unknown) {
  const result = await runRestoreRevision(input);
  if (result.ok) revalidatePath("/desk", "layout");
  return result;
}
