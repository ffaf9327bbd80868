/**
 * A Prisma client for scripts (start, seed, user creation, benchmarks). The server uses the
 * singleton in lib/db.ts, made here too. The connection is set up in lib/sqlite/ (WAL, busy
 * timeout, transactions that begin IMMEDIATE and never keep a lock after a failed commit).
 */
import { PrismaPg } from "@prisma/adapter-pg";
import { PrismaClient } from "@/lib/generated/prisma/client";
import { PrismaClient as PostgresPrismaClient } from "@/lib/generated/prisma-postgres/client";
import { databaseProvider, databaseUrl } from "@/lib/database-url";
import { postgresTimeouts } from "@/lib/postgres/client";
import { busyTimeoutMs } from "@/lib/sqlite/connection";
import { NewsdeskSQLiteAdapter } from "@/lib/sqlite/adapter";

/** How many connections to PostgreSQL each process keeps at most. */
export const postgresPoolSize = 10;

/** `logQueries`: emit each query as a `query` event (the bench reads them to EXPLAIN each list's SQL). */
export function createPrismaClient(url = databaseUrl(), { logQueries = false }: { logQueries?: boolean } = {}): PrismaClient {
  const log = logQueries ? [{ emit: "event" as const, level: "query" as const }] : undefined;
  if (databaseProvider(url) === "postgresql") {
    // The same models from the same schema, generated for PostgreSQL (lib/postgres/schema.ts): one
    // client type serves both in the code. The pool's size bounds this process's connections.
    // No JIT: at a million articles PostgreSQL compiled any query it costed high (a writer's count,
    // a topic's), 60–80 ms each time, for statements that run in milliseconds.
    // Connections are kept once open (no idle timeout; idle ones never hold a script or test open):
    // closed after pg's default 10 s idle, every publication a few minutes after the last one came
    // to new backends, each paying its connection (12 ms) and its first statement of each shape
    // (5–25 ms, their catalogs read afresh) at a million articles, in every render the change set off.
    const pool = { connectionString: url, max: postgresPoolSize, idleTimeoutMillis: 0, allowExitOnIdle: true, options: "-c jit=off", ...postgresTimeouts };
    const client = new PostgresPrismaClient({ adapter: new PrismaPg(pool), log });
    return client as unknown as PrismaClient;
  }
  return new PrismaClient({
    log,
    adapter: new NewsdeskSQLiteAdapter(url),
    // Prisma's defaults (2 s to start, 5 s to finish) are shorter than a wait on another process's
    // write lock: a transaction queued behind one that waits would give up while the lock is fine.
    transactionOptions: { maxWait: 3 * busyTimeoutMs, timeout: 3 * busyTimeoutMs },
  });
}

/**
 * On PostgreSQL, opens every connection of `client`'s pool at once, each planning one statement over
 * every table of the newsroom's schema, so that its catalogs are read: a server does this once it
 * listens (lib/server/warm-up.ts). Without it, the first publications after a start opened new
 * connections as they went (13–19 ms each, measured unloaded at a million articles), and on each
 * the first statement that read a table read its catalogs afresh (a card's statement: 12–19 ms on
 * a new connection, 6–7 after this one, 3 on a used one). (The first publications of a bench
 * series under load are still the slowest, for a reason not found: docs/decisions/032.) Returns how
 * many statements ran at once (0 on SQLite, which has no pool).
 */
export async function openPostgresConnections(client: PrismaClient): Promise<number> {
  if (databaseProvider() !== "postgresql") return 0;
  const tables = await client.$queryRaw<{ name: string }[]>`
    SELECT "c"."relname"::text AS "name" FROM "pg_class" AS "c" JOIN "pg_namespace" AS "n" ON "n"."oid" = "c"."relnamespace"
    WHERE "n"."nspname" = current_schema() AND "c"."relkind" IN ('r', 'p')`;
  if (tables.length === 0) return 0;
  // Planned, so each table and its indexes are opened; never run (WHERE false).
  const everyTable = `SELECT ${tables.map(({ name }, index) => `(SELECT 1 FROM "${name.replaceAll('"', '""')}" WHERE false) AS "t${index}"`).join(", ")}`;
  await Promise.all(Array.from({ length: postgresPoolSize }, () => client.$queryRawUnsafe(everyTable)));
  return postgresPoolSize;
}
