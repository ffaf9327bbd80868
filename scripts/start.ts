/**
 * npm start: migrate the database (data/newsdesk.db unless DATABASE_URL says otherwise), seed a
 * demo newsroom into an empty one, build if the build is missing or stale, and serve on PORT (3000).
 *
 *   --fresh     delete the database and the media files first (used by the end-to-end tests on their
 *               throwaway copies)
 */
import fs from "node:fs";
import { databaseFile } from "@/lib/database-url";
import { mediaDirectory } from "@/lib/media/directory";
import { ensureBuild, migrate, prepareEnvironment, seed, serve } from "./runtime";

async function main() {
  const port = Number(process.env.PORT || 3000);
  prepareEnvironment({ port });
  if (process.argv.includes("--fresh")) {
    for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(databaseFile() + suffix, { force: true });
    // Files without their rows would never be served again: they go with the database.
    fs.rmSync(mediaDirectory(), { recursive: true, force: true });
  }
  await migrate();
  await seed();
  await ensureBuild();
  console.log(`Newsdesk is starting on http://localhost:${port}`);
  serve({ port });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
