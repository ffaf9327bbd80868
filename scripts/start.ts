/**
 * npm start: migrate the database (data/newsdesk.db unless DATABASE_URL says otherwise), seed a
 * demo newsroom into an empty one, build if the build is missing or stale, and serve on PORT (3000),
 * on NEWSDESK_HOST, or on 127.0.0.1 only while demo accounts still accept the public demo password
 * (lib/server/listen-address.ts).
 *
 *   --fresh          delete the database (on PostgreSQL: everything in its public schema) and the
 *                    media files first (used by the end-to-end tests on their throwaway copies)
 *   --processes N    serve with N server processes on the one port (PostgreSQL only; also
 *                    NEWSDESK_PROCESSES=N), see lib/server/processes.ts
 *   --no-build       serve the build that is there, even if the sources changed since (journeys
 *                    that start a newspaper of their own while others run on the same build)
 */
import fs from "node:fs";
import { databaseFile, databaseProvider, databaseUrl } from "@/lib/database-url";
import { emptyPostgres } from "@/lib/postgres/migrate";
import { mediaDirectory } from "@/lib/media/directory";
import { createPrismaClient } from "@/lib/prisma-client";
import { decideListenAddress } from "@/lib/server/listen-address";
import { parseProcessCount, processesRefusal, processesVariable } from "@/lib/server/processes";
import { accountsOnDemoPassword } from "@/lib/users/open-demo-accounts";
import { ensureBuild, migrate, prepareEnvironment, seed, serve, serverBundle } from "./runtime";

/** Where to listen, after seeding and closing demo accounts: exits with one line when it may not. */
async function listenAddress(): Promise<string | undefined> {
  const prisma = createPrismaClient();
  try {
    const decision = decideListenAddress({
      configuredHost: process.env.NEWSDESK_HOST,
      demoPasswordAccounts: await accountsOnDemoPassword(prisma),
    });
    if (!decision.ok) throw new Error(decision.message);
    if (decision.notice) console.log(decision.notice);
    return decision.host;
  } finally {
    await prisma.$disconnect();
  }
}

async function main() {
  const port = Number(process.env.PORT || 3000);
  prepareEnvironment({ port });
  const asked = process.argv.indexOf("--processes");
  if (asked >= 0) process.env[processesVariable] = process.argv[asked + 1] ?? "";
  const processes = parseProcessCount(process.env[processesVariable]);
  if (!processes.ok) throw new Error(processes.message);
  const refusal = processesRefusal(processes.count, databaseProvider());
  if (refusal) throw new Error(refusal);
  if (process.argv.includes("--fresh")) {
    if (databaseProvider() === "postgresql") await emptyPostgres(databaseUrl());
    else for (const suffix of ["", "-journal", "-wal", "-shm"]) fs.rmSync(databaseFile() + suffix, { force: true });
    // Files without their rows would never be served again: they go with the database.
    fs.rmSync(mediaDirectory(), { recursive: true, force: true });
  }
  await migrate();
  await seed();
  const host = await listenAddress();
  if (process.argv.includes("--no-build")) {
    if (!fs.existsSync(serverBundle)) throw new Error("--no-build: there is no build to serve (run npm start once, or npm run build).");
  } else await ensureBuild();
  console.log(`Newsdesk is starting on http://localhost:${port}`);
  serve({ port, host });
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
