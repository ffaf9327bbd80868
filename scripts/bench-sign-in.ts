/**
 * The bench's sign-in section (scripts/bench.ts): how fast the server refuses guesses once an
 * account is locked, and the article page's throughput with and without a guessing attack running
 * beside it. The attack guesses at a fixed rate (`--attack-rate`, default 20 guesses/s): that is a
 * guessing attack, a few hundred times what a person types. An unbounded flood of requests is a
 * denial of service, a matter for request limits in front of the server, not for sign-in.
 */
import autocannon from "autocannon";

type Row = { name: string; path: string; rps: number; p50: number; p99: number; errors: number };

const victim = "victim@bench.example";
const rounds = 3;

/** A CSRF token and its cookie, as any client (or attacker) gets them before posting credentials. */
async function credentialsRequest(base: string) {
  const response = await fetch(`${base}/api/auth/csrf`);
  const cookie = response.headers
    .getSetCookie()
    .map((line) => line.split(";")[0])
    .join("; ");
  const { csrfToken } = (await response.json()) as { csrfToken: string };
  return {
    url: `${base}/api/auth/callback/credentials`,
    method: "POST" as const,
    headers: { "content-type": "application/x-www-form-urlencoded", cookie },
    body: new URLSearchParams({ csrfToken, email: victim, password: "a wrong guess", json: "true" }).toString(),
  };
}

function statusCounts(result: autocannon.Result): string {
  const stats = result.statusCodeStats ?? {};
  return Object.entries(stats)
    .map(([status, { count }]) => `${status}: ${count ?? 0}`)
    .join(", ");
}

export async function benchSignIn({
  base,
  duration,
  connections,
  attackRate,
  articlePath,
  load,
}: {
  base: string;
  duration: number;
  connections: number;
  attackRate: number;
  articlePath: string;
  load: (name: string, url: string) => Promise<Row>;
}) {
  const guess = await credentialsRequest(base);
  // Five wrong guesses lock the account: from here on every guess is refused before bcrypt.
  const first: number[] = [];
  for (let index = 0; index < 6; index++) first.push((await fetch(guess.url, { ...guess, redirect: "manual" })).status);

  const refused = await autocannon({ ...guess, connections, duration });
  // Interleaved rounds, so a neighbour's load on a shared machine falls on both sides alike.
  const alone: Row[] = [];
  const during: Row[] = [];
  const attacks: autocannon.Result[] = [];
  for (let round = 0; round < rounds; round++) {
    alone.push(await load("article page, no attack", `${base}${articlePath}`));
    const [row, attack] = await Promise.all([
      load("article page, under attack", `${base}${articlePath}`),
      autocannon({ ...guess, connections: 2, duration, overallRate: attackRate }),
    ]);
    during.push(row);
    attacks.push(attack);
  }
  const mean = (rows: Row[]) => rows.reduce((sum, row) => sum + row.rps, 0) / rows.length;
  const ratio = mean(during) / mean(alone);
  const figures = (rows: Row[]) => rows.map((row) => `${row.rps.toFixed(1)} (p99 ${row.p99} ms)`).join(", ");

  console.log(`\nSign-in under a guessing attack (one account, from 127.0.0.1)`);
  console.log(`first six guesses answered: ${first.join(", ")} (five checked and wrong, then refused)`);
  console.log(
    `refused guesses at full speed (-c ${connections}): ${refused.requests.average.toFixed(1)} req/s, p50 ${refused.latency.p50} ms, p99 ${refused.latency.p99} ms; ${statusCounts(refused)}`,
  );
  console.log(
    `attack beside the article page: ${attacks.map((attack) => attack.requests.average.toFixed(1)).join(", ")} guesses/s (target ${attackRate}); ${attacks.map(statusCounts).join("; ")}`,
  );
  console.log(`article page without attack, req/s per round: ${figures(alone)}; mean ${mean(alone).toFixed(1)}`);
  console.log(`article page under attack,   req/s per round: ${figures(during)}; mean ${mean(during).toFixed(1)}`);
  console.log(`ratio under attack / without: ${(ratio * 100).toFixed(1)} % (${ratio >= 0.9 ? "no more than 10 % lower" : "MORE than 10 % lower"})`);
}
