/**
 * A real SMTP server on 127.0.0.1 for the tests (the `smtp-server` package), keeping what it
 * receives: the envelope's recipients, and the message's subject, headers and decoded plain-text
 * and HTML parts. Only what our own messages use is decoded (RFC 2047 words, quoted-printable,
 * base64, one multipart level).
 *
 * The end-to-end run starts one for the whole run (playwright.config.ts, globalSetup below), so
 * every journey's email is delivered and none is retried; it keeps each message as a JSON file in
 * E2E_MAIL_DIR, which the journeys read with `receivedMail()`.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { SMTPServer } from "smtp-server";

export type ReceivedMail = { to: string[]; subject: string; headers: Record<string, string>; text: string; html: string };

/** The port the e2e server is told to send mail to (playwright.config.ts), beside its own port. */
export function e2eSmtpPort(): number {
  return Number(process.env.E2E_PORT || 3100) + 20_000;
}

export async function startMailServer(
  port = 0,
  onMail: (mail: ReceivedMail) => void = () => {},
): Promise<{ port: number; received: ReceivedMail[]; close: () => Promise<void> }> {
  const received: ReceivedMail[] = [];
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ["STARTTLS", "AUTH"],
    logger: false,
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("end", () => {
        const mail = { ...parseMessage(Buffer.concat(chunks).toString("latin1")), to: session.envelope.rcptTo.map((rcpt) => rcpt.address) };
        received.push(mail);
        onMail(mail);
        callback();
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => resolve());
  });
  const address = server.server.address();
  const bound = typeof address === "object" && address ? address.port : port;
  return { port: bound, received, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

type Part = { headers: Record<string, string>; body: string };

function splitPart(raw: string): Part {
  const at = raw.search(/\r?\n\r?\n/);
  const head = at === -1 ? raw : raw.slice(0, at);
  const body = at === -1 ? "" : raw.slice(at).replace(/^\r?\n\r?\n/, "");
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n[ \t]+/g, " ").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon > 0) headers[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  return { headers, body };
}

function decodeBody(part: Part): string {
  const encoding = (part.headers["content-transfer-encoding"] ?? "").toLowerCase();
  const bytes =
    encoding === "base64"
      ? Buffer.from(part.body.replace(/\s+/g, ""), "base64")
      : encoding === "quoted-printable"
        ? Buffer.from(part.body.replace(/=\r?\n/g, "").replace(/=([0-9A-F]{2})/gi, (_, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1")
        : Buffer.from(part.body, "latin1");
  return bytes.toString("utf8");
}

function decodeWords(value: string): string {
  return value
    .replace(/\?=\s+=\?/g, "?==?")
    .replace(/=\?([^?]+)\?([QB])\?([^?]*)\?=/gi, (_, _charset: string, kind: string, text: string) =>
      kind.toUpperCase() === "B"
        ? Buffer.from(text, "base64").toString("utf8")
        : Buffer.from(text.replace(/_/g, " ").replace(/=([0-9A-F]{2})/gi, (__, hex: string) => String.fromCharCode(parseInt(hex, 16))), "latin1").toString("utf8"),
    );
}

function parseMessage(raw: string): Omit<ReceivedMail, "to"> {
  const message = splitPart(raw);
  const headers = Object.fromEntries(Object.entries(message.headers).map(([name, value]) => [name, decodeWords(value)]));
  const boundary = /boundary="?([^";]+)"?/i.exec(message.headers["content-type"] ?? "")?.[1];
  const parts = boundary
    ? message.body
        .split(`--${boundary}`)
        .slice(1, -1)
        .map((chunk) => splitPart(chunk.replace(/^\r?\n/, "")))
    : [message];
  const ofType = (type: string) => parts.find((part) => (part.headers["content-type"] ?? "text/plain").toLowerCase().startsWith(type));
  const text = ofType("text/plain");
  const html = ofType("text/html");
  return { subject: headers.subject ?? "", headers, text: text ? decodeBody(text) : "", html: html ? decodeBody(html) : "" };
}

/** Playwright's global setup: the run's mail server, writing each message into E2E_MAIL_DIR. */
export default async function startRunMailServer(): Promise<() => Promise<void>> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-e2e-mail-"));
  process.env.E2E_MAIL_DIR = dir;
  let count = 0;
  const server = await startMailServer(e2eSmtpPort(), (mail) => {
    fs.writeFileSync(path.join(dir, `${String(++count).padStart(6, "0")}.json`), JSON.stringify(mail));
  });
  return async () => {
    await server.close();
    fs.rmSync(dir, { recursive: true, force: true });
  };
}

/** Every message the run's mail server has received so far. */
export function receivedMail(): ReceivedMail[] {
  const dir = process.env.E2E_MAIL_DIR;
  if (!dir) throw new Error("E2E_MAIL_DIR is unset: the run's mail server (globalSetup) did not start");
  return fs
    .readdirSync(dir)
    .sort()
    .map((name) => JSON.parse(fs.readFileSync(path.join(dir, name), "utf8")) as ReceivedMail);
}
