/**
 * The bench's notifications section (scripts/bench.ts; alone: `npm run bench -- --only notifications`):
 * publish → visible on the home page, median and max of a series, in two configurations of the
 * production server on the same database:
 *
 * - off: no mail server configured (email off) and stories by the publishing editor alone, so the
 *   publication runs the notification hook but has nobody to tell;
 * - on: email on, sending to a deliberately slow SMTP server started here on 127.0.0.1 (each
 *   message held `slowMs` before it is accepted), and stories with writers other than the editor,
 *   so every publication writes their notifications and email outbox rows in its transaction while
 *   the server's outbox worker is busy with the slow mail server. The writers are a reporter (the
 *   author) and two editors: a reporter sees only the stories they author, and notifications
 *   never tell anyone of a story they may not see, so a reporter on someone else's byline would
 *   not be told.
 *
 * Email on or off is read from the server's environment when it starts (the outbox worker and
 * `notify`'s default), so each configuration gets a server of its own: toggling only the
 * recipients on one server would leave the worker and the mail server running beside the "off"
 * figure. To keep other load on this machine (and the order) from landing on one configuration
 * only, the series is run in rounds, off and on taking turns and taking turns going first
 * (off-on, on-off, …), each on a freshly started server; each round's median is printed, so the
 * noise between rounds can be weighed against the difference.
 *
 * A publication tells its writers (lib/notifications/recipients.ts); followers hear only of notes,
 * so the writers are what make every publication queue notifications and emails.
 */
import type { ChildProcess } from "node:child_process";
import { SMTPServer } from "smtp-server";
import { createPrismaClient } from "@/lib/prisma-client";

/** How long the slow mail server holds each message before accepting it. */
const slowMs = 2_000;
const rounds = 4;
const writerRoles = ["reporter", "editor", "editor"] as const;

type Visible = { home: number; everywhere: number };

export type NotificationBenchOptions = {
  publications: number;
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
          create: { email, name: `Notified Writer ${index}`, slug: `notified-writer-${index}`, role, passwordHash: "-", active: true },
        }),
      );
    }
    return writers.map((writer) => writer.id);
  } finally {
    await prisma.$disconnect();
  }
}

async function outboxCounts() {
  const prisma = createPrismaClient();
  try {
    const [notifications, queued, sent] = await Promise.all([prisma.notification.count(), prisma.emailOutbox.count(), prisma.emailOutbox.count({ where: { sentAt: { not: null } } })]);
    return { notifications, queued, sent };
  } finally {
    await prisma.$disconnect();
  }
}

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
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
  // Email off whatever the calling shell has set.
  const noSmtp = { NEWSDESK_SMTP_HOST: "" };
  const configurations = {
    off: { env: noSmtp, writers: [] as string[], timings: [] as Visible[], roundMedians: [] as number[], written: { notifications: 0, emails: 0 } },
    on: { env: smtp, writers, timings: [] as Visible[], roundMedians: [] as number[], written: { notifications: 0, emails: 0 } },
  };
  let cookie = options.cookie;
  const perRound = Math.ceil(options.publications / rounds);
  try {
    for (let round = 0; round < rounds; round += 1) {
      const order = round % 2 === 0 ? [configurations.off, configurations.on] : [configurations.on, configurations.off];
      for (const configuration of order) {
        const server = await options.startServer(configuration.env);
        try {
          cookie ??= await options.signIn();
          // One unmeasured publication first: a fresh server's first one pays for its warm-up.
          await options.publishToVisible(cookie, configuration.writers);
          const before = await outboxCounts();
          const timings: Visible[] = [];
          for (let index = 0; index < perRound && configuration.timings.length + timings.length < options.publications; index += 1) {
            timings.push(await options.publishToVisible(cookie, configuration.writers));
          }
          const after = await outboxCounts();
          configuration.timings.push(...timings);
          if (timings.length) configuration.roundMedians.push(median(timings.map((timing) => timing.home)));
          configuration.written.notifications += after.notifications - before.notifications;
          configuration.written.emails += after.queued - before.queued;
        } finally {
          await options.stopServer(server);
        }
      }
    }
  } finally {
    await mail.close();
  }
  const final = await outboxCounts();
  const summary = (timings: Visible[], key: keyof Visible) => {
    const values = timings.map((timing) => timing[key]);
    return { median: median(values), max: Math.max(...values) };
  };
  const off = { home: summary(configurations.off.timings, "home"), everywhere: summary(configurations.off.timings, "everywhere") };
  const on = { home: summary(configurations.on.timings, "home"), everywhere: summary(configurations.on.timings, "everywhere") };
  const ms = (value: number) => `${value.toFixed(0)} ms`;
  const line = (name: string, figures: typeof off, configuration: typeof configurations.off) =>
    `  ${name}: publish → on the home page median ${ms(figures.home.median)}, max ${ms(figures.home.max)}; ` +
    `→ everywhere median ${ms(figures.everywhere.median)}, max ${ms(figures.everywhere.max)} ` +
    `(${configuration.timings.length} publications; medians by round ${configuration.roundMedians.map(ms).join(", ")})`;
  console.log(`\nPublication latency with notifications and email (${rounds} rounds, off and on taking turns, a fresh server each):`);
  console.log(line("off (email off, nobody to tell)", off, configurations.off));
  console.log(line(`on (email on, ${writerRoles.length} writers told, mail server ${slowMs / 1000} s a message)`, on, configurations.on));
  console.log(
    `  written by the measured publications: off ${configurations.off.written.notifications} notifications, ${configurations.off.written.emails} emails; ` +
      `on ${configurations.on.written.notifications} notifications, ${configurations.on.written.emails} emails queued in the outbox`,
  );
  // A server stopped while the mail server holds a message never records it as sent: the outbox
  // sends it again after the restart (outbox.ts says why SMTP cannot tell), so "accepted" may exceed "sent".
  console.log(
    `  the slow mail server accepted ${mail.received()} messages while the series ran; the outbox recorded ${final.sent} of its ${final.queued} rows sent ` +
      `(the rest wait for the next start)`,
  );
  const ratio = on.home.median / off.home.median;
  console.log(`  publish → on the home page, on / off (medians): ${ratio.toFixed(2)} (within 10 %: ${ratio <= 1.1 ? "met" : "MISSED"})`);
}
