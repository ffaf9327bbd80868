/**
 * A Prisma client for scripts (start, seed, user creation, benchmarks). The server uses the
 * singleton in lib/db.ts, made here too. The connection is set up in lib/sqlite/ (WAL, busy
 * timeout, transactions that begin IMMEDIATE and never keep a lock after a failed commit).
 */
import { PrismaClient } from "@/lib/generated/prisma/client";
import { databaseUrl } from "@/lib/database-url";
import { busyTimeoutMs } from "@/lib/sqlite/connection";
import { NewsdeskSQLiteAdapter } from "@/lib/sqlite/adapter";

export function createPrismaClient(url = databaseUrl()): PrismaClient {
  return new PrismaClient({
    adapter: new NewsdeskSQLiteAdapter(url),
    // Prisma's defaults (2 s to start, 5 s to finish) are shorter than a wait on another process's
    // write lock: a transaction queued behind one that waits would give up while the lock is fine.
    transactionOptions: { maxWait: 3 * busyTimeoutMs, timeout: 3 * busyTimeoutMs },
  });
}
