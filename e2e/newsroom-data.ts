/**
 * Test data made through the desk's own commands (desk-commands.ts, in a process of their own on
 * the test database) and the running server's HTTP API: drafts, people, publications. Nothing is
 * written to the database by hand, so a story or a person here is exactly what the desk would make.
 */
import { spawn, type ChildProcessByStdio } from "node:child_process";
import type { Readable, Writable } from "node:stream";
import readline from "node:readline";
import { expect, type Page } from "@playwright/test";
import type { DeskCommands } from "./desk-commands";
import { testWorld } from "./test-world";

type Answer = { id: number; ok: true; result: unknown } | { id: number; ok: false; error: string };

/** The desk's commands, one process per Playwright worker (the `desk` fixture in fixtures.ts). */
export class Desk {
  private nextId = 1;
  private readonly waiting = new Map<number, (answer: Answer) => void>();
  private constructor(private readonly child: ChildProcessByStdio<Writable, Readable, null>) {
    readline.createInterface({ input: child.stdout }).on("line", (line) => {
      // Anything else a command prints (a log line) is not an answer.
      if (!line.startsWith('{"id":')) return;
      const answer = JSON.parse(line) as Answer;
      this.settle(answer);
    });
    // A request still waiting when the process ends fails at once rather than at the test's timeout.
    child.once("exit", (code) => {
      for (const id of this.waiting.keys()) this.settle({ id, ok: false, error: `The desk's commands stopped (exit ${code}).` });
    });
  }

  private settle(answer: Answer) {
    this.waiting.get(answer.id)?.(answer);
    this.waiting.delete(answer.id);
  }

  /** `project`: the Playwright project, whose newspaper (SQLite's or PostgreSQL's) the commands act on. */
  static async start(project: string): Promise<Desk> {
    const { databaseUrl, mediaDir } = testWorld(project);
    const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "e2e/desk-commands.ts", "--serve"], {
      env: { ...process.env, DATABASE_URL: databaseUrl, MEDIA_DIR: mediaDir, NEWSDESK_DEMO: "on" },
      stdio: ["pipe", "pipe", "inherit"],
    });
    await new Promise<void>((resolve, reject) => {
      const lines = readline.createInterface({ input: child.stdout });
      lines.on("line", (line) => {
        if (line !== '{"ready":true}') return;
        lines.close();
        resolve();
      });
      child.once("exit", (code) => reject(new Error(`The desk's commands stopped before they were ready (exit ${code}).`)));
    });
    return new Desk(child);
  }

  run<C extends keyof DeskCommands>(command: C, input: Parameters<DeskCommands[C]>[0]): Promise<Awaited<ReturnType<DeskCommands[C]>>> {
    const id = this.nextId++;
    return new Promise((resolve, reject) => {
      this.waiting.set(id, (answer) => (answer.ok ? resolve(answer.result as Awaited<ReturnType<DeskCommands[C]>>) : reject(new Error(answer.error))));
      this.child.stdin.write(`${JSON.stringify({ id, command, input })}\n`);
    });
  }

  async stop() {
    this.child.stdin.end();
    await new Promise((resolve) => (this.child.exitCode === null ? this.child.once("exit", resolve) : resolve(null)));
  }
}

/** Moves an article through the workflow API as the signed-in `editor` page's user. */
export async function transition(editor: Page, id: string, body: Record<string, unknown>) {
  const response = await editor.request.post(`/api/articles/${id}/transitions`, { data: body });
  expect(response.status(), await response.text()).toBe(200);
}

/** Saves a new revision through the API as the signed-in `page`'s user, on top of the latest version. */
export async function saveThroughApi(page: Page, id: string, fields: Record<string, unknown>, baseVersion: number) {
  const response = await page.request.put(`/api/articles/${id}`, { data: { ...fields, baseVersion } });
  expect(response.status(), await response.text()).toBe(200);
  const saved = (await response.json()) as { version: number; slug: string; fieldErrors?: object };
  expect(saved.fieldErrors, "every field saved as sent").toBeUndefined();
  return saved;
}

/**
 * Runs the server's scheduler as of `asOf` for the named articles (test mode only, see
 * lib/articles/scheduler-test-hook.ts): what it would publish when the clock reaches that time.
 */
export async function runSchedulerAsOf(page: Page, asOf: Date, articleIds: string[]) {
  const response = await page.request.post("/api/test/scheduler-runs", { data: { asOf: asOf.toISOString(), articleIds } });
  expect(response.status(), await response.text()).toBe(200);
  return ((await response.json()) as { published: { id: string; late: boolean }[] }).published;
}

/**
 * The XML a feed or sitemap answers, parsed by the browser: items' titles and links, urls' locs.
 * The page needs a document of this site loaded first (any page; it is not navigated here, so
 * several can be parsed at once).
 */
export async function parseXml(page: Page, path: string) {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  return parseXmlText(page, await response.text());
}

function parseXmlText(page: Page, xml: string) {
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      root: doc.documentElement.nodeName,
      titles: [...doc.querySelectorAll("channel > item > title")].map((node) => node.textContent ?? ""),
      links: [...doc.querySelectorAll("channel > item > link")].map((node) => node.textContent ?? ""),
      locs: [...doc.getElementsByTagName("loc")].map((node) => node.textContent ?? ""),
    };
  }, xml);
}

/**
 * The sitemap as a search engine reads it: the index (/sitemap.xml), then each part it lists
 * (lib/articles/sitemaps.ts). `locs` are the parts' addresses. A part that is gone by the time it is
 * read (its month's last story withdrawn by a journey running alongside) is skipped, as a crawler would.
 */
export async function parseSitemaps(page: Page) {
  const index = await parseXml(page, "/sitemap.xml");
  const parts = await Promise.all(
    index.locs.map(async (loc) => {
      const response = await page.request.get(new URL(loc).pathname);
      return response.status() === 404 ? null : { status: response.status(), ...(await parseXmlText(page, await response.text())) };
    }),
  );
  const read = parts.filter((part) => part !== null);
  for (const part of read) expect(part.status).toBe(200);
  return {
    error: index.error ?? read.find((part) => part.error)?.error ?? null,
    root: index.root,
    partRoots: [...new Set(read.map((part) => part.root))],
    parts: index.locs.map((loc) => new URL(loc).pathname),
    locs: read.flatMap((part) => part.locs),
  };
}
