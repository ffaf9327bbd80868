/**
 * The notification screens' mutations as thin steps, like lib/assignments/actions.ts: parse, find
 * the actor, call the command.
 */
import "server-only";
import { attempt, fieldErrorsOf, invalidInput, type ActionResult } from "@/lib/desk-results";
import { requireActor } from "@/lib/auth/session";
import { now } from "@/lib/clock";
import { markAllRead } from "./queries";
import { followArticle, savePreferences } from "./preferences";
import { followArticleSchema, preferencesSchema } from "./schemas";

export async function runMarkAllRead(): Promise<ActionResult<{ marked: number }>> {
  return attempt(async () => ({ marked: await markAllRead(await requireActor(), now()) }));
}

export async function runSavePreferences(raw: unknown): Promise<ActionResult<object>> {
  const parsed = preferencesSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  return attempt(async () => savePreferences({ input: parsed.data, actor: await requireActor() }));
}

export async function runFollowArticle(raw: unknown): Promise<ActionResult<object>> {
  const parsed = followArticleSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  return attempt(async () => followArticle({ input: parsed.data, actor: await requireActor() }));
}
