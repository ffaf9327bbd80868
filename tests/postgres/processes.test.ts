/**
 * Several server processes on one PostgreSQL database (issue 14): separate Node processes
 * (tests/postgres/server-process.ts) started together against a real server in a throwaway folder.
 *
 * - A scheduled story at the boundary of its time, checked by three processes at the same instant,
 *   is published once: one publication, one history line, one refresh of the pages.
 * - An expiry announced in a transaction reaches the other processes when it commits, and never
 *   when it rolls back; one made in a process after its commit reaches them too.
 * - A process killed during a publication leaves the story published everywhere or nowhere.
 */
import { spawn, type ChildProcessWithoutNullStreams } from "node:child_process";
import readline from "node:readline";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { migratedPostgres } from "./newspaper-database";

const server = await migratedPostgres();

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { createArticle } = await import("@/lib/articles/commands/create-article");
const { moveArticle } = await import("@/lib/articles/commands/move-article");
const { relayExpiries } = await import("@/lib/postgres/expiry-relay");
const { expireTags, onTagsExpired, tagExpiredAt } = await import("@/lib/public-cache/store");
const { publicTag } = await import("@/lib/public-cache/tags");
const queries = await import("@/lib/articles/public-queries");

type Started = { child: ChildProcessWithoutNullStreams; output: Promise<string[]> };

/** Starts a server process and resolves once it has loaded and reached the database. */
async function startProcess(): Promise<Started> {
  const child = spawn(process.execPath, ["--conditions=react-server", "--import", "tsx", "tests/postgres/server-process.ts"], {
    env: { ...process.env, NODE_ENV: "production" },
  });
  let errors = "";
  child.stderr.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const lines = readline.createInterface({ input: child.stdout });
  const seen: string[] = [];
  let readyNow: () => void = () => {};
  const ready = new Promise<void>((resolve) => (readyNow = resolve));
  lines.on("line", (line) => {
    seen.push(line);
    if (line === "ready") readyNow();
  });
  const output = new Promise<string[]>((resolve, reject) =>
    child.on("exit", (code) => (code === 0 ? resolve(seen) : reject(new Error(`server process failed (exit ${code}): ${errors}`)))),
  );
  await Promise.race([ready, output]);
  return { child, output };
}

/** Gives one process its command; resolves with how it ended (a killed process has no answer). */
async function runToTheEnd(started: Started, command: string): Promise<{ signal: NodeJS.Signals | null }> {
  const ended = new Promise<{ signal: NodeJS.Signals | null }>((resolve) => started.child.on("exit", (_, signal) => resolve({ signal })));
  started.output.catch(() => {}); // a killed process "fails": that is the point here
  started.child.stdin.write(`${command}\n`);
  return ended;
}

/** Gives every process its command at once; resolves with each one's JSON answer. */
async function runTogether<T>(processes: Started[], commands: string[]): Promise<T[]> {
  processes.forEach(({ child }, index) => child.stdin.write(`${commands[index]}\n`));
  const outputs = await Promise.all(processes.map(({ output }) => output));
  return outputs.map((lines) => JSON.parse(lines.at(-1)!) as T);
}

let relay: ReturnType<typeof relayExpiries>;
const heard: string[][] = [];

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  relay = relayExpiries({ url: server.url, log: () => {} });
  onTagsExpired((tags, origin) => {
    if (origin === "elsewhere") heard.push(tags);
  });
  await relay.ready;
}, 120_000);

afterAll(async () => {
  await relay?.stop();
  await db.$disconnect();
  await server.stop();
});

