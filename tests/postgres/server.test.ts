/**
 * The project's own PostgreSQL server (lib/postgres/server.ts), started in a folder given as a
 * relative path, as `npm run postgres -- --dir .pg` or a script of an operator's would give it:
 * it answers over TCP and through its Unix socket, and keeps its data across a stop and a start.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { withPostgresClient } from "@/lib/postgres/client";
import { startPostgres } from "@/lib/postgres/server";

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
    // Given a folder, stop keeps it: the same cluster starts again.
    const second = await startPostgres({ dir: relative, database: "relative" });
    try {
      const rows = await withPostgresClient(second.url, async (client) => (await client.query<{ word: string }>(`SELECT "word" FROM "kept"`)).rows);
      expect(rows).toEqual([{ word: "still here" }]);
    } finally {
      await second.stop();
    }
  }, 120_000);
});
