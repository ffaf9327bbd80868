/**
 * The desk's mutations as thin steps: parse with zod, find the actor, call the command, and turn
 * refusals into results. Server actions (app/desk/articles/actions.ts) and the API route call these,
 * so a crafted request meets exactly the checks the UI does.
 */
import "server-only";
import { requireActor } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { isDeskError, type DeskErrorCode } from "@/lib/errors";
import { addNote } from "./commands/add-note";
import { createArticle } from "./commands/create-article";
import { moveArticle } from "./commands/move-article";
import { saveArticle } from "./commands/save-article";
import {
  addNoteSchema,
  createArticleSchema,
  fieldErrorsOf,
  saveArticleSchema,
  workflowInputSchema,
  type FieldErrors,
} from "./schemas";
import type { ArticleStatus, WorkflowAction } from "./workflow";

export type ActionFailure = { ok: false; error: string; code?: DeskErrorCode; fieldErrors?: FieldErrors };
export type ActionResult<T> = ({ ok: true } & T) | ActionFailure;

/** Runs a command, turning its refusals into results; anything else is a real failure and is thrown. */
export async function attempt<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, ...(await run()) };
  } catch (error) {
    if (isDeskError(error)) return { ok: false, error: error.message, code: error.code };
    throw error;
  }
}

export const invalid = (fieldErrors: FieldErrors): ActionFailure => ({
  ok: false,
  code: "invalid_input",
  error: "Some fields need attention.",
  fieldErrors,
});

export async function runCreateArticle(raw: unknown): Promise<ActionResult<{ id: string; version: number }>> {
  const parsed = createArticleSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const { assignmentId, ...fields } = parsed.data;
  return attempt(async () => createArticle({ fields, assignmentId, actor: await requireActor(), now: now() }));
}

export async function runSaveArticle(raw: unknown): Promise<ActionResult<{ id: string; version: number }>> {
  const parsed = saveArticleSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  return attempt(async () => saveArticle({ input: parsed.data, actor: await requireActor(), now: now() }));
}

export async function runWorkflowAction(raw: unknown): Promise<ActionResult<{ id: string; status: ArticleStatus }>> {
  const parsed = workflowInputSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  const input = { ...parsed.data, action: parsed.data.action as WorkflowAction };
  return attempt(async () => moveArticle({ input, actor: await requireActor(), now: now() }));
}

export async function runAddNote(raw: unknown): Promise<ActionResult<{ id: string; articleId: string }>> {
  const parsed = addNoteSchema.safeParse(raw);
  if (!parsed.success) return invalid(fieldErrorsOf(parsed.error));
  return attempt(async () => addNote({ input: parsed.data, actor: await requireActor(), now: now() }));
}
