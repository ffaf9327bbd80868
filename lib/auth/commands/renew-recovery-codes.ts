/**
 * A user with a second factor replaces their recovery codes (all used, or the list lost), after
 * typing their password. The old codes stop working at once; the new ones are shown this once.
 */
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { replaceRecoveryCodes } from "../second-factor";
import type { PasswordConfirmation } from "../second-factor-schemas";
import type { SessionUser } from "../session";
import { confirmPassword } from "./confirm-password";

export async function renewRecoveryCodes({
  input,
  actor,
  now,
  address,
}: {
  input: PasswordConfirmation;
  actor: Pick<SessionUser, "id" | "name">;
  now: Date;
  address: string;
}): Promise<{ recoveryCodes: string[] }> {
  await confirmPassword(actor.id, input.password);
  return db.$transaction(async (tx) => {
    const user = await tx.user.findUnique({ where: { id: actor.id }, select: { totpSecret: true } });
    if (!user?.totpSecret) throw new DeskError("conflict", "Turn on a second factor first; recovery codes come with it.");
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
    await recordAudit(tx, {
      kind: "recovery_codes_renewed",
      actorId: actor.id,
      address,
      subject: `user:${actor.id}`,
      summary: `${actor.name} replaced their recovery codes`,
      at: now,
    });
    return { recoveryCodes };
  });
}
