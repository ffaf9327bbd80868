/**
 * The project's own PostgreSQL server (lib/postgres/server.ts), started in a folder given as a
 * relative path, as `npm run postgres -- --dir .pg` or a script of an operator's would give it:
 * it answers over TCP and through its Unix socket, and keeps its data across a stop and a start.
 */
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withPostgresClient } from "@/lib/postgres/client";
import { freePort, startPostgres } from "@/lib/postgres/server";

const parent = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-pg-relative-"));
// As root the cluster belongs to `postgres`, who must be able to pass through the folder above it.
fs.chmodSync(parent, 0o755);
const relative = path.relative(process.cwd(), path.join(parent, "pg"));

afterAll(() => fs.rmSync(parent, { recursive: true, force: true }));

describe("a PostgreSQL server in a folder given as a relative path", () => {
  it("starts, answers over TCP and its socket, and starts again on its data", async () => {
    expect(path.isAbsolute(relative)).toBe(false);
    const first = await startPostgres({ dir: relative, database: "relative" });
    try {
      expect(first.dir).toBe(path.join(parent, "pg"));
      await withPostgresClient(first.url, (client) => client.query(`CREATE TABLE "kept" ("word" text); INSERT INTO "kept" VALUES ('still here')`));
      const viaSocket = await withPostgresClient(first.socketUrl, async (client) => (await client.query<{ word: string }>(`SELECT "word" FROM "kept"`)).rows);
      expect(viaSocket).toEqual([{ word: "still here" }]);
    } finally {
      await first.stop();
    }
    // Given a folder, stop keeps it: the same cluster starts again, on the same port, so the
    // apps' DATABASE_URL still reaches it and they recover by themselves.
    const second = await startPostgres({ dir: relative, database: "relative" });
    try {
      expect(second.url).toBe(first.url);
      const rows = await withPostgresClient(second.url, async (client) => (await client.query<{ word: string }>(`SELECT "word" FROM "kept"`)).rows);
      expect(rows).toEqual([{ word: "still here" }]);
    } finally {
      await second.stop();
    }
  }, 120_000);

  it("starts on another port when its own is taken, and on the port it is given", async () => {
    const dir = path.join(parent, "moved");
    const first = await startPostgres({ dir, database: "moved" });
    await first.stop();
    // Someone else took its port meanwhile: it starts anyway, on a free one.
    const squatter = net.createServer();
    await new Promise<void>((resolve) => squatter.listen(first.port, "127.0.0.1", resolve));
    try {
      const second = await startPostgres({ dir, database: "moved" });
      expect(second.port).not.toBe(first.port);
      await second.stop();
    } finally {
      await new Promise((resolve) => squatter.close(resolve));
    }
    const chosen = await freePort();
    const third = await startPostgres({ dir, database: "moved", port: chosen });
    try {
      expect(third.url).toBe(`postgres://postgres@127.0.0.1:${chosen}/moved`);
      await withPostgresClient(third.url, (client) => client.query("SELECT 1"));
      // Asked for a port that is taken, it says so rather than starting elsewhere.
      await expect(startPostgres({ dir: path.join(parent, "other"), port: chosen })).rejects.toThrow(`Port ${chosen} on 127.0.0.1 is taken`);
    } finally {
      await third.stop();
    }
  }, 120_000);
});
