/** One PostgreSQL connection for one piece of work (migrating, checking, creating a database). */
import type { Client, ClientConfig } from "pg";

/**
 * No request waits forever on a database that went away: a connection is given 5 s to open, a
 * query 30 s to answer (far beyond any of ours), and dead connections are noticed by TCP keep-alive.
 */
export const postgresTimeouts = { connectionTimeoutMillis: 5_000, query_timeout: 30_000, keepAlive: true } as const;

/** Runs `work` on a client of its own connected to `connection`, and closes it however `work` ends. */
export async function withPostgresClient<T>(connection: string | ClientConfig, work: (client: Client) => Promise<T>): Promise<T> {
  const { Client } = await import("pg");
  const client = new Client(typeof connection === "string" ? { connectionString: connection } : connection);
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}
