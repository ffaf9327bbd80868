/**
 * What `npm start` and the test run share: environment defaults, the auth secret, migrations,
 * seeding and an up-to-date production build. Each step says what it does as it goes.
 */
import { spawn, type SpawnOptions } from "node:child_process";
import { createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { databaseFile, databaseProvider, databaseUrl, defaultDatabaseUrl } from "@/lib/database-url";

export const root = path.resolve(__dirname, "..");

/** Runs a command, inheriting output; rejects when it fails. */
export function run(command: string, args: string[], options: SpawnOptions = {}): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { stdio: "inherit", cwd: root, env: process.env, ...options });
    child.on("error", reject);
    child.on("exit", (code, signal) =>
      code === 0 ? resolve() : reject(new Error(`${command} ${args.join(" ")} failed (${signal ?? `exit ${code}`})`)),
    );
  });
}

const bin = (name: string) => path.join(root, "node_modules", ".bin", name);
export const npx = { prisma: bin("prisma"), next: bin("next"), playwright: bin("playwright"), vitest: bin("vitest"), tsc: bin("tsc"), eslint: bin("eslint"), tsx: bin("tsx") };

/** Environment every step needs: no telemetry, a database URL, an auth secret and the public URL. */
export function prepareEnvironment({ port }: { port: number }) {
  process.env.NEXT_TELEMETRY_DISABLED = "1";
  process.env.CHECKPOINT_DISABLE = "1";
  process.env.DATABASE_URL = databaseUrl();
  prepareDataDirectory();
  process.env.NEXTAUTH_SECRET ||= persistentSecret();
  process.env.NEXTAUTH_URL ||= `http://localhost:${port}`;
}

/**
 * The data folder, which keeps the session secret: the SQLite database's (data/ unless DATABASE_URL
 * says otherwise); with PostgreSQL, NEWSDESK_DATA_DIR, else data/.
 */
export function dataDirectory(): string {
  if (databaseProvider() === "postgresql") return process.env.NEWSDESK_DATA_DIR ? path.resolve(process.env.NEWSDESK_DATA_DIR) : path.dirname(databaseFile(defaultDatabaseUrl));
  return path.dirname(databaseFile());
}

/** Where the secret made on first start is kept: in the data folder, so a backup carries it. */
export function secretFile(): string {
  return path.join(dataDirectory(), ".nextauth-secret");
}

/**
 * The data folder holds every account's password hash, the session secret and unpublished
 * stories: it is made readable by its owner only, and the project's own (data/, or any folder
 * inside the project) is tightened if an older version made it readable by everyone. A folder
 * elsewhere that already exists (DATABASE_URL=file:/srv/…) is the operator's to protect.
 */
function prepareDataDirectory() {
  const folder = dataDirectory();
  fs.mkdirSync(folder, { recursive: true, mode: 0o700 });
  const insideProject = !path.relative(root, folder).startsWith("..") && folder !== root;
  if (insideProject && (fs.statSync(folder).mode & 0o077) !== 0) fs.chmodSync(folder, 0o700);
}

/** A random secret made on first start and kept in the data folder (ignored by git), so sessions survive restarts. */
function persistentSecret(): string {
  const file = secretFile();
  if (fs.existsSync(file)) return fs.readFileSync(file, "utf8").trim();
  const secret = randomBytes(32).toString("base64url");
  fs.writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}

/** Brings the database's schema up to date: Prisma's migrate deploy on SQLite, our runner on PostgreSQL (lib/postgres/migrate.ts). */
export async function migrate() {
  if (databaseProvider() === "postgresql") {
    const { migratePostgres } = await import("@/lib/postgres/migrate");
    const applied = await migratePostgres(databaseUrl());
    console.log(applied.length ? `PostgreSQL: applied ${applied.join(", ")}.` : "PostgreSQL: the schema is up to date.");
    return;
  }
  await run(npx.prisma, ["migrate", "deploy"]);
}

/** Seeds an empty database; with demo mode off, also closes the demo accounts still on the public password. */
export async function seed() {
  const { seedNewsroom } = await import("../prisma/seed");
  const { createPrismaClient } = await import("@/lib/prisma-client");
  const { isDemoMode } = await import("@/lib/demo");
  const { closePublicDemoAccounts, demoAccountsClosureNotice } = await import("@/lib/users/demo-accounts");
  const prisma = createPrismaClient();
  try {
    const demoMode = isDemoMode();
    const { seeded } = await seedNewsroom(prisma, { demo: demoMode, now: new Date() });
    console.log(seeded ? "Seeded the demo newsroom." : "The newsroom is already set up: its data is kept.");
    const notice = demoAccountsClosureNotice(await closePublicDemoAccounts(prisma, { demoMode }));
    if (notice) console.log(notice);
  } finally {
    await prisma.$disconnect();
  }
}

const buildInputs = ["app", "components", "lib", "prisma/schema.prisma", "proxy.ts", "instrumentation.ts", "server.ts", "next.config.js", "tsconfig.json", "package-lock.json"];

/** The production server (server.ts), bundled so that plain Node runs it: no TypeScript loader in the serving process. */
export const serverBundle = path.join(root, ".next", "newsdesk-server.cjs");

