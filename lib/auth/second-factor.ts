/**
 * The second factor: TOTP (RFC 6238, lib/auth/totp.ts) and ten single-use recovery codes, stored
 * hashed (lib/auth/recovery-codes.ts). Sign-in checks codes here (lib/auth/sign-in.ts, step 3); the
 * account page's commands (lib/auth/commands/) and the admin's removal (lib/users/commands/) write
 * through the helpers below. Every "use once" is a conditional update, so two requests racing with
 * the same code cannot both pass.
 */
import "server-only";
import { recordAudit } from "@/lib/audit/record";
import { db, type Tx } from "@/lib/db";
import { canonicalRecoveryCode, newRecoveryCodes, recoveryCodeHash } from "./recovery-codes";
import { serverKey } from "./server-keys";
import { acceptedTotpStep } from "./totp";

export type SecondFactorUser = { id: string; role: string; totpSecret: string | null; totpLastStep: number | null };

/** A TOTP code: six digits, spaces allowed ("123 456" as some apps show it). */
function asTotpCode(typed: string): string | null {
  const digits = typed.replace(/\s/g, "");
  return /^\d{6}$/.test(digits) ? digits : null;
}

/**
 * Checks a code typed at sign-in: a current TOTP code (not one already used) or an unused recovery
 * code, which is then spent (and audited, from `address`). Returns false for anything else.
 * Throttling is the caller's concern.
 */
export async function verifySecondFactor(
  user: SecondFactorUser,
  code: string,
  at: Date,
  { address = "" }: { address?: string } = {},
): Promise<"totp" | "recovery" | false> {
  if (!user.totpSecret) return false;
  const totp = asTotpCode(code);
  if (totp) return (await spendTotpCode(user, totp, at)) ? "totp" : false;
  const recovery = canonicalRecoveryCode(code);
  if (recovery) return (await spendRecoveryCode(user.id, recovery, at, address)) ? "recovery" : false;
  return false;
}

/**
 * Accepts a TOTP code once: records its step, only if no later or equal step was recorded in the
 * meantime (and the secret is still the one checked).
 */
export async function spendTotpCode(user: SecondFactorUser, code: string, at: Date): Promise<boolean> {
  if (!user.totpSecret) return false;
  const step = acceptedTotpStep({ secret: user.totpSecret, code, at, lastStep: user.totpLastStep });
  if (step === null) return false;
  const { count } = await db.user.updateMany({
    where: { id: user.id, totpSecret: user.totpSecret, OR: [{ totpLastStep: null }, { totpLastStep: { lt: step } }] },
    data: { totpLastStep: step },
  });
  return count === 1;
}

async function spendRecoveryCode(userId: string, code: string, at: Date, address: string): Promise<boolean> {
  const codeHash = recoveryCodeHash(serverKey("recovery-codes"), userId, code);
  return db.$transaction(async (tx) => {
    const { count } = await tx.recoveryCode.updateMany({ where: { userId, codeHash, usedAt: null }, data: { usedAt: at } });
    if (count !== 1) return false;
    const left = await tx.recoveryCode.count({ where: { userId, usedAt: null } });
    await recordAudit(tx, {
      kind: "recovery_code_used",
      actorId: userId,
      address,
      subject: `user:${userId}`,
      summary: `Signed in with a recovery code; ${left} left`,
      detail: { left },
      at,
    });
    return true;
  });
}

/** Replaces a user's recovery codes with ten new ones; returns them, the only time they are readable. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = newRecoveryCodes();
  const key = serverKey("recovery-codes");
  await tx.recoveryCode.deleteMany({ where: { userId } });
  await tx.recoveryCode.createMany({ data: codes.map((code) => ({ userId, codeHash: recoveryCodeHash(key, userId, code) })) });
  return codes;
}

/** Takes a user's second factor away (secret, last step, recovery codes). False if they had none. */
export async function clearSecondFactor(tx: Tx, userId: string): Promise<boolean> {
  const { count } = await tx.user.updateMany({
    where: { id: userId, totpSecret: { not: null } },
    data: { totpSecret: null, totpEnabledAt: null, totpLastStep: null },
  });
  await tx.recoveryCode.deleteMany({ where: { userId } });
  return count === 1;
}

export type SecondFactorStatus = { enrolledAt: Date | null; recoveryCodesLeft: number };

/** What the account page shows about a user's second factor. */
export async function secondFactorStatus(userId: string): Promise<SecondFactorStatus> {
  const [user, recoveryCodesLeft] = await Promise.all([
    db.user.findUnique({ where: { id: userId }, select: { totpSecret: true, totpEnabledAt: true } }),
    db.recoveryCode.count({ where: { userId, usedAt: null } }),
  ]);
  return { enrolledAt: user?.totpSecret ? (user.totpEnabledAt ?? new Date(0)) : null, recoveryCodesLeft };
}
