/**
 * Starts Debian's PostgreSQL in a folder of its own and keeps it running until Ctrl-C:
 *
 *   npm run postgres -- [--dir .postgres] [--database newsdesk] [--port 5433]
 *
 * prints the database's URL and the migrations it applied (lib/postgres/server.ts, migrate.ts).
 * The folder is kept, so the next start finds the same data, on the same port when it is free.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { z } from "zod";
import { migratePostgres } from "../lib/postgres/migrate";
import { startPostgres } from "../lib/postgres/server";
import { runUntilStopped } from "./runtime";

const { values } = parseArgs({ options: { dir: { type: "string", default: ".postgres" }, database: { type: "string", default: "newsdesk" }, port: { type: "string" } } });
const asked = z.coerce.number().int().min(1).max(65_535).optional().safeParse(values.port);
if (!asked.success) {
  console.error(`--port: "${values.port}" is not a port number (1–65535).`);
  process.exit(1);
}
const port = asked.data;

async function main() {
  const server = await startPostgres({ dir: path.resolve(values.dir!), database: values.database, port });
  const applied = await migratePostgres(server.url);
  console.log(`PostgreSQL is running: ${server.url}`);
  console.log(applied.length ? `Applied ${applied.join(", ")}.` : "Its schema is up to date.");
  console.log("Ctrl-C stops it; the data stays in", server.dir);
  runUntilStopped(server.stop);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
