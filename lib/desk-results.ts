/**
 * What the desk's thin actions return: `{ ok: true, … }`, or `{ ok: false, error, code, fieldErrors }`.
 * User mistakes become results here; a DeskError from a command becomes a result with its code;
 * anything else is a real fault and is rethrown. Every area's desk-actions module uses these.
 */
import { z } from "zod";
import { isDeskError, type DeskErrorCode } from "@/lib/errors";

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

export function invalidInput(fieldErrors: FieldErrors): ActionFailure {
  return { ok: false, code: "invalid_input", error: "Some fields need attention.", fieldErrors };
}

/** Each field's messages, shaped for a form. */
export function fieldErrorsOf(error: z.ZodError): FieldErrors {
  return z.flattenError(error).fieldErrors as FieldErrors;
}
