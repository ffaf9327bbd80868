"use server";
/**
 * The article desk's actions, each with the permission it needs (lib/server/desk-action.ts). The
 * desk's forms call them as server actions; the API (app/api/articles) calls the same functions.
 */
import "server-only";
import { deskAction, type DeskPath } from "@/lib/server/desk-action";
import { refuseInput, type ActionFailure, type FieldErrors } from "@/lib/desk-results";
import { getSettings } from "@/lib/settings";
import { readLocalTime, type LocalTimeReading } from "@/lib/time/zones";
import { addNote } from "./commands/add-note";
import { createArticle } from "./commands/create-article";
import { moveArticle } from "./commands/move-article";
import { restoreRevision } from "./commands/restore-revision";
import { saveArticle } from "./commands/save-article";
import { getLatestVersion, type LatestVersion } from "./desk-queries";
import {
  addNoteSchema,
  createArticleRequestSchema,
  restoreRevisionSchema,
  saveArticleRequestSchema,
  workflowInputSchema,
} from "./schemas";
import { transitions } from "./workflow";

export type SavedArticle = { id: string; version: number; fieldErrors?: FieldErrors };
export type SaveFailure = ActionFailure & { latest?: LatestVersion };

// Every desk list shows articles' states: a move refreshes the whole desk.
const wholeDesk: DeskPath[] = [{ path: "/desk", type: "layout" }];

/**
 * A new article: saved as soon as it has a headline or some of the story. Fields that are not well
 * formed are left out and come back in `fieldErrors` beside a successful save.
 */
export const createArticleAction = deskAction(
  {
    input: createArticleRequestSchema,
    needs: "create:article",
    // Only a start from an assignment changes another page: revalidating re-renders the page the
    // form is on, and a new article's form must stay mounted as it saves.
    refreshes: ({ assignmentId }) => (assignmentId ? ["/desk/assignments"] : []),
    refused: (failure, { draft }) => withParseErrors(failure, draft.fieldErrors),
  },
  async ({ assignmentId, draft }, { actor, now }): Promise<SavedArticle> =>
    withParseErrors(await createArticle({ fields: draft.fields, assignmentId, actor, now }), draft.fieldErrors),
);

/**
 * A save stores every well-formed field and names the others in `fieldErrors`. A stale save is
 * refused whole, with the newer version attached, so the writer can compare and merge.
 */
export const saveArticleAction = deskAction(
  {
    input: saveArticleRequestSchema,
    needs: "edit:article:own",
    refused: async (failure, { articleId, draft }, actor): Promise<SaveFailure> => {
      if (failure.code !== "conflict" || !actor) return withParseErrors(failure, draft.fieldErrors);
      return { ...failure, latest: (await getLatestVersion(actor, articleId)) ?? undefined };
    },
  },
  async ({ articleId, baseVersion, draft }, { actor, now }): Promise<SavedArticle> =>
    withParseErrors(await saveArticle({ input: { ...draft.fields, articleId, baseVersion }, actor, now }), draft.fieldErrors),
);

/**
 * The parse's messages join the command's: beside a save, or beside its refusal for invalid input.
 * For one field, the parse's message says what was typed wrong.
 */
function withParseErrors<T extends { ok?: boolean; code?: string; fieldErrors?: FieldErrors }>(result: T, parsed: FieldErrors): T {
  if (Object.keys(parsed).length === 0 || (result.ok === false && result.code !== "invalid_input")) return result;
  return { ...result, fieldErrors: { ...result.fieldErrors, ...parsed } };
}

/** A workflow verb needs the permission the transition table gives it; the command checks the article's state. */
export const workflowAction = deskAction(
  { input: workflowInputSchema, needs: ({ action }) => transitions[action].permission, refreshes: () => wholeDesk },
  async ({ scheduledFor, correctionKind, correctionText, ...rest }, { actor, now, context }) => {
    const when = scheduledFor ? instantFrom(scheduledFor, (await getSettings()).timeZone) : undefined;
    if (when && !when.ok) refuseInput({ scheduledFor: [when.error] });
    const correction = correctionKind && correctionText ? { kind: correctionKind, text: correctionText } : undefined;
    return moveArticle({ input: { ...rest, scheduledFor: when?.at, correction }, actor, now, context });
  },
);

/** An ISO instant with its offset, or a time typed in the newsroom's zone ("2026-03-29T09:30"). */
function instantFrom(value: string, timeZone: string): LocalTimeReading {
  if (/(Z|[+-]\d{2}:?\d{2})$/.test(value)) {
    const instant = new Date(value);
    if (!Number.isNaN(instant.getTime())) return { ok: true, at: instant };
  }
  return readLocalTime(value, timeZone);
}

export const restoreRevisionAction = deskAction(
  { input: restoreRevisionSchema, needs: "edit:article:own", refreshes: () => wholeDesk },
  (input, { actor, now }) => restoreRevision({ input, actor, now }),
);

export const addNoteAction = deskAction(
  { input: addNoteSchema, needs: "view:article:own", refreshes: (note) => [`/desk/articles/${note.articleId}`] },
  (input, { actor, now }) => addNote({ input, actor, now }),
);
