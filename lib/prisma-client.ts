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
    const pool = { connectionString: url, max: 10, idleTimeoutMillis: 0, allowExitOnIdle: true, options: "-c jit=off", ...postgresTimeouts };
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
