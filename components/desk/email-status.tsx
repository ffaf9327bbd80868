import { smtpSettingsFrom } from "@/lib/notifications/email/settings";

/** Whether the newsroom sends email, and through what; set by NEWSDESK_SMTP_* (README). Server only. */
export function EmailStatus() {
  const email = smtpSettingsFrom(process.env);
  if (!email.on) return <p>{email.reason} Notifications show in the desk only.</p>;
  return (
    <p>
      Email is on: notifications are sent from {email.from} through {email.host}:{email.port}
      {email.tls === "off" ? " without TLS" : email.tls === "implicit" ? " over TLS" : " with STARTTLS"}.
    </p>
  );
}
