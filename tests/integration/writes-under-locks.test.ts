/**
 * Nothing lost while other processes hold the database: one process keeps a read transaction open
 * through every write below, another takes the write lock for a while (as the `sqlite3` shell, a
 * backup or `npm run user:create` may), and the newsroom's own commands still save and publish,
 * every write lands, and writes after them work. In the old set-up (rollback journal, deferred
 * BEGIN) the reader made every commit fail and the writer made read-then-write transactions fail
 * at once; a failed commit then kept the adapter's lock, so later writes hung.
 */
import { spawn, type ChildProcess } from "node:child_process";
import { createRequire } from "node:module";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { freshDatabase } from "./database";

const file = freshDatabase();

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { createArticle } = await import("@/lib/articles/commands/create-article");
const { saveArticle } = await import("@/lib/articles/commands/save-article");
const { moveArticle } = await import("@/lib/articles/commands/move-article");
const { routeArticlePath } = await import("@/lib/articles/public-routing");

type User = { id: string; role: "reporter" | "editor" | "admin"; name: string; email: string };
let editor: User;
let city: string;
const children: ChildProcess[] = [];
const betterSqlite = createRequire(import.meta.url).resolve("better-sqlite3");

/** Another process on the same file, running `script` with `db` open; resolves once it says "holding". */
function otherProcess(script: string): Promise<{ child: ChildProcess; output: () => string }> {
  const child = spawn(process.execPath, ["-e", `const db = new (require(${JSON.stringify(betterSqlite)}))(${JSON.stringify(file)}); ${script}`], {
    stdio: ["pipe", "pipe", "inherit"],
  });
  children.push(child);
  let output = "";
  return new Promise((resolve, reject) => {
    child.stdout!.on("data", (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes("holding")) resolve({ child, output: () => output });
    });
    child.on("exit", (code) => reject(new Error(`The other process ended (${code}) before holding its lock: ${output}`)));
  });
}

const exited = (child: ChildProcess) => new Promise<number | null>((resolve) => (child.exitCode !== null ? resolve(child.exitCode) : child.on("exit", resolve)));

async function writeAndPublish(headline: string) {
  const fields = { headline, dateline: "HARBOURTON", standfirst: "", sectionId: city, kind: "news" as const, body: "First words." };
  const { id } = await createArticle({ fields, actor: editor, now: new Date() });
  await saveArticle({ input: { articleId: id, baseVersion: 1, ...fields, body: `${headline}: the whole story.` }, actor: editor, now: new Date() });
  await moveArticle({ input: { articleId: id, action: "publish" }, actor: editor, now: new Date() });
  return id;
}

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  const user = await db.user.findUniqueOrThrow({ where: { email: "editor@example.com" } });
  editor = { id: user.id, role: "editor", name: user.name, email: user.email };
  city = (await db.section.findUniqueOrThrow({ where: { slug: "city" } })).id;
});

afterAll(async () => {
  for (const child of children) if (child.exitCode === null) child.kill();
  await db.$disconnect();
});

describe("writes while other processes hold the database", () => {
  it("every connection runs in WAL mode with a busy timeout and synchronous=NORMAL", async () => {
    const pragma = async (name: string) => Object.values((await db.$queryRawUnsafe<Record<string, unknown>[]>(`PRAGMA ${name}`))[0]!)[0];
    expect(await pragma("journal_mode")).toBe("wal");
    expect(Number(await pragma("busy_timeout"))).toBe(5000);
    expect(Number(await pragma("synchronous"))).toBe(1); // NORMAL
  });

  it("saves and publishes while one process reads for the whole time and another holds the write lock", async () => {
    const reader = await otherProcess(`
      db.exec("BEGIN");
      const seen = db.prepare('SELECT count(*) AS n FROM "Article"').get().n;
      console.log("holding " + seen);
      process.stdin.once("data", () => { db.exec("COMMIT"); console.log("done"); db.close(); });`);
    // Holds the write lock for two seconds, long enough for the commands below to run into it.
    const writer = await otherProcess(`
      db.exec("BEGIN IMMEDIATE");
      db.prepare('UPDATE "Section" SET "name" = "name" || \\' (held)\\' WHERE "slug" = \\'sport\\'').run();
      console.log("holding");
      setTimeout(() => { db.exec("COMMIT"); console.log("released"); db.close(); }, 2000);`);

    // One first, alone, then three at once, queued behind each other on the app's connection.
    const first = await writeAndPublish("Harbour bridge reopens");
    const more = await Promise.all(["Ferry timetable changes", "Market hall restored", "Tram line extended"].map(writeAndPublish));

    expect(await exited(writer.child)).toBe(0);
    expect(writer.output()).toContain("released");
    // The reader still holds its snapshot: it has not seen any of the new articles.
    expect(reader.child.exitCode).toBeNull();
    reader.child.stdin!.end("done\n");
    expect(await exited(reader.child)).toBe(0);

    const ids = [first, ...more];
    const articles = await db.article.findMany({ where: { id: { in: ids } }, include: { revisions: true } });
    expect(articles).toHaveLength(4);
    for (const article of articles) {
      expect(article.status).toBe("published");
      expect(article.revisions.map((revision) => revision.number).sort()).toEqual([1, 2]);
      expect(routeArticlePath(`/city/${article.slug}`)).toBeNull(); // live: the routing connection sees it
    }
    // The other process's write landed too.
    expect((await db.section.findUniqueOrThrow({ where: { slug: "sport" } })).name).toMatch(/\(held\)$/);
  });

  it("keeps writing afterwards", async () => {
    const id = await writeAndPublish("Later story still lands");
    expect((await db.article.findUniqueOrThrow({ where: { id } })).status).toBe("published");
  });
});
