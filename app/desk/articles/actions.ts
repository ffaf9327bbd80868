"use server";

import { revalidatePath } from "next/cache";
import { runAddNote, runCreateArticle, runRestoreRevision, runSaveArticle, runWorkflowAction } from "@/lib/articles/desk-actions";

export async function createArticleAction(input: unknown) {
  const result = await runCreateArticle(input);
  // An article started from an assignment changes the assignments list. Only then: revalidating
  // re-renders the page the form is on, and a new article's form must stay mounted as it saves.
  if (result.ok && typeof input === "object" && input !== null && "assignmentId" in input && input.assignmentId) {
    revalidatePath("/desk/assignments");
  }
  return result;
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

export async function addNoteAction(input: unknown) {
  const result = await runAddNote(input);
  if (result.ok) revalidatePath(`/desk/articles/${result.articleId}`);
  return result;
}
