/**
 * The end-to-end journeys' second newspaper, on PostgreSQL (playwright.config.ts, project
 * "postgres"): starts Debian's PostgreSQL in a throwaway folder, writes its URL where the journeys'
 * own desk commands find it (e2e/test-world.ts), and serves the production build on it with
 * `npm start --fresh` and several server processes, so a change made through one process must
 * reach readers served by another. Stops the newspaper, then PostgreSQL, when Playwright stops it.
 */
import { spawn } from "node:child_process";
import fs from "node:fs";
import path from "node:path";
import { startPostgres } from "../lib/postgres/server";
import { testPostgresUrlFile } from "../e2e/test-world";
import { root } from "./runtime";

async function main() {
  const server = await startPostgres();
  fs.mkdirSync(path.dirname(testPostgresUrlFile), { recursive: true });
  fs.writeFileSync(testPostgresUrlFile, server.url);
  const app = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--fresh"], {
    cwd: root,
    stdio: "inherit",
    env: { ...process.env, DATABASE_URL: server.url },
  });
  let stopping = false;
  const stop = (signal: NodeJS.Signals) => {
    if (stopping) return;
    stopping = true;
    app.kill(signal);
  };
  process.on("SIGINT", () => stop("SIGINT"));
  process.on("SIGTERM", () => stop("SIGTERM"));
  const code = await new Promise<number>((resolve) => app.on("exit", (exitCode) => resolve(exitCode ?? 0)));
  await server.stop();
  fs.rmSync(testPostgresUrlFile, { force: true });
  process.exit(stopping ? 0 : code);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
