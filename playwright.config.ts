import fs from "node:fs";
import path from "node:path";
import { defineConfig } from "@playwright/test";
import { testDatabaseFile, testMediaDir, testPorts, testPostgresMediaDir } from "./e2e/test-world";
import { e2eSmtpPort } from "./e2e/mail-server";

/**
 * End-to-end tests drive a real Chromium against the production build, served by the same start
 * script as `npm start`, on a throwaway database (.test-data/e2e.db) seeded with the demo newsroom,
 * with uploaded images in .test-data/media.
 */
const port = testPorts.sqlite;
const baseURL = `http://localhost:${port}`;
// The same journeys' second newspaper, on PostgreSQL with two server processes (project "postgres").
const postgresPort = testPorts.postgres;
const postgresURL = `http://localhost:${postgresPort}`;
// …behind the shipped front cache, nginx (deploy/nginx/newsdesk.conf), which the app asks to fetch changed pages again.
const edgePort = testPorts.edge;
const edgeSecret = "e2e-only-edge-refresh-secret";

/** What both newspapers' servers are given (each adds its database, port and address). */
const serverEnvironment = {
  NEXTAUTH_SECRET: "e2e-only-secret-not-used-anywhere-else",
  NEWSDESK_DEMO: "on",
  // Test mode: journeys may run the scheduler "as of" a time instead of waiting for it
  // (lib/articles/scheduler-test-hook.ts). Never set anywhere else.
  NEWSDESK_TEST_MODE: "on",
  // Every journey signs in from 127.0.0.1, so the address's limit would count the deliberate
  // wrong passwords of all of them together. Accounts keep their own limit of five, which the
  // journeys test; the address limit is tested in tests/integration/sign-in-throttle.test.ts.
  NEWSDESK_SIGN_IN_ADDRESS_LIMIT: "1000",
  // Email to the run's SMTP server (globalSetup, e2e/mail-server.ts).
  NEWSDESK_SMTP_HOST: "127.0.0.1",
  NEWSDESK_SMTP_PORT: String(e2eSmtpPort()),
  NEWSDESK_SMTP_TLS: "off",
  NEWSDESK_SMTP_FROM: "Newsdesk <desk@paper.example>",
};

/**
 * The journeys that run on PostgreSQL as well: the reporter → editor → reader loop, scheduling,
 * search, and readers seeing changes at once (made through one server process, read through another).
 */
const onPostgresToo = /(reporter-drafts-and-submits|editor-reviews-and-publishes|editor-schedules-corrects-and-withdraws|reader-finds-and-shares|reader-sees-changes-at-once|several-processes|database-goes-away|front-cache)\.spec\.ts/;
/** Journeys about more than one machine's parts: several processes on one database, the database going away, the edge. */
const postgresOnly = /(several-processes|database-goes-away|front-cache)\.spec\.ts/;

// Debian's Chromium where it is installed (Playwright cannot download browsers here): its headless
// shell first, the same engine without the desktop browser around it, which is what Playwright's
// own headless runs use (a third less CPU than the full browser here, on a suite that keeps both
// cores busy); else the full browser; elsewhere Playwright's own. CHROMIUM_PATH overrides them all.
const systemChromium = ["/usr/bin/chromium-headless-shell", "/usr/bin/chromium"].find((file) => fs.existsSync(file));
const executablePath = process.env.CHROMIUM_PATH || systemChromium;

export default defineConfig({
  testDir: "e2e",
  fullyParallel: true,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  retries: 0,
  // A journey's own limit, not a speed check: on a slower 2-core machine (2026-12-02) the whole
  // suite took 19–20 min against 10 before, and journeys of 30–45 s ran past a minute.
  timeout: 90_000,
  expect: { timeout: 10_000 },
  forbidOnly: true,
  // A real SMTP server on 127.0.0.1 for the whole run: the desk's email goes there (NEWSDESK_SMTP_* below).
  globalSetup: "./e2e/mail-server.ts",
  reporter: [["list"], ["json", { outputFile: path.join(".test-data", "playwright.json") }]],
  use: {
    baseURL,
    // A failed test keeps its trace: each action with its timing, the network and the console. Not
    // the DOM snapshot before and after every action, nor the screencast: on a 2-core machine the
    // snapshots alone cost about a sixth of the journeys' time (25 journeys: 3.9 min with them,
    // 3.1 min without).
    trace: { mode: "retain-on-failure", screenshots: false, snapshots: false },
    launchOptions: {
      executablePath,
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-dev-shm-usage",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
        "--no-first-run",
      ],
    },
  },
  projects: [
    { name: "chromium", testIgnore: [/admin-changes-settings\.spec\.ts/, postgresOnly], use: { browserName: "chromium" } },
    // Changing the newspaper's name and time zone shows on every page, so that journey runs alone,
    // after all the others, and puts the settings back.
    {
      name: "settings",
      testMatch: /admin-changes-settings\.spec\.ts/,
      dependencies: ["chromium"],
      use: { browserName: "chromium" },
    },
    { name: "postgres", testMatch: onPostgresToo, use: { browserName: "chromium", baseURL: postgresURL } },
  ],
  // One after the other (Playwright starts them in order): the first builds, the second finds the build made.
  webServer: [
    {
      command: "npx tsx scripts/start.ts --fresh",
      url: `${baseURL}/api/health`,
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { ...serverEnvironment, PORT: String(port), DATABASE_URL: `file:${testDatabaseFile}`, MEDIA_DIR: testMediaDir, NEXTAUTH_URL: baseURL },
    },
    {
      command: "npx tsx scripts/e2e-postgres-server.ts",
      // Time to stop the newspaper and then PostgreSQL, which runs apart from this process group.
      gracefulShutdown: { signal: "SIGTERM", timeout: 15_000 },
      url: `${postgresURL}/api/health`,
      reuseExistingServer: false,
      timeout: 300_000,
      stdout: "ignore",
      stderr: "pipe",
      env: {
        ...serverEnvironment,
        PORT: String(postgresPort),
        MEDIA_DIR: testPostgresMediaDir,
        NEXTAUTH_URL: postgresURL,
        NEWSDESK_PROCESSES: "2",
        NEWSDESK_EDGES: `http://127.0.0.1:${edgePort}`,
        NEWSDESK_EDGE_SECRET: edgeSecret,
      },
    },
    {
      command: `npx tsx scripts/edge.ts --port ${edgePort} --app 127.0.0.1:${postgresPort}`,
      gracefulShutdown: { signal: "SIGTERM", timeout: 10_000 },
      url: `http://127.0.0.1:${edgePort}/api/health`,
      reuseExistingServer: false,
      timeout: 60_000,
      stdout: "ignore",
      stderr: "pipe",
      env: { NEWSDESK_EDGE_SECRET: edgeSecret },
    },
  ],
});
