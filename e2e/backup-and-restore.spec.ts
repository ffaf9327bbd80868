/**
 * Nothing lost: `npm run backup` while the newsroom keeps writing, `npm run restore` into a fresh
 * folder, and the production server started there serves the last published story and its image.
 * The scripts run exactly as an operator runs them, against this run's throwaway database.
 */
import Database from "better-sqlite3";
import { spawn, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import type { Page } from "@playwright/test";
import { freePort } from "../lib/postgres/server";
import { expect, test } from "./fixtures";
import { pngOf, uniqueTag, uploaded } from "./media-support";
import { bodyEditor, pageAs, saveState, slugOf, uniqueHeadline, writeArticle } from "./support";

const testData = path.resolve(".test-data");
const liveData = { DATABASE_URL: `file:${path.join(testData, "e2e.db")}`, MEDIA_DIR: path.join(testData, "media") };
const children: ChildProcess[] = [];

/** Runs one of our scripts with Node and tsx (no npm in between, so stopping it stops it). */
function script(name: string, args: string[], env: Record<string, string>) {
  // The restored folder's own secret, not one from this shell.
  const inherited = { ...process.env };
  delete inherited.NEXTAUTH_SECRET;
  const child = spawn(process.execPath, ["--import", "tsx", path.join("scripts", name), ...args], {
    env: { ...inherited, ...env },
    stdio: ["ignore", "pipe", "pipe"],
    detached: true,
  });
  children.push(child);
  let output = "";
  child.stdout!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on("data", (chunk: Buffer) => (output += chunk.toString()));
  const done = new Promise<{ code: number | null; output: string }>((resolve) => child.on("exit", (code) => resolve({ code, output })));
  return { child, done, output: () => output };
}

/** A story with a featured image from the library, published by the editor. */
async function publishedStoryWithImage(editor: Page) {
  const tag = uniqueTag("lighthouse");
  await uploaded(editor, { name: `${tag}.png`, mimeType: "image/png", buffer: await pngOf(1200, 800) }, `The ${tag} lamp room`);
  const headline = uniqueHeadline("Lighthouse lamp relit after restoration");
  await editor.goto("/desk/articles/new");
  await editor.getByLabel("Headline").fill(headline);
  await editor.getByLabel("Dateline").fill("HARBOURTON");
  await bodyEditor(editor).click();
  await editor.keyboard.insertText("The lamp turned again on Saturday night.");
  const featured = editor.getByRole("group", { name: "Featured image" });
  await featured.getByRole("button", { name: "Choose an image" }).click();
  const library = editor.getByRole("dialog", { name: "Choose an image for Featured image" });
  await library.getByLabel("Search the library").fill(tag);
  await library.getByLabel("Search the library").press("Enter");
  await library.getByRole("button", { name: `The ${tag} lamp room` }).click();
  await expect(library).toBeHidden();
  await editor.getByRole("button", { name: "Save" }).click();
  await expect(editor).toHaveURL(/\/desk\/articles\/[^/?]+\?created=1$/);
  await expect(saveState(editor)).toHaveText("Saved");
  const id = new URL(editor.url()).pathname.split("/").pop()!;
  await editor.goto(`/desk/articles/${id}/preview`);
  await editor.getByRole("button", { name: "Publish" }).click();
  await expect(editor.locator(".status-line .status")).toHaveText("Published");
  return { headline, path: `/city/${slugOf(headline)}` };
}

test.afterAll(() => {
  for (const child of children) if (child.exitCode === null && child.pid) process.kill(-child.pid, "SIGTERM");
});

test("a backup made while the desk writes restores into a fresh folder that serves the last story and its images", async ({ browser }) => {
  test.setTimeout(240_000);
  const editor = await pageAs(browser, "editor");
  const story = await publishedStoryWithImage(editor);

  // A draft the editor keeps saving through the API while the backup runs.
  const draftId = await writeArticle(editor, { headline: uniqueHeadline("Harbour dues rise"), dateline: "HARBOURTON", body: "First version." });
  const sectionId = await editor.getByLabel("Section").inputValue();
  const folder = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-backup-"));
  const backup = script("backup.ts", ["--to", path.join(folder, "archives")], liveData);
  let version = 1;
  let savesDuringBackup = 0;
  while (backup.child.exitCode === null) {
    const response = await editor.request.put(`/api/articles/${draftId}`, {
      data: { headline: "Harbour dues rise", dateline: "HARBOURTON", standfirst: "", sectionId, kind: "news", body: `Version ${version + 1}.`, baseVersion: version },
    });
    expect(response.status()).toBe(200);
    version = (await response.json()).version;
    savesDuringBackup += 1;
  }
  const made = await backup.done;
  expect(made.code, made.output).toBe(0);
  expect(savesDuringBackup).toBeGreaterThan(0);
  const archives = fs.readdirSync(path.join(folder, "archives")).filter((name) => name.endsWith(".tar.gz"));
  expect(archives).toHaveLength(1);
  const archive = path.join(folder, "archives", archives[0]!);
  expect(fs.statSync(archive).mode & 0o777).toBe(0o600);

  // Restore refuses a folder with anything in it, and fills an empty one.
  const restored = path.join(folder, "restored");
  const restoredData = { DATABASE_URL: `file:${path.join(restored, "newsdesk.db")}`, MEDIA_DIR: path.join(restored, "media") };
  fs.mkdirSync(restored);
  fs.writeFileSync(path.join(restored, "keep-me.txt"), "already here");
  const refused = await script("restore.ts", [archive], restoredData).done;
  expect(refused.code).not.toBe(0);
  expect(refused.output).toContain("Refusing to restore");
  expect(fs.readFileSync(path.join(restored, "keep-me.txt"), "utf8")).toBe("already here");
  fs.rmSync(path.join(restored, "keep-me.txt"));
  const restore = await script("restore.ts", [archive], restoredData).done;
  expect(restore.code, restore.output).toBe(0);
  expect(restore.output).toContain("integrity ok");
  expect(fs.statSync(restored).mode & 0o777).toBe(0o700);
  // One moment's database: the draft as of one of its saves, with that save's revision.
  const copy = new Database(path.join(restored, "newsdesk.db"), { readonly: true });
  const row = copy
    .prepare<[string], { version: number; latest: number }>('SELECT "version", (SELECT max("number") FROM "Revision" WHERE "articleId" = "Article"."id") AS "latest" FROM "Article" WHERE "id" = ?')
    .get(draftId);
  copy.close();
  expect(row!.latest).toBe(row!.version);
  expect(row!.version).toBeLessThanOrEqual(version);

  // The production server, started on the restored folder (the build is this run's).
  const port = await freePort();
  const base = `http://localhost:${port}`;
  const server = script("start.ts", ["--no-build"], { ...restoredData, PORT: String(port), NEXTAUTH_URL: base });
  await expect
    .poll(async () => (await fetch(`${base}/api/health`).catch(() => null))?.status ?? server.output(), { timeout: 120_000 })
    .toBe(200);

  const page = await fetch(`${base}${story.path}`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain(story.headline);
  const images = [...new Set([...html.matchAll(/\/media\/[0-9a-f]+\/[\w.-]+/g)].map((match) => match[0]))];
  expect(images.length).toBeGreaterThan(0);
  for (const image of images) {
    const response = await fetch(`${base}${image}`);
    expect(response.status, image).toBe(200);
    expect(response.headers.get("content-type"), image).toMatch(/^image\//);
    expect((await response.arrayBuffer()).byteLength, image).toBeGreaterThan(0);
  }
  server.child.kill("SIGTERM");
  await server.done;
  fs.rmSync(folder, { recursive: true, force: true });
});
