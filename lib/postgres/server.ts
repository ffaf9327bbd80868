/**
 * A PostgreSQL server of our own, from Debian's `postgresql` package, in a folder we choose: for
 * the test suites (a throwaway folder, removed when stopped) and for trying Newsdesk on PostgreSQL
 * on one machine. It is run the way its operators run it: the versioned `initdb` makes a cluster,
 * `pg_ctl` starts it listening on 127.0.0.1 and a free port only (its socket in the folder, never
 * the system's), as the `postgres` user when we are root (PostgreSQL refuses to run as root).
 *
 *   const server = await startPostgres();          // postgres://postgres@127.0.0.1:<port>/newsdesk
 *   …
 *   await server.stop();
 */
import { execFile } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";
import { withPostgresClient } from "./client";

const run = promisify(execFile);

/** Where Debian puts a PostgreSQL version's programs; `NEWSDESK_PG_BIN` overrides. */
export function postgresBin(env: Record<string, string | undefined> = process.env): string | null {
  if (env.NEWSDESK_PG_BIN) return env.NEWSDESK_PG_BIN;
  const root = "/usr/lib/postgresql";
  if (!fs.existsSync(root)) return null;
  const versions = fs
    .readdirSync(root)
    .filter((name) => /^\d+$/.test(name) && fs.existsSync(path.join(root, name, "bin", "initdb")))
    .sort((a, b) => Number(b) - Number(a));
  return versions[0] ? path.join(root, versions[0], "bin") : null;
}

/** A port nobody on 127.0.0.1 is listening on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as net.AddressInfo;
      probe.close(() => resolve(port));
    });
  });
}

/** Whether nobody on 127.0.0.1 is listening on `port` right now. */
function isPortFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const probe = net.createServer();
    probe.once("error", () => resolve(false));
    probe.listen(port, "127.0.0.1", () => probe.close(() => resolve(true)));
  });
}

/**
 * The port a server in `home` listens on: the one asked for; else, for a kept folder, the one it
 * had last time (in `home/port`), so that the apps' DATABASE_URL still reaches it after a restart
 * and they recover by themselves; else any free one.
 */
async function portFor(home: string, kept: boolean, asked: number | undefined): Promise<number> {
  if (asked !== undefined) {
    if (!(await isPortFree(asked))) throw new Error(`Port ${asked} on 127.0.0.1 is taken: is another server using it?`);
    return asked;
  }
  const file = path.join(home, "port");
  const remembered = kept && fs.existsSync(file) ? Number(fs.readFileSync(file, "utf8").trim()) : NaN;
  if (Number.isInteger(remembered) && remembered > 0 && (await isPortFree(remembered))) return remembered;
  return freePort();
}

export type PostgresServer = {
  /** postgres://postgres@127.0.0.1:<port>/<database> */
  url: string;
  /**
   * The same database through the Unix socket in `dir`, for a client on this machine: no TCP on
   * the way (the bench's server uses it, as a newsroom with its database on the same machine would).
   */
  socketUrl: string;
  port: number;
  dir: string;
  /** Creates another, empty database on this server; returns its URL. */
  createDatabase(name: string): Promise<string>;
  stop(): Promise<void>;
  /** Stops the server at once, as a crash would, keeping its data (for tests of the database going away). */
  halt(): Promise<void>;
  /** Starts it again after `halt`, on the same port. */
  resume(): Promise<void>;
};

/**
 * Makes a cluster in `dir` (a new temporary folder unless given), starts it and creates
 * `database`. `stop` shuts it down and, for a temporary folder, removes it. A kept folder starts
 * again on the port it had, when that is still free (or on `port`, when given).
 */
export async function startPostgres({ dir, database = "newsdesk", port: askedPort }: { dir?: string; database?: string; port?: number } = {}): Promise<PostgresServer> {
  const bin = postgresBin();
  if (!bin) throw new Error("PostgreSQL is not installed: apt-get install -y postgresql (or set NEWSDESK_PG_BIN).");
  const throwaway = !dir;
  // Absolute: PostgreSQL reads a relative socket folder from inside its data folder, not from here.
  const home = path.resolve(dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-pg-")));
  fs.mkdirSync(home, { recursive: true });
  const data = path.join(home, "data");
  const port = await portFor(home, !throwaway, askedPort);
  const asRoot = process.getuid?.() === 0;
  // As root, the cluster belongs to `postgres`, who must be able to reach the folder.
  if (asRoot) {
    fs.chmodSync(home, 0o755);
    await run("chown", ["postgres:postgres", home]);
  }
  const as = (program: string, args: string[]) =>
    asRoot ? run("runuser", ["-u", "postgres", "--", path.join(bin, program), ...args]) : run(path.join(bin, program), args);

  if (!fs.existsSync(path.join(data, "PG_VERSION"))) {
    await as("initdb", ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--locale=C.UTF-8", "--no-sync"]);
  }
  const options = `-c listen_addresses=127.0.0.1 -p ${port} -k ${home} -c fsync=${throwaway ? "off" : "on"}`;
  await as("pg_ctl", ["-D", data, "-o", options, "-l", path.join(home, "postgres.log"), "-w", "-t", "60", "start"]);
  if (!throwaway) fs.writeFileSync(path.join(home, "port"), `${port}\n`);
  const urlOf = (name: string) => `postgres://postgres@127.0.0.1:${port}/${name}`;
  const createDatabase = async (name: string) => {
    await withPostgresClient({ host: "127.0.0.1", port, user: "postgres", database: "postgres" }, async (admin) => {
      const exists = await admin.query("SELECT 1 FROM pg_database WHERE datname = $1", [name]);
      if (exists.rowCount === 0) await admin.query(`CREATE DATABASE "${name.replace(/"/g, '""')}"`);
    });
    return urlOf(name);
  };
  const stop = async () => {
    await as("pg_ctl", ["-D", data, "-m", "fast", "-w", "stop"]).catch(() => undefined);
    if (throwaway) fs.rmSync(home, { recursive: true, force: true });
  };
  // For tests of the database going away: the server stops at once (as in a crash) and comes back
  // on the same port with the same data.
  const halt = async () => void (await as("pg_ctl", ["-D", data, "-m", "immediate", "-w", "stop"]));
  const resume = async () => void (await as("pg_ctl", ["-D", data, "-o", options, "-l", path.join(home, "postgres.log"), "-w", "-t", "60", "start"]));
  try {
    await createDatabase(database);
  } catch (error) {
    await stop();
    throw error;
  }
  const socketUrl = `postgres://postgres@localhost:${port}/${database}?host=${encodeURIComponent(home)}`;
  return { url: urlOf(database), socketUrl, port, dir: home, createDatabase, stop, halt, resume };
}
