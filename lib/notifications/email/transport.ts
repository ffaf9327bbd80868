/** The SMTP connection (nodemailer), made from the settings; the outbox calls it as a `Mailer`. */
import "server-only";
import nodemailer from "nodemailer";
import type { Mailer } from "../outbox";
import type { SmtpSettings } from "./settings";

export function smtpMailer(settings: Extract<SmtpSettings, { on: true }>): Mailer {
  const transport = nodemailer.createTransport({
    host: settings.host,
    port: settings.port,
    secure: settings.tls === "implicit",
    requireTLS: settings.tls === "starttls",
    ignoreTLS: settings.tls === "off",
    auth: settings.auth ?? undefined,
    // A mail server that hangs must not hold the worker for long: it fails and is retried.
    connectionTimeout: 10_000,
    greetingTimeout: 10_000,
    socketTimeout: 30_000,
  });
  return async (message) => {
    await transport.sendMail({
      from: settings.from,
      to: message.to,
      subject: message.subject,
      text: message.text,
      html: message.html,
      headers: message.headers,
      messageId: message.messageId,
    });
  };
}
