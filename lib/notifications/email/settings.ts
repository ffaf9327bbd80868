/**
 * Email through SMTP, configured by environment variables (README, "Notifications by email"). Pure:
 * reads the variables it is given, so tests pass their own. Without NEWSDESK_SMTP_HOST email is
 * off, and the desk says so.
 */
const tlsModes = ["implicit", "starttls", "off"] as const;
type TlsMode = (typeof tlsModes)[number];

export type SmtpSettings =
  | {
      on: true;
      host: string;
      port: number;
      /** implicit: TLS from the first byte (port 465); starttls: upgrade, required; off: plain (a relay on this machine). */
      tls: TlsMode;
      auth: { user: string; pass: string } | null;
      from: string;
    }
  | { on: false; reason: string };


export function smtpSettingsFrom(env: Record<string, string | undefined>): SmtpSettings {
  const host = env.NEWSDESK_SMTP_HOST?.trim();
  if (!host) return { on: false, reason: "Email is off: no mail server is configured (NEWSDESK_SMTP_HOST)." };
  const tls = env.NEWSDESK_SMTP_TLS?.trim().toLowerCase() || "starttls";
  if (!isTlsMode(tls)) return { on: false, reason: "Email is off: NEWSDESK_SMTP_TLS must be implicit, starttls or off." };
  const port = env.NEWSDESK_SMTP_PORT?.trim() ? Number(env.NEWSDESK_SMTP_PORT) : tls === "implicit" ? 465 : 587;
  if (!Number.isInteger(port) || port < 1 || port > 65535) return { on: false, reason: "Email is off: NEWSDESK_SMTP_PORT is not a port number." };
  const from = env.NEWSDESK_SMTP_FROM?.trim();
  if (!from) return { on: false, reason: "Email is off: set the sender's address (NEWSDESK_SMTP_FROM)." };
  const user = env.NEWSDESK_SMTP_USER?.trim();
  return { on: true, host, port, tls, auth: user ? { user, pass: env.NEWSDESK_SMTP_PASSWORD ?? "" } : null, from };
}

/** The address links in emails start with: the desk's own (NEXTAUTH_URL). */
export function deskAddress(env: Record<string, string | undefined>): string {
  return (env.NEXTAUTH_URL || `http://localhost:${env.PORT || 3000}`).replace(/\/+$/, "");
}

function isTlsMode(value: string): value is TlsMode {
  return (tlsModes as readonly string[]).includes(value);
}