/** A fingerprint of everything the production bundle is made from. */
function sourceFingerprint(): string {
  const hash = createHash("sha256");
  const visit = (relative: string) => {
    const full = path.join(root, relative);
    if (!fs.existsSync(full) || relative.startsWith(path.join("lib", "generated"))) return;
    const stat = fs.statSync(full);
    if (stat.isDirectory()) {
      for (const entry of fs.readdirSync(full).sort()) visit(path.join(relative, entry));
    } else {
      hash.update(relative).update(fs.readFileSync(full));
    }
  };
  buildInputs.forEach(visit);
  return hash.digest("hex");
}

/** Builds the production bundle when it is missing or older than the sources. */
export async function ensureBuild({ force = false } = {}) {
  const stamp = path.join(root, ".next", "newsdesk-source.sha256");
  const fingerprint = sourceFingerprint();
  if (!force && fs.existsSync(stamp) && fs.readFileSync(stamp, "utf8") === fingerprint) {
    console.log("The production build is up to date.");
    return;
  }
  console.log("Building the production bundle…");
  await run(npx.prisma, ["generate"]);
  await run(npx.prisma, ["generate", "--config", "prisma.postgres.config.ts"]);
  await run(npx.next, ["build"], { env: { ...process.env, NODE_ENV: "production" } });
  await buildServer();
  fs.writeFileSync(stamp, fingerprint);
}

export async function buildServer() {
  // Packages stay in node_modules (Next, React, better-sqlite3); only our own code is bundled.
  const { build, transform } = await import("esbuild");
  const plugins: import("esbuild").Plugin[] = [
    {
      // Domain modules guard against client bundles with "server-only"; this bundle is the server.
      name: "server-only",
      setup(bundle) {
        bundle.onResolve({ filter: /^server-only$/ }, () => ({ path: "server-only", namespace: "empty" }));
        bundle.onLoad({ filter: /.*/, namespace: "empty" }, () => ({ contents: "", loader: "js" }));
      },
    },
    {
      // The reader's stylesheet, inlined in every reader page: minified once, here.
      name: "raw-css",
      setup(bundle) {
        bundle.onResolve({ filter: /\.css\?raw$/ }, (args) => ({ path: path.resolve(args.resolveDir, args.path.replace(/\?raw$/, "")), namespace: "raw-css" }));
        bundle.onLoad({ filter: /.*/, namespace: "raw-css" }, async (args) => {
          const { code } = await transform(fs.readFileSync(args.path, "utf8"), { loader: "css", minify: true });
          return { contents: code.trim(), loader: "text" };
        });
      },
    },
  ];
  await build({
    plugins,
    jsx: "automatic",
    // The generated Prisma client finds its folder through import.meta.url, which CommonJS lacks.
    define: { "import.meta.url": "importMetaUrl" },
    banner: { js: 'const importMetaUrl = require("node:url").pathToFileURL(__filename).href;' },
    entryPoints: [path.join(root, "server.ts")],
    outfile: serverBundle,
    bundle: true,
    platform: "node",
    target: "node20",
    format: "cjs",
    packages: "external",
    tsconfig: path.join(root, "tsconfig.json"),
    logLevel: "warning",
  });
}

/**
 * The server's JavaScript heap, in MiB (`NEWSDESK_HEAP_MB`, default 512): seven times what it holds
 * at 50,000 articles after a collection. Node's own limit follows the machine's memory (4 GiB
 * here), and V8 grows the heap lazily toward it: a burst of distinct searches took the server
 * past 500 MiB of resident memory, of which three fifths was garbage not yet collected. With the
 * limit the same burst peaks near 350 MiB, as fast. Stored pages are outside this heap.
 */
export function serverHeapMiB(env: Record<string, string | undefined> = process.env): number {
  const given = env.NEWSDESK_HEAP_MB?.trim();
  if (!given) return 512;
  const value = Number(given);
  if (!Number.isInteger(value) || value < 128) throw new Error(`NEWSDESK_HEAP_MB must be a whole number of MiB, at least 128, not "${given}".`);
  return value;
}

/** Starts the production server (ensureBuild first) as a child process. */
export function startServer({ port, host, stdio = "inherit", env = {} }: { port: number; host?: string; stdio?: SpawnOptions["stdio"]; env?: Record<string, string> }) {
  // The server's cluster workers (--processes N) inherit these flags.
  return spawn(process.execPath, [`--max-old-space-size=${serverHeapMiB({ ...process.env, ...env })}`, serverBundle], {
    stdio,
    cwd: root,
    env: { ...process.env, ...env, NODE_ENV: "production", PORT: String(port), ...(host ? { NEWSDESK_HOST: host } : {}) },
  });
}

/** Serves the production build until the process is stopped. */
export function serve({ port, host }: { port: number; host?: string }) {
  const child = startServer({ port, host });
  for (const signal of ["SIGINT", "SIGTERM"] as const) process.on(signal, () => child.kill(signal));
  child.on("exit", (code) => process.exit(code ?? 0));
}

/** Keeps a script that started a server (PostgreSQL, nginx) alive until Ctrl-C or SIGTERM, then stops that server and exits. */
export function runUntilStopped(stop: () => Promise<void>) {
  const end = () => void stop().then(() => process.exit(0));
  process.on("SIGINT", end);
  process.on("SIGTERM", end);
  setInterval(() => undefined, 1 << 30);
}
