/**
 * Where the end-to-end server keeps its data, for playwright.config.ts (which starts the server on
 * it) and for the test process's own use of the desk's commands (newsroom-data.ts).
 */
import fs from "node:fs";
import path from "node:path";

export const testDatabaseFile = path.resolve(".test-data", "e2e.db");
export const testMediaDir = path.resolve(".test-data", "media");

/** The PostgreSQL newspaper (project "postgres"): its media, and the file its server's URL is written to. */
export const testPostgresMediaDir = path.resolve(".test-data", "media-postgres");
export const testPostgresUrlFile = path.resolve(".test-data", "postgres-url");

/** The database the journeys of `project` run against, as DATABASE_URL, and its media folder. */
export function testWorld(project: string): { databaseUrl: string; mediaDir: string } {
  if (project === "postgres") return { databaseUrl: fs.readFileSync(testPostgresUrlFile, "utf8").trim(), mediaDir: testPostgresMediaDir };
  return { databaseUrl: `file:${testDatabaseFile}`, mediaDir: testMediaDir };
}

/** The journeys' servers: SQLite's newspaper, PostgreSQL's, and the front cache (nginx) before PostgreSQL's. */
const basePort = Number(process.env.E2E_PORT || 3100);
export const testPorts = { sqlite: basePort, postgres: basePort + 100, edge: basePort + 180 };
