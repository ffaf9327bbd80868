/**
 * Writes that belong to one change, sent together: as one statement on PostgreSQL, one after
 * another on SQLite. On PostgreSQL every statement of a transaction is a round trip to the server
 * and a turn of this process's event loop: about 2 ms each for a publication's update, history
 * line, notices, audit entry and search text under load at a million articles. A WITH of
 * data-modifying parts runs them in one. On SQLite a statement is a call into this very process,
 * with nothing to save.
 */
import { Prisma } from "@/lib/generated/prisma/client";
import type { Tx } from "@/lib/db";
import { databaseProvider } from "@/lib/database-url";

/**
 * Runs `lead` (an INSERT, UPDATE or DELETE) and `writes` in the transaction `tx`, and returns how
 * many rows `lead` changed. The writes run whatever that count: a caller that refuses the change
 * throws, and the transaction takes them back.
 */
export async function writeTogether(tx: Pick<Tx, "$executeRaw" | "$queryRaw">, lead: Prisma.Sql, writes: Prisma.Sql[]): Promise<number> {
  if (databaseProvider() === "sqlite" || writes.length === 0) {
    const changed = await tx.$executeRaw(lead);
    for (const write of writes) await tx.$executeRaw(write);
    return changed;
  }
  const parts = [lead, ...writes].map((write, index) => Prisma.sql`${Prisma.raw(`"write${index}"`)} AS (${write} RETURNING 1)`);
  // PostgreSQL runs every data-modifying part of a WITH to completion, read or not.
  const [row] = await tx.$queryRaw<{ changed: number | bigint }[]>`WITH ${Prisma.join(parts, ", ")} SELECT count(*) AS "changed" FROM "write0"`;
  return Number(row?.changed ?? 0);
}
