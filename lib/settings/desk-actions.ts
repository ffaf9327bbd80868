/** The settings form's mutation as thin steps: parse, find the actor, call the command. */
import "server-only";
import { requireActor } from "@/lib/auth/session";
import { attempt, fieldErrorsOf, invalidInput, type ActionResult } from "@/lib/desk-results";
import { requestContext } from "@/lib/server/request-context";
import { updateSettings } from "./commands/update-settings";
import { newsroomSettingsSchema } from "./schemas";

export async function runUpdateSettings(
  raw: unknown,
): Promise<ActionResult<{ newspaperName: string; timeZone: string; requireSecondFactorForReporters: boolean }>> {
  const parsed = newsroomSettingsSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  return attempt(async () => updateSettings({ input: parsed.data, actor: await requireActor(), context: await requestContext() }));
}
