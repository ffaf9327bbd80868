import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { freePort } from "@/lib/postgres/server";
import { edgeConfig, runNginx, shippedEdgeConfig, workerPriority } from "./nginx";

const shipped = fs.readFileSync(shippedEdgeConfig, "utf8");

describe("the shipped nginx configuration, filled in for a machine", () => {
  const filled = edgeConfig(shipped, { upstreams: ["127.0.0.1:3200", "10.0.0.7:3000"], port: 8080, secret: "a-long-enough-secret-1234", cacheDir: "/tmp/edge/cache" });

  it("changes its four 'yours:' lines and nothing else", () => {
    expect(filled).toContain("    server 127.0.0.1:3200;\n    server 10.0.0.7:3000;\n");
    expect(filled).toContain("proxy_cache_path /tmp/edge/cache levels=1:2");
    expect(filled).toContain('"a-long-enough-secret-1234" 1;');
    expect(filled).toContain("    listen 127.0.0.1:8080;");
    expect(filled).not.toContain("change-me");
    const untouched = (text: string) => text.split("\n").filter((line) => !/yours:|change-me|a-long-enough|server 10\.0|server 127|listen|proxy_cache_path/.test(line));
    expect(untouched(filled)).toEqual(untouched(shipped));
  });

  it("keeps what the issue asks of the edge", () => {
    expect(shipped).toMatch(/proxy_cache_key "\$scheme\$host\$request_uri \$newsdesk_variant";/);
    expect(shipped).toMatch(/proxy_ignore_headers Cache-Control/);
    expect(shipped).toMatch(/proxy_cache_valid 200 301 308 404 410 1s;/);
    expect(shipped).toMatch(/proxy_cache_use_stale updating/);
    // A stale copy is served only while it is fetched again; one nobody read for a minute is dropped,
    // so the first reader after a quiet spell is never served one from minutes ago.
    expect(shipped).toMatch(/ inactive=1m /);
    expect(shipped).toMatch(/proxy_cache_lock on;/);
    expect(shipped).toMatch(/proxy_no_cache \$newsdesk_signed_in \$newsdesk_not_shared \$upstream_http_set_cookie;/);
    expect(shipped).toMatch(/keepalive 32;/);
    expect(shipped).toMatch(/gzip off;/);
    expect(shipped).not.toMatch(/tcp_nopush on/);
  });

  it("refuses a short secret", () => {
    expect(() => edgeConfig(shipped, { upstreams: ["127.0.0.1:3000"], port: 8080, secret: "short", cacheDir: "/tmp/x" })).toThrow(/at least 16/);
  });
});

describe("nginx as the project runs it", () => {
  /** A process's nice value, from /proc (the field after its name, which may hold spaces, is the 3rd; nice is the 19th). */
  const niceOf = (pid: number) => Number(fs.readFileSync(`/proc/${pid}/stat`, "utf8").split(") ")[1]!.split(" ")[16]);

  it("runs its workers below the app's priority, and serves", async () => {
    const port = await freePort();
    const nginx = await runNginx({ port, site: "server { listen 127.0.0.1:__PORT__; location / { return 200 'here'; } }" });
    try {
      expect(await (await fetch(nginx.url)).text()).toBe("here");
      const master = Number(fs.readFileSync(path.join(nginx.dir, "nginx.pid"), "utf8"));
      const workers = fs.readFileSync(`/proc/${master}/task/${master}/children`, "utf8").trim().split(" ").filter(Boolean).map(Number);
      expect(workers.length).toBeGreaterThan(0);
      // Only root may raise a priority: started below it already, nginx keeps what it was given.
      const expected = process.getuid?.() === 0 ? workerPriority : Math.max(workerPriority, os.getPriority());
      expect(workers.map(niceOf)).toEqual(workers.map(() => expected));
      expect(niceOf(master)).toBe(os.getPriority());
    } finally {
      await nginx.stop();
    }
  });
});
