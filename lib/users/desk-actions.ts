/**
 * The users screen's mutations as thin steps: parse, find the actor, call the command, turn
 * refusals into results. The server actions in app/desk/users/actions.ts call these, so a crafted
 * request meets exactly the checks the screen does.
 */
import "server-only";
import { requireActor } from "@/lib/auth/session";
import { now } from "@/lib/time/clock";
import { attempt, fieldErrorsOf, invalidInput, type ActionResult } from "@/lib/desk-results";
import { requestContext } from "@/lib/server/request-context";
import type { Role } from "@/lib/auth/policy";
import { changeUserRole } from "./commands/change-user-role";
import { createUser } from "./commands/create-user";
import { deactivateUser, type DeactivationOutcome } from "./commands/deactivate-user";
import { reactivateUser } from "./commands/reactivate-user";
import { changeUserRoleSchema, createUserSchema, deactivateUserSchema, reactivateUserSchema, resetPasswordSchema, userRefSchema } from "./schemas";
import { removeSecondFactor } from "./commands/remove-second-factor";
import { resetPassword } from "./commands/reset-password";

export async function runCreateUser(raw: unknown): Promise<ActionResult<{ id: string }>> {
  const parsed = createUserSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  const result = await attempt(async () =>
    createUser({ input: parsed.data, actor: await requireActor(), now: now(), context: await requestContext() }),
  );
  // The only conflict a new user can meet is a taken email: shown beside the email field.
  if (!result.ok && result.code === "conflict") return { ...invalidInput({ email: [result.error] }), code: "conflict" };
  return result;
}

export async function runChangeUserRole(raw: unknown): Promise<ActionResult<{ id: string; role: Role }>> {
  const parsed = changeUserRoleSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  return attempt(async () =>
    changeUserRole({ input: parsed.data, actor: await requireActor(), now: now(), context: await requestContext() }),
  );
}

/** `{ ok: true, deactivated: false, scheduled }`: nothing changed yet; show the stories and ask again. */
export async function runDeactivateUser(raw: unknown): Promise<ActionResult<DeactivationOutcome>> {
  const parsed = deactivateUserSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  return attempt(async () =>
    deactivateUser({ input: parsed.data, actor: await requireActor(), now: now(), context: await requestContext() }),
  );
}

export async function runReactivateUser(raw: unknown): Promise<ActionResult<{ id: string; active: boolean }>> {
  const parsed = reactivateUserSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  return attempt(async () =>
    reactivateUser({ input: parsed.data, actor: await requireActor(), now: now(), context: await requestContext() }),
  );
}

export async function runRemoveSecondFactor(raw: unknown): Promise<ActionResult<{ id: string; hasSecondFactor: false }>> {
  const parsed = userRefSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  return attempt(async () =>
    removeSecondFactor({ input: parsed.data, actor: await requireActor(), now: now(), address: (await requestContext()).address }),
  );
}

export async function runResetPassword(raw: unknown): Promise<ActionResult<{ id: string; name: string; madePassword: string | null }>> {
  const parsed = resetPasswordSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  return attempt(async () =>
    resetPassword({ input: parsed.data, actor: await requireActor(), address: (await requestContext()).address, now: now() }),
  );
}
