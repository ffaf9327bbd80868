/**
 * TOTP codes (RFC 6238: HMAC-SHA-1, 6 digits, 30-second steps) through the `otpauth` library, as
 * pure rules: every function takes the instant it judges, so tests put codes either side of a step.
 * Storing the accepted step and refusing a replay is lib/auth/second-factor.ts's job.
 */
import { Secret, TOTP } from "otpauth";

export const totpPeriodSeconds = 30;
export const totpDigits = 6;
/** Steps either side of now that still count: a phone's clock a little off, a code typed slowly. */
export const totpWindow = 1;

const options = { algorithm: "SHA1", digits: totpDigits, period: totpPeriodSeconds } as const;

/** A new random secret (160 bits, as RFC 4226 recommends), in base32 as authenticator apps take it. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

/** The time step an instant falls in. */
export function totpStepAt(at: Date): number {
  return TOTP.counter({ period: totpPeriodSeconds, timestamp: at.getTime() });
}

/** The code an app shows at `at`. For tests and the enrolment check; never sent to a browser. */
export function totpCodeAt(secret: string, at: Date): string {
  return TOTP.generate({ ...options, secret: Secret.fromBase32(secret), timestamp: at.getTime() });
}

/**
 * The time step whose code `code` is, within ±1 step of `at`, or null. A step at or before
 * `lastStep` (the last one accepted) is refused: each code works once.
 */
export function acceptedTotpStep({
  secret,
  code,
  at,
  lastStep,
}: {
  secret: string;
  code: string;
  at: Date;
  lastStep: number | null;
}): number | null {
  if (!new RegExp(`^\\d{${totpDigits}}$`).test(code)) return null;
  const delta = TOTP.validate({ ...options, token: code, secret: Secret.fromBase32(secret), timestamp: at.getTime(), window: totpWindow });
  if (delta === null) return null;
  const step = totpStepAt(at) + delta;
  return lastStep !== null && step <= lastStep ? null : step;
}

/** The otpauth:// address an authenticator app reads from the QR code: "Newspaper: email". */
export function totpUri({ secret, issuer, account }: { secret: string; issuer: string; account: string }): string {
  return new TOTP({ ...options, issuer, label: account, secret: Secret.fromBase32(secret) }).toString();
}

/** The secret in groups of four, easier to type into an app by hand. Apps ignore the spaces. */
export function groupedSecret(secret: string): string {
  return secret.match(/.{1,4}/g)?.join(" ") ?? secret;
}
