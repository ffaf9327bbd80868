/**
 * The desk's mutations as thin steps: parse with zod, find the actor, call the command, and turn
 * refusals into results. Server actions (app/desk/articles/actions.ts) and the API route call these,
 * so a crafted request meets exactly the checks the UI does.
 */
import "server-only";
import { requireActor } from "@/lib/auth/session";
import { now } from "@/lib/time/clock";
import { attempt, fieldErrorsOf, invalidInput, type ActionFailure, type ActionResult, type FieldErrors } from "@/lib/desk-results";
import { requestContext } from "@/lib/server/request-context";
import { getSettings } from "@/lib/settings";
import { readLocalTime, type LocalTimeReading } from "@/lib/time/zones";
import { addNote } from "./commands/add-note";
import { createArticle } from "./commands/create-article";
import { moveArticle, type MoveArticleInput } from "./commands/move-article";
import { restoreRevision } from "./commands/restore-revision";
import { getLatestVersion, type LatestVersion } from "./desk-queries";
import { saveArticle } from "./commands/save-article";
import {
  addNoteSchema,
  createArticleSchema,
  readDraftFields,
  restoreRevisionSchema,
  saveArticleSchema,
  workflowInputSchema,
} from "./schemas";
import type { ArticleStatus, WorkflowAction } from "./workflow";

export type SavedArticle = { id: string; version: number; fieldErrors?: FieldErrors };

/**
 * A new article: saved as soon as it has a headline or some of the story. Fields that are not well
 * formed are left out and come back in `fieldErrors` beside a successful save.
 */
export async function runCreateArticle(raw: unknown): Promise<ActionResult<SavedArticle>> {
  const envelope = createArticleSchema.safeParse(raw);
  if (!envelope.success) return invalidInput(fieldErrorsOf(envelope.error));
  const { fields, fieldErrors } = readDraftFields(raw);
  const result = await attempt(async () =>
    createArticle({ fields, assignmentId: envelope.data.assignmentId, actor: await requireActor(), now: now() }),
  );
  return withParseErrors(result, fieldErrors);
}

export type SaveFailure = ActionFailure & { latest?: LatestVersion };

/**
 * A save stores every well-formed field and names the others in `fieldErrors`. A stale save is
 * refused whole, with the newer version attached, so the writer can compare and merge.
 */
export async function runSaveArticle(raw: unknown): Promise<ActionResult<SavedArticle> | SaveFailure> {
  const envelope = saveArticleSchema.safeParse(raw);
  if (!envelope.success) return invalidInput(fieldErrorsOf(envelope.error));
  const { fields, fieldErrors } = readDraftFields(raw);
  const result = await attempt(async () =>
    saveArticle({ input: { ...fields, ...envelope.data }, actor: await requireActor(), now: now() }),
  );
  if (result.ok || result.code !== "conflict") return withParseErrors(result, fieldErrors);
  const latest = await getLatestVersion(await requireActor(), envelope.data.articleId);
  return { ...result, latest: latest ?? undefined };
}

/** The parse's messages join the command's; for one field, the parse's message says what was typed wrong. */
function withParseErrors<T extends { fieldErrors?: FieldErrors }>(result: ActionResult<T>, parsed: FieldErrors): ActionResult<T> {
  if (result.ok ? Object.keys(parsed).length === 0 : result.code !== "invalid_input") return result;
  const fieldErrors = { ...result.fieldErrors, ...parsed };
  return Object.keys(fieldErrors).length ? { ...result, fieldErrors } : result;
}

export async function runWorkflowAction(raw: unknown): Promise<ActionResult<{ id: string; status: ArticleStatus }>> {
  const parsed = workflowInputSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  const { scheduledFor, correctionKind, correctionText, ...rest } = parsed.data;
  const when = scheduledFor ? instantFrom(scheduledFor, (await getSettings()).timeZone) : undefined;
  if (when && !when.ok) return invalidInput({ scheduledFor: [when.error] });
  const input: MoveArticleInput = {
    ...rest,
    action: rest.action as WorkflowAction,
    scheduledFor: when?.at,
    correction: correctionKind && correctionText ? { kind: correctionKind, text: correctionText } : undefined,
  };
  return attempt(async () => moveArticle({ input, actor: await requireActor(), now: now(), context: await requestContext() }));
}

/** An ISO instant with its offset, or a time typed in the newsroom's zone ("2026-03-29T09:30"). */
function instantFrom(value: string, timeZone: string): LocalTimeReading {
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime())) return { ok: true, at: instant };
  }
  return readLocalTime(value, timeZone);
}

export async function runRestoreRevision(
  raw: unknown,
): Promise<ActionResult<{ id: string; version: number; restored: number }>> {
  const parsed = restoreRevisionSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  return attempt(async () => restoreRevision({ input: parsed.data, actor: await requireActor(), now: now() }));
}

export async function runAddNote(raw: unknown): Promise<ActionResult<{ id: string; articleId: string }>> {
  const parsed = addNoteSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  return attempt(async () => addNote({ input: parsed.data, actor: await requireActor(), now: now() }));
}
