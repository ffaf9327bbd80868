/**
 * What the desk tells people about: the closed set of notification kinds, how each reads, and the
 * choices a person has for each (desk, email, both, neither) and for email's rhythm. Pure data:
 * forms and the server both import it.
 */
import { can, type Actor } from "@/lib/auth/policy";

export const notificationKinds = [
  "submitted",
  "changes_requested",
  "approved",
  "scheduled",
  "published",
  "withdrawn",
  "corrected",
  "late_publication",
  "mentioned",
  "note",
  "assignment_created",
  "assignment_changed",
  "assignment_cancelled",
  "deadline_soon",
  "deadline_passed",
] as const;
export type NotificationKind = (typeof notificationKinds)[number];

/** "<who> <did this to> <title>": how a notification reads in the desk and in an email. */
const kindLabels = {
  submitted: "submitted for review",
  changes_requested: "requested changes to",
  approved: "approved",
  scheduled: "scheduled",
  published: "published",
  withdrawn: "withdrew",
  corrected: "published a correction to",
  late_publication: "went live late",
  mentioned: "mentioned you in a note on",
  note: "added a note to",
  assignment_created: "assigned you",
  assignment_changed: "changed your assignment",
  assignment_cancelled: "cancelled your assignment",
  deadline_soon: "is due within two hours",
  deadline_passed: "is past its deadline",
} satisfies Record<NotificationKind, string>;

/** How each kind is named on the preferences screen. */
export const kindNames = {
  submitted: "A story is submitted for review",
  changes_requested: "Changes are requested on your story",
  approved: "Your story is approved",
  scheduled: "Your story is scheduled",
  published: "Your story is published",
  withdrawn: "Your story is withdrawn",
  corrected: "A correction is published on your story",
  late_publication: "A scheduled story went live late",
  mentioned: "Someone mentions you in a note",
  note: "A note on a story you follow",
  assignment_created: "You are given an assignment",
  assignment_changed: "Your assignment changes",
  assignment_cancelled: "Your assignment is cancelled",
  deadline_soon: "An assignment's deadline is two hours away",
  deadline_passed: "An assignment's deadline has passed",
} satisfies Record<NotificationKind, string>;

export const channels = ["both", "desk", "email", "neither"] as const;
export type Channel = (typeof channels)[number];
export const channelLabels = {
  both: "Desk and email",
  desk: "Desk only",
  email: "Email only",
  neither: "Neither",
} satisfies Record<Channel, string>;

export const digestRhythms = ["immediately", "hourly", "daily"] as const;
export type DigestRhythm = (typeof digestRhythms)[number];
export const digestLabels = {
  immediately: "One email per notification, at once",
  hourly: "One email an hour, with everything since the last",
  daily: "One email a day",
} satisfies Record<DigestRhythm, string>;

/** The kinds a person's role can receive: submissions and late go-lives reach editors only. */
export function kindsFor(user: Pick<Actor, "role">): NotificationKind[] {
  return can(user, "review:article:any") ? [...notificationKinds] : notificationKinds.filter((kind) => kind !== "submitted" && kind !== "late_publication");
}

export function isNotificationKind(value: string): value is NotificationKind {
  return (notificationKinds as readonly string[]).includes(value);
}

/** Where a notification of a kind goes, given the person's choice and whether email is on at all. */
export function deliveryFor(channel: Channel, emailOn: boolean): { desk: boolean; email: boolean } {
  const email = emailOn && (channel === "email" || channel === "both");
  // With email off, an "email only" choice would silence the kind: the desk takes it instead.
  const desk = channel === "desk" || channel === "both" || (channel === "email" && !emailOn);
  return { desk, email };
}

/**
 * The notification as one sentence: "Sam Reporter submitted for review “Harbour bridge”". What the
 * clock brings has nobody behind it: "“Harbour bridge” went live late", "“Cover the regatta” is
 * past its deadline"; a deleted actor is "Someone".
 */
export function notificationSentence({ kind, actorName, title }: { kind: NotificationKind; actorName: string | null; title: string }): string {
  const quoted = `“${title || "Untitled draft"}”`;
  if (kind === "late_publication" || kind === "deadline_soon" || kind === "deadline_passed") return `${quoted} ${kindLabels[kind]}`;
  return `${actorName ?? "Someone"} ${kindLabels[kind]} ${quoted}`;
}
