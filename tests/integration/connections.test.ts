/**
 * A server opens its pool's connections to PostgreSQL once it listens (openPostgresConnections,
 * lib/prisma-client.ts), so that the first publications after a start do not open them as they go.
 * On SQLite there is no pool, and nothing to open.
 */
import { afterAll, expect, it } from "vitest";
import { freshDatabase, onPostgres } from "./database";

const url = freshDatabase();

const { createPrismaClient, openPostgresConnections, postgresPoolSize } = await import("@/lib/prisma-client");
const client = createPrismaClient(url);

afterAll(async () => {
  await client.$disconnect();
});

it("opens every connection of the pool at once on PostgreSQL, and they stay open; on SQLite there is nothing to open", async () => {
  if (!onPostgres) {
    expect(await openPostgresConnections(client)).toBe(0);
    return;
  }
  const open = async () =>
    Number((await client.$queryRaw<{ count: bigint }[]>`SELECT count(*) AS "count" FROM pg_stat_activity WHERE datname = current_database() AND pid <> pg_backend_pid()`)[0]!.count) + 1;
  expect(await open()).toBe(1);
  expect(await openPostgresConnections(client)).toBe(postgresPoolSize);
  expect(await open()).toBe(postgresPoolSize);
  await new Promise((resolve) => setTimeout(resolve, 200));
  expect(await open()).toBe(postgresPoolSize);
});
