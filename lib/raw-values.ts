/**
 * Values of a plain statement's row, as the model's types. Prisma 6 compiles every model query it
 * is given, with no cache of plans: about 1.5 ms for a one-row read on two cores, against 0.3 ms
 * for the same read as `$queryRaw` (measured on the 50,000-article bench database). Reads on the
 * hottest paths (every desk request's session, every publication) are therefore plain statements,
 * and their rows come back as each database stores them: PostgreSQL gives Dates and booleans;
 * SQLite the ISO text Prisma wrote and 0 or 1.
 */
export type StoredDate = Date | string;
export type StoredBoolean = boolean | number | bigint;

export function dateOf(value: StoredDate): Date;
export function dateOf(value: StoredDate | null): Date | null;
export function dateOf(value: StoredDate | null): Date | null {
  return value === null ? null : value instanceof Date ? value : new Date(value);
}

export function booleanOf(value: StoredBoolean): boolean {
  return typeof value === "boolean" ? value : Number(value) !== 0;
}
