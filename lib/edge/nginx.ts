/**
 * Starts Debian's nginx with the project's front-cache configuration (deploy/nginx/newsdesk.conf)
 * in a folder of its own: for `npm run edge`, the bench and the tests. The configuration is the
 * shipped file with its four "yours:" lines filled in (app addresses, listen address, cache folder,
 * refresh secret), inside a small main file that keeps nginx's pid, logs and temporary files in the
 * folder. The cache is emptied on every start, as on a deploy.
 */
import { spawn, execFile, type ChildProcess } from "node:child_process";
import fs from "node:fs";
import net from "node:net";
import os from "node:os";
import path from "node:path";
import { promisify } from "node:util";

const run = promisify(execFile);

/** Run from the project folder, as npm runs scripts and tests. */
export const shippedEdgeConfig = path.resolve("deploy", "nginx", "newsdesk.conf");

/** Debian's nginx, or NEWSDESK_NGINX; null when neither is there. */
export function nginxBinary(env: Record<string, string | undefined> = process.env): string | null {
  for (const candidate of [env.NEWSDESK_NGINX, "/usr/sbin/nginx"]) if (candidate && fs.existsSync(candidate)) return candidate;
  return null;
}

export type EdgeOptions = {
  /** The app's addresses, host:port each. */
  upstreams: string[];
  port: number;
  host?: string;
  secret: string;
  /** The folder for the cache, logs and pid (a new temporary one unless given). */
  dir?: string;
};

/** The shipped configuration with this machine's values in its "yours:" lines. */
export function edgeConfig(template: string, { upstreams, port, host = "127.0.0.1", secret, cacheDir }: EdgeOptions & { cacheDir: string }): string {
  const replace = (text: string, pattern: RegExp, value: string) => {
    if (!pattern.test(text)) throw new Error(`deploy/nginx/newsdesk.conf has no line matching ${pattern}`);
    return text.replace(pattern, value);
  };
  if (!/^[\w.~+/=-]{16,}$/.test(secret)) throw new Error("The edge's refresh secret must be at least 16 letters, digits or -_.~+/=");
  let config = replace(template, /^ {4}server 127\.0\.0\.1:3000;.*$/m, upstreams.map((address) => `    server ${address};`).join("\n"));
  config = replace(config, /^proxy_cache_path \/var\/cache\/nginx\/newsdesk /m, `proxy_cache_path ${cacheDir} `);
  config = replace(config, /"change-me-to-a-long-random-secret"/, `"${secret}"`);
  config = replace(config, /^ {4}listen 80;.*$/m, `    listen ${host}:${port};`);
  return config;
}

/**
 * nginx's workers run below the app's priority (a nice of 5 against the app's 0) on a machine they
 * share with it: when readers saturate the cores, a cache hit waits for a publication's work (its
 * statements, the renders of the pages it changed) rather than the other way round. While the app is
 * idle they have the machine. At a million articles on PostgreSQL with readers' load saturating the
 * machine, publish → on / through the edge went from a median of 76 ms to 50, 67, 83 and 70 in four
 * runs (decision 033).
 */
export const workerPriority = 5;

function mainConfig(dir: string, user: string | null): string {
  const temp = (name: string) => path.join(dir, "temp", name);
  return `${user ? `user ${user};\n` : ""}daemon off;
worker_processes auto;
worker_priority ${workerPriority};
pid ${path.join(dir, "nginx.pid")};
error_log ${path.join(dir, "error.log")} warn;
events { worker_connections 4096; }
http {
    access_log off;
    sendfile on;
    keepalive_timeout 65;
    keepalive_requests 100000;
    client_body_temp_path ${temp("body")};
    proxy_temp_path ${temp("proxy")};
    fastcgi_temp_path ${temp("fastcgi")};
    uwsgi_temp_path ${temp("uwsgi")};
    scgi_temp_path ${temp("scgi")};
    include ${path.join(dir, "site.conf")};
}
`;
}

export type RunningNginx = { url: string; port: number; dir: string; stop(): Promise<void> };

/**
 * Runs Debian's nginx with `site` (what goes inside `http {}`; `__PORT__` in it becomes `port`) in
 * `dir` (a new temporary folder unless given, removed on stop), until `stop`. `writable`: folders
 * nginx's workers must write (a cache), made here.
 */
export async function runNginx({ dir: given, port, host = "127.0.0.1", site, writable = [] }: { dir?: string; port: number; host?: string; site: string; writable?: string[] }): Promise<RunningNginx> {
  const nginx = nginxBinary();
  if (!nginx) throw new Error("nginx is not installed: apt-get install -y nginx (or set NEWSDESK_NGINX).");
  const dir = path.resolve(given ?? fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-nginx-")));
  for (const folder of [...writable, ...["body", "proxy", "fastcgi", "uwsgi", "scgi"].map((name) => path.join(dir, "temp", name))]) fs.mkdirSync(folder, { recursive: true });
  // Run as root (a container, CI), nginx's workers would become nobody, who cannot reach folders
  // such as .bench/ (mode 700): on this machine they stay the user who started them.
  const asRoot = process.getuid?.() === 0;
  fs.writeFileSync(path.join(dir, "site.conf"), site.replaceAll("__PORT__", String(port)));
  const conf = path.join(dir, "nginx.conf");
  fs.writeFileSync(conf, mainConfig(dir, asRoot ? "root root" : null));
  const args = ["-p", dir, "-e", path.join(dir, "error.log"), "-c", conf];
  await run(nginx, [...args, "-t", "-q"]).catch((error: { stderr?: string }) => {
    throw new Error(`nginx refused the configuration: ${error.stderr ?? error}`);
  });
  const child: ChildProcess = spawn(nginx, args, { stdio: ["ignore", "ignore", "pipe"] });
  let errors = "";
  child.stderr!.on("data", (chunk: Buffer) => (errors += chunk.toString()));
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  for (let attempt = 0; ; attempt++) {
    if (child.exitCode !== null) throw new Error(`nginx stopped at once: ${errors || fs.readFileSync(path.join(dir, "error.log"), "utf8")}`);
    if (await accepts(host, port)) break;
    if (attempt > 100) throw new Error("nginx did not start listening within 10 s");
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  return {
    url: `http://${host}:${port}`,
    port,
    dir,
    async stop() {
      if (child.exitCode === null) child.kill("SIGQUIT"); // finish what is under way, then stop
      await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 5_000))]);
      if (child.exitCode === null) child.kill("SIGKILL");
      if (!given) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export type Edge = RunningNginx;

/** Starts the front cache and resolves once it accepts connections. Its cache starts empty. */
export async function startEdge(options: EdgeOptions): Promise<Edge> {
  const dir = path.resolve(options.dir ?? fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-edge-")));
  const cacheDir = path.join(dir, "cache");
  fs.rmSync(cacheDir, { recursive: true, force: true });
  const site = edgeConfig(fs.readFileSync(shippedEdgeConfig, "utf8"), { ...options, cacheDir });
  const nginx = await runNginx({ dir, port: options.port, host: options.host, site, writable: [cacheDir] });
  return {
    ...nginx,
    async stop() {
      await nginx.stop();
      if (!options.dir) fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

function accepts(host: string, port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const socket = net.connect({ host, port }, () => {
      socket.end();
      resolve(true);
    });
    socket.on("error", () => resolve(false));
  });
}
