/**
 * A user turns their own second factor off, after typing their password, unless their role (or
 * the newsroom's settings) requires one. An admin's removal for a lost phone is
 * lib/users/commands/remove-second-factor.ts.
 */
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { isDemoMode } from "@/lib/demo";
import { DeskError } from "@/lib/errors";
import { readSettings } from "@/lib/settings";
import { clearSecondFactor } from "../second-factor";
import { secondFactorRequired } from "../second-factor-rules";
import type { PasswordConfirmation } from "../second-factor-schemas";
import type { SessionUser } from "../session";
import { confirmPassword } from "./confirm-password";

export async function removeOwnSecondFactor({
  input,
  actor,
  now,
  address,
}: {
  input: PasswordConfirmation;
  actor: Pick<SessionUser, "id" | "name" | "role" | "email">;
  now: Date;
  address: string;
}): Promise<{ removed: true }> {
  await confirmPassword(actor.id, input.password);
  return db.$transaction(async (tx) => {
    if (secondFactorRequired(actor, await readSettings(tx), isDemoMode())) {
      throw new DeskError("forbidden", "Your role needs a second factor, so it cannot be removed. You can renew your recovery codes instead.");
    }
    if (!(await clearSecondFactor(tx, actor.id))) throw new DeskError("conflict", "You have no second factor to remove.");
    await recordAudit(tx, {
      kind: "second_factor_removed",
      actorId: actor.id,
      address,
      subject: `user:${actor.id}`,
      summary: `${actor.name} removed their second factor`,
      at: now,
    });
    return { removed: true as const };
  });
}
