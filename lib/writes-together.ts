/**
 * Writes that belong to one change, all or nothing, with the fewest round trips to the database.
 *
 * On PostgreSQL, one statement and no transaction around it: a statement is its own transaction,
 * and in an explicit one every statement (BEGIN, each write, COMMIT) is a round trip after the last
 * and a turn of this process's event loop, each of which waited its turn on a loaded machine (about
 * 2–3 ms each under readers' load at a million articles). A WITH of data-modifying parts runs them
 * in one. On SQLite, one after another in a transaction: a statement there is a call into this very
 * process, with nothing to save.
 */
import { Prisma, type PrismaClient } from "@/lib/generated/prisma/client";
import { databaseProvider } from "@/lib/database-url";

type Client = Pick<PrismaClient, "$executeRaw" | "$queryRaw" | "$transaction">;

/**
 * Runs `lead` (an INSERT, UPDATE or DELETE: a move's update of its article, on the condition that
 * it is still as it was read) and, only if it changed a row, `writes` and `selects` (statements run
 * for what they do, such as a notification: lib/postgres/expiry-relay.ts). Returns how many rows
 * `lead` changed; 0 means nothing at all was written.
 */
export async function writeTogether(client: Client, lead: Prisma.Sql, writes: Prisma.Sql[], selects: Prisma.Sql[] = []): Promise<number> {
  if (databaseProvider() === "sqlite") {
    return client.$transaction(async (tx) => {
      const changed = await tx.$executeRaw(lead);
      if (changed === 0) return 0;
      for (const write of writes) await tx.$executeRaw(write);
      for (const select of selects) await tx.$queryRaw(select);
      return changed;
    });
  }
  const parts = [
    ...[lead, ...writes].map((write, index) => Prisma.sql`${Prisma.raw(`"write${index}"`)} AS (${write} RETURNING 1)`),
    ...selects.map((select, index) => Prisma.sql`${Prisma.raw(`"select${index}"`)} AS (${select})`),
  ];
  // PostgreSQL runs every data-modifying part of a WITH to completion, read or not, and a plain
  // SELECT part only when it is read, hence the count of each. When the lead changed no row, the
  // division by its count fails the statement, and that takes every part back, notification and all.
  const counts = selects.map((_, index) => Prisma.raw(`, (SELECT count(*) FROM "select${index}") AS "selected${index}"`));
  try {
    const [row] = await client.$queryRaw<{ changed: number | bigint }[]>`
      WITH ${Prisma.join(parts, ", ")}
      SELECT count(*) AS "changed", 1 / count(*) AS "onlyIfChanged"${counts.length ? Prisma.join(counts, "") : Prisma.empty} FROM "write0"`;
    return Number(row?.changed ?? 0);
  } catch (error) {
    if (isDivisionByZero(error)) return 0;
    throw error;
  }
}

/** PostgreSQL's division_by_zero (22012), as Prisma passes it on from the driver. */
function isDivisionByZero(error: unknown): boolean {
  return error instanceof Error && /\b22012\b|division by zero/.test(`${error.message} ${JSON.stringify(error)}`);
}
