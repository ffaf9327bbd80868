/**
 * The assignment screens' mutations as thin steps, like lib/articles/desk-actions.ts: parse, read
 * the deadline in the newsroom's time zone, find the actor, call the command.
 */
import "server-only";
import { attempt, fieldErrorsOf, invalidInput, type ActionResult } from "@/lib/desk-results";
import { requireActor } from "@/lib/auth/session";
import { now } from "@/lib/time/clock";
import { getSettings } from "@/lib/settings";
import { createAssignment } from "./commands/create-assignment";
import { updateAssignment } from "./commands/update-assignment";
import { deadlineFromInput } from "./rules";
import { createAssignmentSchema, updateAssignmentSchema } from "./schemas";

async function deadlineOf(input: string, at: Date) {
  const { timeZone } = await getSettings();
  return deadlineFromInput(input, timeZone, at);
}

export async function runCreateAssignment(raw: unknown): Promise<ActionResult<{ id: string }>> {
  const parsed = createAssignmentSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  const at = now();
  const deadline = await deadlineOf(parsed.data.deadline, at);
  if (!deadline.ok) return invalidInput({ deadline: [deadline.error] });
  return attempt(async () =>
    createAssignment({ input: { ...parsed.data, deadline: deadline.deadline }, actor: await requireActor(), now: at }),
  );
}

export async function runUpdateAssignment(raw: unknown): Promise<ActionResult<{ id: string }>> {
  const parsed = updateAssignmentSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  const at = now();
  const deadline = await deadlineOf(parsed.data.deadline, at);
  if (!deadline.ok) return invalidInput({ deadline: [deadline.error] });
  return attempt(async () =>
    updateAssignment({ input: { ...parsed.data, deadline: deadline.deadline }, actor: await requireActor(), now: at }),
  );
}
