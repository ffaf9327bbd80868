/**
 * A user confirms the secret their authenticator app now holds by typing its code. Only then is
 * the secret stored, with ten new recovery codes, returned this once for the user to keep. The
 * code's step is recorded as used, so the code that confirmed cannot also sign someone in.
 */
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { db } from "@/lib/db";
import { DeskError } from "@/lib/errors";
import { openEnrolment } from "../enrolment-token";
import { replaceRecoveryCodes } from "../second-factor";
import type { EnrolmentInput } from "../second-factor-schemas";
import { serverKey } from "../server-keys";
import { acceptedTotpStep } from "../totp";
import type { SessionUser } from "../session";

export const wrongEnrolmentCode = "That code is not right. Type the newest code your app shows, and check that your phone sets its clock automatically.";

export async function enrolSecondFactor({
  input,
  actor,
  now,
  address,
}: {
  input: EnrolmentInput;
  actor: Pick<SessionUser, "id" | "name">;
  now: Date;
  address: string;
}): Promise<{ recoveryCodes: string[] }> {
  const secret = openEnrolment(serverKey("second-factor-enrolment"), input.token, actor.id, now);
  if (!secret) {
    throw new DeskError("invalid_input", "This set-up has expired. Reload the page, add the new secret to your app and try again.");
  }
  const step = acceptedTotpStep({ secret, code: input.code, at: now, lastStep: null });
  if (step === null) throw new DeskError("invalid_input", "Some fields need attention.", { code: [wrongEnrolmentCode] });

  return db.$transaction(async (tx) => {
    const { count } = await tx.user.updateMany({
      where: { id: actor.id, totpSecret: null },
      data: { totpSecret: secret, totpEnabledAt: now, totpLastStep: step },
    });
    if (count !== 1) throw new DeskError("conflict", "You already have a second factor. Reload the page to see it.");
    const recoveryCodes = await replaceRecoveryCodes(tx, actor.id);
    await recordAudit(tx, {
      kind: "second_factor_enrolled",
      actorId: actor.id,
      address,
      subject: `user:${actor.id}`,
      summary: `${actor.name} turned on a second factor`,
      at: now,
    });
    return { recoveryCodes };
  });
}
