/**
 * The bench's notifications section (scripts/bench.ts; alone: `npm run bench -- --only notifications`):
 * publish → visible on the home page, median and max of a series, in two configurations of the
 * production server on the same database:
 *
 * - off: no mail server configured (email off) and stories by the publishing editor alone, so the
 *   publication runs the notification hook but has nobody to tell;
 * - on: email on, sending to a deliberately slow SMTP server started here on 127.0.0.1 (each
 *   message held `slowMs` before it is accepted), and stories with writers other than the editor,
 *   so every publication queues a notice in its transaction that the server delivers a second later
 *   as their notifications and email outbox rows, while its outbox worker is busy with the slow
 *   mail server. The writers are a reporter (the
 *   author) and two editors: a reporter sees only the stories they author, and notifications
 *   never tell anyone of a story they may not see, so a reporter on someone else's byline would
 *   not be told.
 *
 * Email on or off is read from the server's environment when it starts (the outbox worker and
 * `notify`'s default), so each configuration gets a server of its own: toggling only the
 * recipients on one server would leave the worker and the mail server running beside the "off"
 * figure. The machine is shared and its load drifts, so the two are never measured one after the
 * other: the series runs in `rounds`, off and on taking turns inside each round and taking turns
 * going first (off-on, on-off, …: a steady drift lands on both alike), each on a freshly started
 * server that first publishes twice unmeasured (its warm-up).
 *
 * Printed for each: the median and p90 of the Publish request itself (the command and its
 * transaction: where notifications cost anything), of publish → on the home page (the issue's
 * figure) and of publish → everywhere; each round's medians, paired, so the noise between rounds
 * shows beside the difference; the machine's load average while it ran; and the ratio on / off of
 * the medians with a 90 % interval (bootstrap: both series resampled 2,000 times). The verdict says
 * "met" only when the whole interval is within 10 %, "MISSED" only when all of it is beyond, and
 * otherwise that the noise does not settle it.
 *
 * A publication tells its writers (lib/notifications/recipients.ts); followers hear only of notes,
 * so the writers are what make every publication queue notifications and emails.
 */
import type { ChildProcess } from "node:child_process";
import os from "node:os";
import { SMTPServer } from "smtp-server";
import { noPassword } from "@/lib/auth/password";
import { createPrismaClient } from "@/lib/prisma-client";

/** How long the slow mail server holds each message before accepting it. */
const slowMs = 2_000;
const warmUps = 2;
const writerRoles = ["reporter", "editor", "editor"] as const;

type Visible = { request: number; home: number; everywhere: number };

export type NotificationBenchOptions = {
  /** Measured publications in each configuration, spread evenly over the rounds. */
  publications: number;
  rounds: number;
  /** Starts the production server with these extra environment variables and waits until it answers. */
  startServer: (env: Record<string, string>) => Promise<ChildProcess>;
  /** Stops it and waits until its port is free. */
  stopServer: (server: ChildProcess) => Promise<void>;
  /** A signed-in editor's cookie: taken once, from the first server (sign-in may be locked later in a full run). */
  signIn: () => Promise<string>;
  /** Publishes a fresh draft written by `writerIds` (the editor alone when empty) and times it. */
  publishToVisible: (cookie: string, writerIds: string[]) => Promise<Visible>;
  cookie?: string;
};

