/**
 * Recovery codes: ten single-use codes for the day the phone is lost, accepted wherever a TOTP code
 * is. Readable (`xxxx-xxxx-xx`, no 0/o or 1/l to confuse), 50 random bits each, and stored only as a
 * keyed hash: HMAC-SHA-256 under a key derived from the server's secret, with the user's id mixed
 * in. A stolen database alone does not let anyone test guesses offline; online guesses are throttled
 * like passwords. Pure: the key is an argument.
 */
import { createHmac, randomInt } from "node:crypto";

export const recoveryCodeCount = 10;

// 32 symbols (5 bits each): lower-case letters without l and o, digits without 0 and 1.
const alphabet = "abcdefghijkmnpqrstuvwxyz23456789";
const codeLength = 10;

/** `count` new codes, formatted for reading: "k7mq-2xhe-9d". */
export function newRecoveryCodes(count = recoveryCodeCount): string[] {
  return Array.from({ length: count }, () => {
    const symbols = Array.from({ length: codeLength }, () => alphabet[randomInt(alphabet.length)]).join("");
    return formatRecoveryCode(symbols);
  });
}

function formatRecoveryCode(symbols: string): string {
  return `${symbols.slice(0, 4)}-${symbols.slice(4, 8)}-${symbols.slice(8)}`;
}

/**
 * What a person typed, as the canonical code (any case, spaces or dashes anywhere), or null when
 * it cannot be a recovery code at all.
 */
export function canonicalRecoveryCode(typed: string): string | null {
  const symbols = typed.toLowerCase().replace(/[\s-]/g, "");
  if (symbols.length !== codeLength || [...symbols].some((symbol) => !alphabet.includes(symbol))) return null;
  return formatRecoveryCode(symbols);
}

/** The stored form of one user's code. The same code for another user hashes differently. */
export function recoveryCodeHash(key: Buffer, userId: string, code: string): string {
  return createHmac("sha256", key).update(`${userId}\n${code}`).digest("hex");
}
