/**
 * Where the production server may listen. The demo accounts' password is public (README, sign-in
 * page), so a server reachable from other machines must never accept it: while any active demo
 * account still has it, `npm start` listens on 127.0.0.1 only when no address was asked for (the
 * quick start keeps working on http://localhost:3000), and refuses to start when a public one was
 * asked for explicitly (NEWSDESK_HOST), rather than quietly serving somewhere else than configured.
 * Pure: scripts/start.ts finds the accounts (lib/users/open-demo-accounts.ts) and acts on the answer.
 */
import { BlockList, isIP } from "node:net";

export type ListenDecision =
  | { ok: true; host: string | undefined; notice: string | null }
  | { ok: false; message: string };

const loopback = new BlockList();
loopback.addSubnet("127.0.0.0", 8, "ipv4");
loopback.addAddress("::1", "ipv6");

/** Whether an address (or the name localhost) is this machine's loopback interface. */
export function isLoopback(host: string): boolean {
  const bare = host.trim().replace(/^\[(.*)\]$/, "$1").toLowerCase();
  if (bare === "localhost") return true;
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(bare)?.[1];
  if (mapped) return loopback.check(mapped, "ipv4");
  const family = isIP(bare);
  return family !== 0 && loopback.check(bare, family === 4 ? "ipv4" : "ipv6");
}

/**
 * @param configuredHost NEWSDESK_HOST as given (unset or empty: every interface)
 * @param demoPasswordAccounts the active accounts that still accept the public demo password
 */
export function decideListenAddress({
  configuredHost,
  demoPasswordAccounts,
}: {
  configuredHost: string | undefined;
  demoPasswordAccounts: readonly string[];
}): ListenDecision {
  const host = configuredHost?.trim() || undefined;
  if (demoPasswordAccounts.length === 0 || (host && isLoopback(host))) return { ok: true, host, notice: null };
  const which = demoPasswordAccounts.join(", ");
  if (!host) {
    return {
      ok: true,
      host: "127.0.0.1",
      notice: `Listening on 127.0.0.1 only: ${which} still accept the public demo password (change their passwords or start with NEWSDESK_DEMO=off to serve other machines).`,
    };
  }
  return {
    ok: false,
    message: `Refusing to listen on ${host}: ${which} still accept the public demo password; change their passwords, start with NEWSDESK_DEMO=off, or set NEWSDESK_HOST=127.0.0.1.`,
  };
}
