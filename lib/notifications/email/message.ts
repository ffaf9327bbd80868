/**
 * An email from the outbox, composed from its notifications: one notification, or a digest of
 * several. Plain text and HTML alike carry, for each, the headline, what happened, who did it and
 * a link into the desk; every message names where to change what arrives (List-Unsubscribe).
 * Pure: the worker passes the desk's address and the newspaper's name.
 */
import { escapeHtml } from "@/lib/render/body";
import { notificationSentence, type NotificationKind } from "../kinds";

export type EmailItem = {
  kind: NotificationKind;
  actorName: string | null;
  title: string;
  excerpt: string;
  /** The desk path it leads to, e.g. "/desk/articles/<id>#note-<id>". */
  href: string;
};

export type EmailMessage = { to: string; subject: string; text: string; html: string; headers: Record<string, string> };

export const preferencesPath = "/desk/account/notifications";

export function composeEmail({
  to,
  items,
  deskUrl,
  newspaperName,
}: {
  to: string;
  items: EmailItem[];
  deskUrl: string;
  newspaperName: string;
}): EmailMessage {
  const lines = items.map((item) => ({ sentence: notificationSentence(item), excerpt: item.excerpt, link: `${deskUrl}${item.href}` }));
  const preferences = `${deskUrl}${preferencesPath}`;
  const subject = items.length === 1 ? `[${newspaperName}] ${lines[0]!.sentence}` : `[${newspaperName}] ${items.length} things waiting for you in the desk`;
  const text = [
    ...lines.flatMap((line) => [line.sentence, ...(line.excerpt ? [`“${line.excerpt}”`] : []), line.link, ""]),
    `Choose what reaches you, and how: ${preferences}`,
  ].join("\n");
  const html = [
    `<!doctype html><html><body style="font-family:sans-serif;line-height:1.5">`,
    ...lines.map(
      (line) =>
        `<p><a href="${escapeHtml(line.link)}">${escapeHtml(line.sentence)}</a></p>` +
        (line.excerpt ? `<blockquote>${escapeHtml(line.excerpt)}</blockquote>` : ""),
    ),
    `<p style="color:#555;font-size:0.9em"><a href="${escapeHtml(preferences)}">Choose what reaches you, and how</a></p>`,
    `</body></html>`,
  ].join("\n");
  return { to, subject, text, html, headers: { "List-Unsubscribe": `<${preferences}>` } };
}
