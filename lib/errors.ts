/**
 * The desk's one error vocabulary. User mistakes are results (`{ ok: false, fieldErrors }`), not
 * exceptions; everything else that a command refuses is a DeskError with a code, mapped to HTTP here.
 */
export const deskErrorStatus = {
  unauthenticated: 401,
  // Who you are: you may not do this, whatever the article's state.
  forbidden: 403,
  not_found: 404,
  // Where the article is: you may, but not from its current state (publishing what is live).
  invalid_transition: 409,
  note_required: 422,
  invalid_input: 422,
  conflict: 409,
  too_large: 413,
  unsupported_media_type: 415,
} as const;
export type DeskErrorCode = keyof typeof deskErrorStatus;

export class DeskError extends Error {
  constructor(
    readonly code: DeskErrorCode,
    message: string,
    /** For invalid input only a command can judge (a taken address, an unknown author): field → messages. */
    readonly fieldErrors?: Record<string, string[]>,
  ) {
    super(message);
    this.name = "DeskError";
  }

  get status(): number {
    return deskErrorStatus[this.code];
  }
}

export function isDeskError(error: unknown): error is DeskError {
  return error instanceof DeskError;
}

/** Prisma's answer when a unique index refused a row (two writers raced for the same key). */
export function isUniqueViolation(error: unknown): boolean {
  return typeof error === "object" && error !== null && "code" in error && error.code === "P2002";
}

/** What went wrong, in one line: Prisma's and pg's messages start with where the call was made and can run to many lines; the last says it. */
export function errorSummary(error: unknown): string {
  const lines = String(error instanceof Error ? error.message : error).trim().split("\n");
  return lines[lines.length - 1]!.trim();
}
