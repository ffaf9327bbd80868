/**
 * The second-factor page's mutations as thin steps: parse, find the actor (who may be on their way
 * to enrolling, so the enrolment gate lets them through), call the command, turn refusals into
 * results. The server actions in app/desk/account/second-factor/actions.ts call these.
 */
import "server-only";
import { now } from "@/lib/time/clock";
import { attempt, fieldErrorsOf, invalidInput, type ActionResult } from "@/lib/desk-results";
import { requestContext } from "@/lib/server/request-context";
import { enrolSecondFactor } from "./commands/enrol-second-factor";
import { removeOwnSecondFactor } from "./commands/remove-own-second-factor";
import { renewRecoveryCodes } from "./commands/renew-recovery-codes";
import { enrolmentSchema, passwordConfirmationSchema } from "./second-factor-schemas";
import { requireActor } from "./session";

const actorOnTheWay = () => requireActor({ allowPendingEnrolment: true });
const address = async () => (await requestContext()).address;

export async function runEnrolSecondFactor(raw: unknown): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  const parsed = enrolmentSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  return attempt(async () => enrolSecondFactor({ input: parsed.data, actor: await actorOnTheWay(), now: now(), address: await address() }));
}

export async function runRemoveOwnSecondFactor(raw: unknown): Promise<ActionResult<{ removed: true }>> {
  const parsed = passwordConfirmationSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  return attempt(async () => removeOwnSecondFactor({ input: parsed.data, actor: await actorOnTheWay(), now: now(), address: await address() }));
}

export async function runRenewRecoveryCodes(raw: unknown): Promise<ActionResult<{ recoveryCodes: string[] }>> {
  const parsed = passwordConfirmationSchema.safeParse(raw);
  if (!parsed.success) return invalidInput(fieldErrorsOf(parsed.error));
  return attempt(async () => renewRecoveryCodes({ input: parsed.data, actor: await actorOnTheWay(), now: now(), address: await address() }));
}
