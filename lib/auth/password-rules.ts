/**
 * What a new password must be, in one place: user creation (desk form and `npm run user:create`),
 * change password and an admin's reset all ask `passwordProblem`. Server-side only in practice:
 * the common-password check loads a dictionary of about 50,000 leaked passwords.
 */
import { ZxcvbnFactory } from "@zxcvbn-ts/core";
import { adjacencyGraphs, dictionary } from "@zxcvbn-ts/language-common";

export const minPasswordLength = 12;
/** bcrypt reads only the first 72 bytes; a longer password would be silently cut. */
export const maxPasswordBytes = 72;

/**
 * zxcvbn's score 3 means at least 10^8 guesses for an attacker who tries leaked passwords, words
 * and keyboard patterns first. Below that, "long enough" passwords like "qwerty123456" or
 * "passwordpassword" would pass a length rule alone.
 */
const minScore = 3;

// Built on first use: ranking the dictionaries takes a moment, and most requests never need it.
let estimator: ZxcvbnFactory | null = null;
function guessability(): ZxcvbnFactory {
  estimator ??= new ZxcvbnFactory({ dictionary, graphs: adjacencyGraphs });
  return estimator;
}

/** Words a guesser tries first against this newsroom: its name and its public demo password. */
const newsroomWords = ["newsdesk", "newsdesk-demo", "newsroom"];

/** The one message to show beside the password field, or null when the password will do. */
export function passwordProblem(password: string): string | null {
  if (password.length < minPasswordLength) return `Use at least ${minPasswordLength} characters.`;
  if (new TextEncoder().encode(password).length > maxPasswordBytes) {
    return `Keep the password to ${maxPasswordBytes} bytes (about ${maxPasswordBytes} letters, fewer with accents or symbols): anything longer would be cut.`;
  }
  if (guessability().check(password, newsroomWords).score < minScore) {
    return "That password is too common or too easy to guess. Try a few unrelated words together.";
  }
  return null;
}
