/**
 * The second factor: TOTP (RFC 6238) and ten single-use recovery codes, stored hashed.
 * Interface shared by sign-in (lib/auth/options.ts) and the account pages; see the functions' notes.
 */
import "server-only";

export type SecondFactorUser = { id: string; role: string; totpSecret: string | null; totpLastStep: number | null };

/**
 * Checks a code typed at sign-in: a current TOTP code (not one already used) or an unused recovery
 * code, which is then spent. Returns false for anything else. Throttling is the caller's concern.
 */
export async function verifySecondFactor(user: SecondFactorUser, code: string, at: Date): Promise<"totp" | "recovery" | false> {
  void user;
  void code;
  void at;
  throw new Error("not built yet");
}
