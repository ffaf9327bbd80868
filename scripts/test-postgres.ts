/**
 * npm run test:postgres: the integration suite on PostgreSQL. Starts Debian's PostgreSQL in a
 * throwaway folder (lib/postgres/server.ts), migrates a template database with the runner
 * (lib/postgres/migrate.ts), and runs tests/integration with NEWSDESK_TEST_POSTGRES set, so each
 * file gets a fresh copy of the template (tests/integration/database.ts). Files about SQLite
 * itself (its file locks, its file-level checks) stay SQLite's.
 *
 *   npm run test:postgres [-- extra vitest arguments]
 */
import { migratePostgres } from "../lib/postgres/migrate";
import { startPostgres } from "../lib/postgres/server";
import { npx, run } from "./runtime";

/** About SQLite's own file and locks: nothing to test on PostgreSQL. */
export const sqliteOnlyFiles = ["tests/integration/writes-under-locks.test.ts", "tests/integration/health.test.ts", "tests/integration/search-worker.test.ts"];

async function main() {
  const server = await startPostgres({ database: "newsdesk_template" });
  let failed = false;
  try {
    await migratePostgres(server.url);
    const admin = server.url.replace(/\/[^/]*$/, "/postgres");
    const extra = process.argv.slice(2);
    await run(npx.vitest, ["run", "tests/integration", ...sqliteOnlyFiles.flatMap((file) => ["--exclude", file]), ...extra], {
      env: { ...process.env, NEWSDESK_TEST_POSTGRES: admin },
    }).catch(() => {
      failed = true;
    });
  } finally {
    await server.stop();
  }
  if (failed) process.exit(1);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
