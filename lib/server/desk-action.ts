/**
 * The one shape of a desk mutation, behind the desk's server actions and the HTTP API alike:
 *   1. parse the input with its zod schema: a mistake is a result with field errors, never a throw;
 *   2. find the signed-in actor: 401 when signed out, 403 while a pending step (a password to
 *      change, a second factor to enrol) comes first, unless the action is the one serving it;
 *   3. authorize what the action declares it `needs`: the policy's first question, "may they do
 *      this at all" (lib/auth/policy.ts). Rights over one article or image are the command's to
 *      check, on the row it re-reads inside its transaction;
 *   4. run the command: its DeskError refusals become results with their code (lib/desk-results.ts,
 *      mapped to HTTP by lib/http.ts), and a success refreshes the desk pages it changed.
 *
 * Each action is declared beside its domain, in the area's "use server" module:
 *
 *   export const addNoteAction = deskAction(
 *     { input: addNoteSchema, needs: "view:article:own", refreshes: (note) => [`/desk/articles/${note.articleId}`] },
 *     (input, { actor, now }) => addNote({ input, actor, now }),
 *   );
 *
 * Components import those; route handlers (app/api) call the same functions once lib/http.ts has
 * admitted the request, so a crafted request meets exactly the checks the desk's forms do.
 */
import "server-only";
import { z } from "zod";
import type { AuditContext } from "@/lib/audit/context";
import { requirePermission, type Permission } from "@/lib/auth/policy";
import { requireActor, type Gate, type SessionUser } from "@/lib/auth/session";
import { now } from "@/lib/time/clock";
import { attempt, fieldErrorsOf, invalidInput, type ActionFailure, type ActionResult } from "@/lib/desk-results";
import { nextCache } from "./next-cache";
import { requestContext } from "./request-context";

/** A desk path to refresh after a success; with "layout", every page beneath it too. */
export type DeskPath = string | { path: string; type: "layout" };

/** What a command is run with besides its input: who acts, when, and from which client. */
export type DeskActionContext = { actor: SessionUser; now: Date; context: AuditContext };

/** For an action that takes nothing (signing out everywhere). */
export const noInput = z.unknown();

type DeskActionSpec<Schema extends z.ZodType, F extends ActionFailure> = {
  input: Schema;
  /** A permission, one that depends on the input (a workflow verb's), or only a signed-in user. */
  needs: Permission | "signed-in" | ((input: z.output<Schema>) => Permission);
  /** The pending steps this action serves anyway (the account and enrolment pages' own actions). */
  gate?: Gate;
  /** The desk pages a success changes (named from the input, so the result's type is the command's alone). */
  refreshes?: (input: z.output<Schema>) => DeskPath[];
  /** Shapes a refusal for its form: a taken name shown beside its field, the newer version attached. */
  refused?: (failure: ActionFailure, input: z.output<Schema>, actor: SessionUser | undefined) => F | Promise<F>;
};

export function deskAction<Schema extends z.ZodType, T extends object, F extends ActionFailure = ActionFailure>(
  spec: DeskActionSpec<Schema, F>,
  run: (input: z.output<Schema>, context: DeskActionContext) => Promise<T>,
): (raw?: unknown) => Promise<ActionResult<T> | F> {
  return async (raw) => {
    const parsed = spec.input.safeParse(raw);
    if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
    const input = parsed.data;
    let actor: SessionUser | undefined;
    const result = await attempt(async () => {
      actor = await requireActor(spec.gate);
      if (spec.needs !== "signed-in") requirePermission(actor, typeof spec.needs === "function" ? spec.needs(input) : spec.needs);
      return run(input, { actor, now: now(), context: await requestContext() });
    });
    if (result.ok) await refresh(spec.refreshes?.(input) ?? []);
    else if (spec.refused) return spec.refused(result, input, actor);
    return result;
  };
}

async function refresh(paths: DeskPath[]): Promise<void> {
  try {
    const { revalidatePath } = await nextCache();
    for (const path of paths) {
      if (typeof path === "string") revalidatePath(path);
      else revalidatePath(path.path, path.type);
    }
  } catch {
    // Outside a request (an integration test, a script) Next has no pages to refresh, and throws.
  }
}