/** A real SMTP server that takes `slowMs` over each message, counting what it accepted. */
async function startSlowMailServer(): Promise<{ port: number; received: () => number; close: () => Promise<void> }> {
  let received = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, _session, callback) {
      stream.resume();
      stream.on("end", () =>
        setTimeout(() => {
          received += 1;
          callback();
        }, slowMs),
      );
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { port, received: () => received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

/** Active writers to be told of each publication (a bench fixture in the bench database). */
async function notifiedWriters(): Promise<string[]> {
  const prisma = createPrismaClient();
  try {
    const writers = [];
    for (const [index, role] of writerRoles.entries()) {
      const email = `notified${index}@bench.example`;
      writers.push(
        await prisma.user.upsert({
          where: { email },
          update: {},
          create: { email, name: `Notified Writer ${index}`, slug: `notified-writer-${index}`, role, passwordHash: noPassword, active: true },
        }),
      );
    }
    return writers.map((writer) => writer.id);
  } finally {
    await prisma.$disconnect();
  }
}

/** Once the server has delivered every queued notice (within a few seconds), what was written. */
async function outboxCounts() {
  const prisma = createPrismaClient();
  try {
    for (let waited = 0; waited < 10_000 && (await prisma.queuedNotice.count({ where: { attempts: 0 } })) > 0; waited += 100) {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
    const [notifications, queued, sent] = await Promise.all([prisma.notification.count(), prisma.emailOutbox.count(), prisma.emailOutbox.count({ where: { sentAt: { not: null } } })]);
    return { notifications, queued, sent };
  } finally {
    await prisma.$disconnect();
  }
}

const sorted = (values: number[]) => [...values].sort((a, b) => a - b);

const median = (values: number[]) => {
  const ordered = sorted(values);
  const middle = Math.floor(ordered.length / 2);
  return ordered.length % 2 ? ordered[middle]! : (ordered[middle - 1]! + ordered[middle]!) / 2;
};

/** The nearest-rank percentile. */
const percentile = (values: number[], share: number) => {
  const ordered = sorted(values);
  return ordered[Math.max(0, Math.ceil(share * ordered.length) - 1)]!;
};

/**
 * A 90 % interval for median(on) / median(off): both series resampled with replacement, by a
 * seeded generator so that one set of timings always gives one interval.
 */
export function ratioInterval(off: number[], on: number[], resamples = 2_000): { low: number; high: number } {
  let state = 20261130;
  const random = () => (state = (state * 1_103_515_245 + 12_345) % 2 ** 31) / 2 ** 31;
  const resample = (values: number[]) => values.map(() => values[Math.floor(random() * values.length)]!);
  const ratios = Array.from({ length: resamples }, () => median(resample(on)) / median(resample(off)));
  return { low: percentile(ratios, 0.05), high: percentile(ratios, 0.95) };
}

/** Within 10 % only when the whole interval is; beyond only when all of it is; otherwise unsettled. */
export function verdict({ low, high }: { low: number; high: number }, limit = 1.1): string {
  if (high <= limit) return "met";
  if (low > limit) return "MISSED";
  return `not settled: the interval straddles ${limit.toFixed(2)}, the noise is larger than the margin (run again with more --publications, or on a quieter machine)`;
}

/** The machine's 1-minute load average, sampled every 2 s while `run` runs. */
async function withLoadSamples<T>(run: () => Promise<T>): Promise<{ result: T; load: number[] }> {
  const load = [os.loadavg()[0]!];
  const timer = setInterval(() => load.push(os.loadavg()[0]!), 2_000);
  try {
    return { result: await run(), load: [...load, os.loadavg()[0]!] };
  } finally {
    clearInterval(timer);
  }
}

type Configuration = {
  env: Record<string, string>;
  writers: string[];
  timings: Visible[];
  rounds: { request: number; home: number }[];
  written: { notifications: number; emails: number };
};

export async function benchNotifications(options: NotificationBenchOptions): Promise<void> {
  const writers = await notifiedWriters();
  const mail = await startSlowMailServer();
  const smtp = {
    NEWSDESK_SMTP_HOST: "127.0.0.1",
    NEWSDESK_SMTP_PORT: String(mail.port),
    NEWSDESK_SMTP_TLS: "off",
    NEWSDESK_SMTP_FROM: "desk@bench.example",
  };
  const configuration = (env: Record<string, string>, told: string[]): Configuration => ({
    env,
    writers: told,
    timings: [],
    rounds: [],
    written: { notifications: 0, emails: 0 },
  });
  // Email off whatever the calling shell has set.
  const off = configuration({ NEWSDESK_SMTP_HOST: "" }, []);
  const on = configuration(smtp, writers);
  let cookie = options.cookie;
  const perRound = Math.ceil(options.publications / options.rounds);
  const started = performance.now();
  const { load } = await withLoadSamples(async () => {
    try {
      for (let round = 0; round < options.rounds; round += 1) {
        for (const measured of round % 2 === 0 ? [off, on] : [on, off]) {
          const server = await options.startServer(measured.env);
          try {
            cookie ??= await options.signIn();
            for (let index = 0; index < warmUps; index += 1) await options.publishToVisible(cookie, measured.writers);
            const before = await outboxCounts();
            const timings: Visible[] = [];
            for (let index = 0; index < perRound && measured.timings.length + timings.length < options.publications; index += 1) {
              timings.push(await options.publishToVisible(cookie, measured.writers));
            }
            const after = await outboxCounts();
            measured.timings.push(...timings);
            if (timings.length) measured.rounds.push({ request: median(timings.map((timing) => timing.request)), home: median(timings.map((timing) => timing.home)) });
            measured.written.notifications += after.notifications - before.notifications;
            measured.written.emails += after.queued - before.queued;
          } finally {
            await options.stopServer(server);
          }
        }
      }
    } finally {
      await mail.close();
    }
  });
  const minutes = (performance.now() - started) / 60_000;
  const final = await outboxCounts();
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const figures = (measured: Configuration, key: keyof Visible) => {
    const values = measured.timings.map((timing) => timing[key]);
    return `median ${ms(median(values))}, p90 ${ms(percentile(values, 0.9))}`;
  };
  const line = (name: string, measured: Configuration) =>
    `  ${name} (${measured.timings.length} publications):\n` +
    `    Publish request ${figures(measured, "request")}; → on the home page ${figures(measured, "home")}; → everywhere ${figures(measured, "everywhere")}`;
  console.log(
    `\nPublication latency with notifications and email (${options.rounds} rounds of ${perRound} a configuration, off and on taking turns, ` +
      `a fresh server each, ${warmUps} unmeasured publications first; ${minutes.toFixed(1)} min):`,
  );
  console.log(line("off (email off, nobody to tell)", off));
  console.log(line(`on (email on, ${writerRoles.length} writers told, mail server ${slowMs / 1000} s a message)`, on));
  const paired = off.rounds.map((offRound, index) => {
    const onRound = on.rounds[index];
    return onRound ? `${ms(offRound.home)} / ${ms(onRound.home)} = ${(onRound.home / offRound.home).toFixed(2)}` : `${ms(offRound.home)} / -`;
  });
  console.log(`  by round, → on the home page, off / on medians: ${paired.join("; ")}`);
  console.log(
    `  load average (1 min) while it ran, ${os.cpus().length} cores, this bench's own server and polling included: ` +
      `start ${load[0]!.toFixed(2)}, median ${median(load).toFixed(2)}, max ${Math.max(...load).toFixed(2)}`,
  );
  console.log(
    `  written by the measured publications: off ${off.written.notifications} notifications, ${off.written.emails} emails; ` +
      `on ${on.written.notifications} notifications, ${on.written.emails} emails queued in the outbox`,
  );
  // A server stopped while the mail server holds a message never records it as sent: the outbox
  // sends it again after the restart (outbox.ts says why SMTP cannot tell), so "accepted" may exceed "sent".
  console.log(
    `  the slow mail server accepted ${mail.received()} messages while the series ran; the outbox recorded ${final.sent} of its ${final.queued} rows sent ` +
      `(the rest wait for the next start)`,
  );
  for (const [name, key] of [
    ["Publish request", "request"],
    ["publish → on the home page", "home"],
  ] as const) {
    const values = (measured: Configuration) => measured.timings.map((timing) => timing[key]);
    const ratio = median(values(on)) / median(values(off));
    const interval = ratioInterval(values(off), values(on));
    const judged = key === "home" ? `; within 10 %: ${verdict(interval)}` : "";
    console.log(`  ${name}, on / off (medians): ${ratio.toFixed(2)}, 90 % interval ${interval.low.toFixed(2)}–${interval.high.toFixed(2)}${judged}`);
  }
}
