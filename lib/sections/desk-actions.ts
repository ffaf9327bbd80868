/**
 * The sections list's mutations as thin steps: parse, find the actor, call the command, turn
 * refusals into results. app/desk/settings/actions.ts calls these.
 */
import "server-only";
import { requireActor } from "@/lib/auth/session";
import { attempt, fieldErrorsOf, invalidInput, type ActionResult } from "@/lib/desk-results";
import { requestContext } from "@/lib/server/request-context";
import { addSection } from "./commands/add-section";
import { deleteSection } from "./commands/delete-section";
import { moveSection } from "./commands/move-section";
import { renameSection } from "./commands/rename-section";
import { addSectionSchema, moveSectionSchema, renameSectionSchema, sectionRefSchema } from "./schemas";

export async function runAddSection(raw: unknown): Promise<ActionResult<{ id: string; slug: string }>> {
  const parsed = addSectionSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  const result = await attempt(async () => addSection({ input: parsed.data, actor: await requireActor(), context: await requestContext() }));
  // A name that makes no address, or a taken one, is a mistake in the name field.
  if (!result.ok && (result.code === "conflict" || result.code === "invalid_input")) {
    return { ...result, fieldErrors: { name: [result.error] } };
  }
  return result;
}

export async function runRenameSection(raw: unknown): Promise<ActionResult<{ id: string; slug: string }>> {
  const parsed = renameSectionSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  return attempt(async () => renameSection({ input: parsed.data, actor: await requireActor(), context: await requestContext() }));
}

export async function runMoveSection(raw: unknown): Promise<ActionResult<{ id: string }>> {
  const parsed = moveSectionSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  return attempt(async () => moveSection({ input: parsed.data, actor: await requireActor(), context: await requestContext() }));
}

export async function runDeleteSection(raw: unknown): Promise<ActionResult<{ id: string }>> {
  const parsed = sectionRefSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  return attempt(async () => deleteSection({ input: parsed.data, actor: await requireActor(), context: await requestContext() }));
}
