/**
 * The account page's mutations as thin steps: parse, find the signed-in user, call the command.
 * Both work for a user who must change their password (an admin reset it): that is what the page is for.
 */
import "server-only";
import { requireActor } from "@/lib/auth/session";
import { now } from "@/lib/time/clock";
import { attempt, fieldErrorsOf, invalidInput, type ActionResult } from "@/lib/desk-results";
import { requestContext } from "@/lib/server/request-context";
import { changePassword } from "./commands/change-password";
import { signOutEverywhere } from "./commands/sign-out-everywhere";
import { changePasswordSchema } from "./schemas";

export async function runChangePassword(raw: unknown): Promise<ActionResult<{ id: string }>> {
  const parsed = changePasswordSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  const { address } = await requestContext();
  return attempt(async () =>
    changePassword({ input: parsed.data, actor: await requireActor({ allowPendingPasswordChange: true, allowPendingEnrolment: true }), address, now: now() }),
  );
}

export async function runSignOutEverywhere(): Promise<ActionResult<{ id: string }>> {
  const { address } = await requestContext();
  return attempt(async () => signOutEverywhere({ actor: await requireActor({ allowPendingPasswordChange: true, allowPendingEnrolment: true }), address, now: now() }));
}