describe("several server processes on one PostgreSQL database", () => {
  it("publishes a scheduled story once when three processes check at its very time", async () => {
    const editor = await db.user.findUniqueOrThrow({ where: { email: "editor@example.com" } });
    const city = await db.section.findUniqueOrThrow({ where: { slug: "city" } });
    const editorActor = { id: editor.id, role: "editor" as const };
    const due = new Date("2031-03-01T06:00:00Z");
    const { id } = await createArticle({
      fields: { headline: "Ferry timetable changes at dawn", dateline: "HARBOURTON", standfirst: "", sectionId: city.id, kind: "news", body: "The first crossing moves to six." },
      actor: editorActor,
      now: new Date("2031-02-28T09:00:00Z"),
    });
    await moveArticle({ input: { articleId: id, action: "schedule", scheduledFor: due }, actor: editorActor, now: new Date("2031-02-28T10:00:00Z") });
    const { slug } = await db.article.findUniqueOrThrow({ where: { id }, select: { slug: true } });

    const processes = await Promise.all([startProcess(), startProcess(), startProcess()]);
    const answers = await runTogether<{ published: { id: string }[] | null; refreshed: string[][] }>(
      processes,
      ["one", "two", "three"].map((holder) => `schedule ${due.toISOString()} ${holder}`),
    );

    // Exactly one process held the lease and published; the others did nothing.
    expect(answers.filter((answer) => answer.published !== null)).toHaveLength(1);
    expect(answers.flatMap((answer) => answer.published ?? []).map((published) => published.id)).toEqual([id]);
    const article = await db.article.findUniqueOrThrow({ where: { id }, include: { events: true } });
    expect(article.status).toBe("published");
    expect(article.publishedAt).toEqual(due);
    expect(article.events.filter((event) => event.action === "publish")).toHaveLength(1);
    // One refresh, made by the publisher, and heard once here (another process of the newspaper).
    const articleTag = publicTag.article(slug);
    expect(answers.flatMap((answer) => answer.refreshed).filter((tags) => tags.includes(articleTag))).toHaveLength(1);
    await vi.waitFor(() => expect(heard.filter((tags) => tags.includes(articleTag))).toHaveLength(1), { timeout: 1_000 });
  }, 60_000);

  it("passes an expiry announced in a transaction on when it commits, never when it rolls back", async () => {
    const processes = await Promise.all([startProcess(), startProcess()]);
    const before = Date.now();
    await runTogether(processes, ["announce rollback section:rolled-back", "announce commit section:committed"]);
    await vi.waitFor(() => expect(tagExpiredAt("section:committed")).toBeGreaterThanOrEqual(before), { timeout: 1_000 });
    // The rolled-back one was sent no later than the committed one: had it been delivered, it would be here by now.
    expect(heard.some((tags) => tags.includes("section:rolled-back"))).toBe(false);
    expect(tagExpiredAt("section:rolled-back")).toBeUndefined();
  }, 60_000);

  describe("a process killed during a publication", () => {
    const draft = async (headline: string) => {
      const editor = await db.user.findUniqueOrThrow({ where: { email: "editor@example.com" } });
      const city = await db.section.findUniqueOrThrow({ where: { slug: "city" } });
      const { id } = await createArticle({
        fields: { headline, dateline: "HARBOURTON", standfirst: "", sectionId: city.id, kind: "news", body: "Written for the crash test." },
        actor: { id: editor.id, role: "editor" },
        now: new Date(),
      });
      const { slug } = await db.article.findUniqueOrThrow({ where: { id }, select: { slug: true } });
      return { id, slug, editorId: editor.id };
    };
    const { getPublishedArticle } = queries;

    it("before its writes are sent leaves it published nowhere, and nobody told", async () => {
      const { id, slug, editorId } = await draft("Crash before the writes");
      const ended = await runToTheEnd(await startProcess(), `publish-and-die before-statement ${id} ${editorId}`);
      expect(ended.signal).toBe("SIGKILL");
      expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
      expect(await getPublishedArticle(slug)).toBeNull();
      expect(await db.articleEvent.count({ where: { articleId: id, action: "publish" } })).toBe(0);
      // Had a message been sent, it would have arrived by the time the process was gone.
      await new Promise((resolve) => setTimeout(resolve, 200));
      expect(heard.some((tags) => tags.includes(publicTag.article(slug)))).toBe(false);
    }, 60_000);

    it("while its writes wait on the database leaves it, once they run, published with its history line, and every other process told", async () => {
      const { id, slug, editorId } = await draft("Crash while the writes wait");
      const { Client } = await import("pg");
      const locker = new Client({ connectionString: server.url });
      await locker.connect();
      try {
        // Another transaction holds the article's row: the publication's one statement waits on it.
        await locker.query("BEGIN");
        await locker.query(`SELECT 1 FROM "Article" WHERE "id" = $1 FOR UPDATE`, [id]);
        const started = await startProcess();
        const ended = runToTheEnd(started, `publish-and-die waiting ${id} ${editorId}`);
        await vi.waitFor(
          async () => {
            // Not asked on the locker's connection: inside its transaction the view would stay as first read.
            const [row] = await db.$queryRaw<{ waiting: number }[]>`SELECT count(*)::int AS "waiting" FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND query LIKE '%"write0"%'`;
            expect(row?.waiting).toBe(1);
          },
          { timeout: 20_000, interval: 50 },
        );
        started.child.kill("SIGKILL");
        expect((await ended).signal).toBe("SIGKILL");
        expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("draft");
        await locker.query("ROLLBACK");
      } finally {
        await locker.end();
      }
      // The statement was the server's before the process died: it runs to its end as one.
      await vi.waitFor(async () => expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("published"), { timeout: 5_000 });
      expect(await db.articleEvent.count({ where: { articleId: id, action: "publish" } })).toBe(1);
      expect((await getPublishedArticle(slug))?.headline).toBe("Crash while the writes wait");
      await vi.waitFor(() => expect(heard.some((tags) => tags.includes(publicTag.article(slug)) && tags.includes(publicTag.front))).toBe(true), { timeout: 1_000 });
    }, 60_000);

    it("just after the commit leaves it published, and every other process told", async () => {
      const { id, slug, editorId } = await draft("Crash after the commit");
      const ended = await runToTheEnd(await startProcess(), `publish-and-die after-commit ${id} ${editorId}`);
      expect(ended.signal).toBe("SIGKILL");
      expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("published");
      expect((await getPublishedArticle(slug))?.headline).toBe("Crash after the commit");
      // The publisher never reached its own refresh, yet the others drop their pages.
      await vi.waitFor(() => expect(heard.some((tags) => tags.includes(publicTag.article(slug)) && tags.includes(publicTag.front))).toBe(true), { timeout: 1_000 });
    }, 60_000);
  });

  it("sends this process's own expiries to the others, and not back to itself", async () => {
    const listener = await import("pg").then(async ({ Client }) => {
      const client = new Client({ connectionString: server.url });
      await client.connect();
      await client.query("LISTEN newsdesk_expired");
      return client;
    });
    try {
      const received: string[] = [];
      listener.on("notification", (message) => received.push(message.payload ?? ""));
      const heardBefore = heard.length;
      expireTags(["front", "feed"]);
      await vi.waitFor(() => expect(received).toHaveLength(1), { timeout: 1_000 });
      expect(JSON.parse(received[0]!)).toMatchObject({ tags: ["front", "feed"] });
      expect(heard.length).toBe(heardBefore);
    } finally {
      await listener.end();
    }
  });
});
