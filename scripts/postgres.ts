/**
 * Starts Debian's PostgreSQL in a folder of its own and keeps it running until Ctrl-C:
 *
 *   npm run postgres -- [--dir .postgres] [--database newsdesk]
 *
 * prints the database's URL and the migrations it applied (lib/postgres/server.ts, migrate.ts).
 * The folder is kept, so the next start finds the same data.
 */
import path from "node:path";
import { parseArgs } from "node:util";
import { migratePostgres } from "../lib/postgres/migrate";
import { startPostgres } from "../lib/postgres/server";
import { runUntilStopped } from "./runtime";

const { values } = parseArgs({ options: { dir: { type: "string", default: ".postgres" }, database: { type: "string", default: "newsdesk" } } });

async function main() {
  const server = await startPostgres({ dir: path.resolve(values.dir!), database: values.database });
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
