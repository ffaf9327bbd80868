/**
 * One of several "server processes" for tests/postgres/processes.test.ts: a separate Node process on
 * the test's PostgreSQL database (DATABASE_URL), running the very code a server process runs. It
 * prints `ready` once loaded, waits for one command line on stdin (so the test can start several at
 * the same instant), prints one JSON line with what it did, and exits.
 *
 *   schedule <ISO instant> <holder>      a scheduler check "as of" that instant (the lease decides)
 *   announce <commit|rollback> <tag>…    a transaction that announces an expiry, then ends so
 *   publish-and-die <before-commit|after-commit> <article id> <editor id>
 *                                        an editor's Publish, the process killed (SIGKILL) with all
 *                                        the work done but the commit, or just after the commit
 *
 * Run with `node --conditions=react-server --import tsx` (the domain modules' "server-only" guard).
 */
import readline from "node:readline";
import { db } from "@/lib/db";
import { moveArticle } from "@/lib/articles/commands/move-article";
import { runScheduledPublications } from "@/lib/articles/scheduler";
import { expiryNotice } from "@/lib/postgres/expiry-relay";
import { onTagsExpired } from "@/lib/public-cache/store";

const refreshed: string[][] = [];
onTagsExpired((tags) => refreshed.push(tags));

async function perform(words: string[]): Promise<unknown> {
  const [command, ...args] = words;
  if (command === "schedule") {
    const published = await runScheduledPublications(new Date(args[0]!), { holder: args[1]! });
    return { published, refreshed };
  }
  if (command === "announce") {
    const [ending, ...tags] = args;
    await db
      .$transaction(async (tx) => {
        const notice = expiryNotice(tags);
        if (notice) await tx.$executeRaw(notice);
        if (ending === "rollback") throw new Error("rolled back on purpose");
      })
      .catch((error: unknown) => {
        if (!(error instanceof Error && error.message === "rolled back on purpose")) throw error;
      });
    return { announced: tags, ending };
  }
  if (command === "publish-and-die") {
    const [when, articleId, editorId] = args;
    // The process dies where a crash would hurt most: around the one statement that writes the
    // publication and tells the other processes (lib/writes-together.ts), which commits as it ends.
    // "waiting": it does not die by itself; the test kills it while that statement waits.
    const queryRaw = db.$queryRaw.bind(db) as (...query: unknown[]) => Promise<unknown>;
    const writes = (query: unknown[]) => Array.isArray(query[0]) && (query[0] as string[]).join("?").includes('"write0"');
    Object.assign(db, {
      $queryRaw: async (...query: unknown[]) => {
        if (writes(query) && when === "before-statement") process.kill(process.pid, "SIGKILL");
        const result = await queryRaw(...query);
        if (writes(query) && when === "after-commit") process.kill(process.pid, "SIGKILL");
        return result;
      },
    });
    await moveArticle({ input: { articleId: articleId!, action: "publish" }, actor: { id: editorId!, role: "editor" }, now: new Date() });
    return { survived: true };
  }
  throw new Error(`Unknown command: ${command}`);
}

async function main() {
  await db.$queryRawUnsafe("SELECT 1");
  console.log("ready");
  const lines = readline.createInterface({ input: process.stdin });
  const [line] = await lines[Symbol.asyncIterator]().next().then(({ value }) => [String(value ?? "")]);
  lines.close();
  console.log(JSON.stringify(await perform(line!.trim().split(/\s+/))));
  await db.$disconnect();
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
