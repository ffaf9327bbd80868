/**
 * What the desk's thin actions return: `{ ok: true, … }`, or `{ ok: false, error, code, fieldErrors }`.
 * User mistakes become results here; a DeskError from a command becomes a result with its code;
 * anything else is a real fault and is rethrown. lib/server/desk-action.ts runs every action through these.
 */
import { z } from "zod";
import { DeskError, isDeskError, type DeskErrorCode } from "@/lib/errors";

export type FieldErrors = Partial<Record<string, string[]>>;
export type ActionFailure = { ok: false; error: string; code?: DeskErrorCode; fieldErrors?: FieldErrors };
export type ActionResult<T> = ({ ok: true } & T) | ActionFailure;

/** Runs a command and turns its DeskError refusals into failures. */
export async function attempt<T>(run: () => Promise<T>): Promise<ActionResult<T>> {
  try {
    return { ok: true, ...(await run()) };
  } catch (error) {
    if (isDeskError(error)) {
      return { ok: false, error: error.message, code: error.code, ...(error.fieldErrors ? { fieldErrors: error.fieldErrors } : {}) };
    }
    throw error;
  }
}

const needsAttention = "Some fields need attention.";

export function invalidInput(fieldErrors: FieldErrors): ActionFailure {
  return { ok: false, code: "invalid_input", error: needsAttention, fieldErrors };
}

/** From inside an action's command step: the same failure as `invalidInput`, thrown (attempt turns it back). */
export function refuseInput(fieldErrors: FieldErrors): never {
  throw new DeskError("invalid_input", needsAttention, fieldErrors as Record<string, string[]>);
}

/** Each field's messages, shaped for a form. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}
