/** One PostgreSQL connection for one piece of work (migrating, checking, creating a database). */
import type { Client, ClientConfig } from "pg";

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
