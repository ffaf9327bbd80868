/**
 * The database going away and coming back (project "postgres"): a newspaper of its own on its own
 * PostgreSQL, which the journey stops at once, as a crash would. While it is away, readers still
 * get the pages the server has stored, and everything else answers at once with a short 503 page;
 * when PostgreSQL is back, the newspaper works again by itself, with nobody restarting it.
 */
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { expect, test } from "./fixtures";
import { freePort, startPostgres, type PostgresServer } from "../lib/postgres/server";
import { signIn } from "./support";

let database: PostgresServer | undefined;
let newspaper: ChildProcess | undefined;
let folder: string | undefined;

test.afterAll(async () => {
  if (newspaper?.pid && newspaper.exitCode === null) process.kill(-newspaper.pid, "SIGTERM");
  await new Promise((resolve) => setTimeout(resolve, 1_000));
  await database?.stop();
  if (folder) fs.rmSync(folder, { recursive: true, force: true });
});

/** Asks for `path` with a deadline: no request may hang while the database is away. */
async function get(base: string, path: string) {
  const started = Date.now();
  const response = await fetch(`${base}${path}`, { signal: AbortSignal.timeout(10_000), redirect: "manual" });
  return { status: response.status, retryAfter: response.headers.get("retry-after"), body: await response.text(), ms: Date.now() - started };
}

test("while PostgreSQL is away readers get stored pages or a short 503 at once, and the paper comes back by itself", async ({ browser }) => {
  test.setTimeout(180_000);
  database = await startPostgres();
  const port = await freePort();
  const base = `http://localhost:${port}`;
  folder = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-away-"));
  newspaper = spawn(process.execPath, ["--import", "tsx", "scripts/start.ts", "--no-build"], {
    env: { ...process.env, DATABASE_URL: database.url, PORT: String(port), NEXTAUTH_URL: base, NEWSDESK_DATA_DIR: folder, MEDIA_DIR: path.join(folder, "media"), NEWSDESK_DEMO: "on" },
    stdio: "ignore",
    detached: true,
  });
  await expect.poll(async () => (await get(base, "/api/health").catch(() => ({ status: 0 }))).status, { timeout: 120_000, intervals: [500] }).toBe(200);

  const page = await (await browser.newContext({ baseURL: base })).newPage();
  const editor = await (await browser.newContext({ baseURL: base })).newPage();
  await signIn(editor, "editor");
  // The front page is read once, so the server has it stored; the Opinion page is never read.
  await page.goto("/");
  const lead = await page.getByRole("heading", { level: 2 }).first().textContent();
  expect(lead).toBeTruthy();

  await database.halt();
  // A page that needs the database: a short page saying so, at once, and never a hang.
  const away = await get(base, "/opinion");
  expect(away.status).toBe(503);
  expect(away.retryAfter).toBe("5");
  expect(away.ms).toBeLessThan(8_000);
  await page.goto("/opinion");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Back in a moment");
  await expect(page.getByText("cannot reach its database")).toBeVisible();
  // The desk and the health check say so too; the stored front page is still served.
  expect((await get(base, "/api/health")).status).toBe(503);
  await editor.goto("/desk");
  await expect(editor.getByRole("heading", { level: 1 })).toHaveText("Back in a moment");
  await page.goto("/");
  await expect(page.getByRole("heading", { level: 2 }).first()).toHaveText(lead!);

  await database.resume();
  await expect.poll(async () => (await get(base, "/opinion")).status, { timeout: 20_000, intervals: [500] }).toBe(200);
  await page.goto("/opinion");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Opinion");
  expect((await get(base, "/api/health")).status).toBe(200);
  // The editor's desk works again, in the same session.
  await editor.goto("/desk");
  await expect(editor).toHaveURL(/\/desk$/);
  await expect(editor.getByRole("heading", { level: 1 })).not.toHaveText("Back in a moment");
});
