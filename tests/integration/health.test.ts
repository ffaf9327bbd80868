/**
 * /api/health on real databases: 200 on a migrated one; 503 with a short body, and no stack, when
 * the tables are missing or the file cannot be opened.
 */
import Database from "better-sqlite3";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterAll, beforeEach, describe, expect, it, vi } from "vitest";
import { freshDatabase } from "./database";

const file = freshDatabase();

const { db } = await import("@/lib/db");
const { createPrismaClient } = await import("@/lib/prisma-client");
const { databaseHealth } = await import("@/lib/health");
const health = await import("@/app/api/health/route");

const unavailable = async (response: Response) => {
  expect(response.status).toBe(503);
  const body = await response.text();
  expect(JSON.parse(body)).toEqual({ status: "unavailable" });
  expect(body.length).toBeLessThan(40);
};

let logged: ReturnType<typeof vi.spyOn>;
beforeEach(() => {
  logged = vi.spyOn(console, "error").mockImplementation(() => undefined);
  return () => logged.mockRestore();
});

afterAll(async () => {
  await db.$disconnect();
});

describe("the health check", () => {
  it("answers 200 on a migrated database, and 503 once its tables are gone", async () => {
    const response = await health.GET();
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "ok" });

    const sqlite = new Database(file);
    sqlite.exec(`DROP TABLE "Settings"`);
    sqlite.close();
    await unavailable(await health.GET());
    expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^Health check: the database did not answer \(The table `main.Settings` does not exist/));
  });

  it("answers 503 on a database the migrations never reached, where SELECT 1 would succeed", async () => {
    const folder = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-it-"));
    const empty = path.join(folder, "empty.db");
    const client = createPrismaClient(`file:${empty}`);
    try {
      expect(await client.$queryRaw`SELECT 1 AS "one"`).toEqual([{ one: 1n }]);
      await unavailable(await databaseHealth(client));
      expect(logged).toHaveBeenCalledWith(expect.stringMatching(/^Health check: the database did not answer \(The table `main.Settings` does not exist/));
    } finally {
      await client.$disconnect();
      fs.rmSync(folder, { recursive: true, force: true });
    }
  });

  it("answers 503 when the database file cannot be opened", async () => {
    const client = createPrismaClient(`file:${path.join(os.tmpdir(), "newsdesk-no-such-folder", "missing", "newsdesk.db")}`);
    try {
      await unavailable(await databaseHealth(client));
      expect(logged).toHaveBeenCalledWith("Health check: the database did not answer (Cannot open database because the directory does not exist)");
    } finally {
      await client.$disconnect().catch(() => undefined);
    }
  });
});
