/**
 * A test file's own PostgreSQL: Debian's server in a throwaway folder, migrated, with DATABASE_URL
 * and MEDIA_DIR pointing at it. Await it before importing any module that opens the database.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { migratePostgres } from "@/lib/postgres/migrate";
import { startPostgres, type PostgresServer } from "@/lib/postgres/server";

export async function migratedPostgres(): Promise<PostgresServer> {
  const server = await startPostgres();
  await migratePostgres(server.url);
  process.env.DATABASE_URL = server.url;
  const media = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-pg-media-"));
  process.env.MEDIA_DIR = media;
  // Stopping the server removes its throwaway folder; the media folder goes with it.
  return {
    ...server,
    stop: async () => {
      await server.stop();
      fs.rmSync(media, { recursive: true, force: true });
    },
  };
}
