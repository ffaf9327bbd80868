/**
 * Who hears of what: the one rule that turns a newsroom event into recipients. Pure: the caller
 * reads the people, the article or assignment and the follows inside its transaction and passes
 * them in. Three things always hold, whatever the event:
 * - the person who caused it is never told;
 * - only active staff are told;
 * - nobody is told about an article or assignment the policy does not let them see.
 */
import { can, canOn, type Actor } from "@/lib/auth/policy";
import type { NotificationKind } from "./kinds";

/** What happened, as the hooks beside the workflow's history report it. */
export type NewsroomEvent =
  | {
      kind: "submitted" | "changes_requested" | "approved" | "scheduled" | "published" | "withdrawn" | "corrected" | "late_publication";
      articleId: string;
      /** The person who caused it; null when nobody did (a go-live made late by a stopped server). */
      actorId: string | null;
      note?: string | null;
      /** The history line, so the link lands on it. */
      eventId: string;
    }
  | { kind: "note"; articleId: string; actorId: string; note: string; noteId: string }
  | { kind: "assignment_created" | "assignment_changed" | "assignment_cancelled"; assignmentId: string; actorId: string }
  /** Made by the clock, not a person. */
  | { kind: "deadline_soon" | "deadline_passed"; assignmentId: string; actorId: null };

export type Person = Actor & { name: string; email: string; active: boolean };

export type RecipientContext = {
  /** The staff who might be told (all of them, or those `candidatesFor` names; active or not): the rule picks. */
  people: Person[];
  article?: {
    authorId: string;
    /** The current byline's writers (the author may not be among them). */
    writerIds: string[];
    sectionId: string;
    /** Everyone recorded in the article's history, for the automatic follows. */
    actorIds: string[];
    /** Explicit follows (true) and unfollows (false). */
    follows: { userId: string; following: boolean }[];
  };
  assignment?: { assigneeId: string; assignedById: string };
  /** The sections each editor follows; an editor following none hears of every submission. */
  sectionFollows: { userId: string; sectionId: string }[];
};

export type Recipient = { userId: string; kind: NotificationKind };

const toWriters = new Set(["changes_requested", "approved", "scheduled", "published", "withdrawn", "corrected"]);
const toAssignee = new Set(["assignment_created", "assignment_changed", "assignment_cancelled"]);

export function recipientsFor(event: NewsroomEvent, context: RecipientContext): Recipient[] {
  const active = context.people.filter((person) => person.active && person.id !== event.actorId);
  const chosen = new Map<string, NotificationKind>();
  const add = (people: Person[], kind: NotificationKind) => {
    for (const person of people) if (!chosen.has(person.id) && maySee(person, context)) chosen.set(person.id, kind);
  };
  const article = context.article;
  if (event.kind === "submitted" && article) {
    add(active.filter((person) => can(person, "review:article:any") && followsSection(person, article.sectionId, context)), "submitted");
  } else if (event.kind === "late_publication") {
    add(active.filter((person) => can(person, "publish:article:any")), "late_publication");
  } else if (toWriters.has(event.kind) && article) {
    add(active.filter((person) => isWriter(person, article)), event.kind);
  } else if (event.kind === "note" && article) {
    // A mention outranks following: the person hears it once, as a mention.
    add(active.filter((person) => isMentioned(event.note, person)), "mentioned");
    add(active.filter((person) => followsArticle(person, article)), "note");
  } else if (toAssignee.has(event.kind) && context.assignment) {
    add(active.filter((person) => person.id === context.assignment?.assigneeId), event.kind);
  } else if ((event.kind === "deadline_soon" || event.kind === "deadline_passed") && context.assignment) {
    const { assigneeId, assignedById } = context.assignment;
    add(active.filter((person) => person.id === assigneeId || person.id === assignedById), event.kind);
  }
  return [...chosen].map(([userId, kind]) => ({ userId, kind }));
}

/**
 * The only people an event can reach, when the event names them: an article's writers for the
 * steps they hear of, an assignment's assignee and the editor who set it. Null when anyone on the
 * staff might be (a submission, a late go-live, a note: editors, followers, mentions). The caller
 * then reads only these people: `recipientsFor` gives the same answer from them as from the whole
 * staff (recipients.test.ts checks it for every event), and the publish transaction stays short.
 * The actor is left out, since they are never told.
 */
export function candidatesFor(event: NewsroomEvent, context: Pick<RecipientContext, "article" | "assignment">): string[] | null {
  let named: string[] | null = null;
  if (toWriters.has(event.kind) && context.article) named = [context.article.authorId, ...context.article.writerIds];
  else if ((toAssignee.has(event.kind) || event.kind === "deadline_soon" || event.kind === "deadline_passed") && context.assignment) {
    named = [context.assignment.assigneeId, context.assignment.assignedById];
  }
  return named && [...new Set(named)].filter((id) => id !== event.actorId);
}

function maySee(person: Person, context: RecipientContext): boolean {
  if (context.article && !canOn(person, "view:article:own", context.article)) return false;
  if (context.assignment && !(can(person, "assign:story:any") || context.assignment.assigneeId === person.id)) return false;
  return true;
}

function isWriter(person: Pick<Actor, "id">, article: Pick<NonNullable<RecipientContext["article"]>, "authorId" | "writerIds">): boolean {
  return article.authorId === person.id || article.writerIds.includes(person.id);
}

function followsSection(person: Person, sectionId: string, context: RecipientContext): boolean {
  const followed = context.sectionFollows.filter((follow) => follow.userId === person.id);
  return followed.length === 0 || followed.some((follow) => follow.sectionId === sectionId);
}

/** Writers and the editors who acted on the article follow it, unless they unfollowed; anyone may follow. */
export function followsArticle(
  person: Actor,
  article: Pick<NonNullable<RecipientContext["article"]>, "authorId" | "writerIds" | "actorIds" | "follows">,
): boolean {
  const explicit = article.follows.find((follow) => follow.userId === person.id);
  if (explicit) return explicit.following;
  if (isWriter(person, article)) return true;
  return can(person, "review:article:any") && article.actorIds.includes(person.id);
}

/**
 * Whether `text` mentions `person`: "@" and their full name, or the part of their email before
 * the "@", in any case, not run on into more letters ("@Sam Reporter", "@reporter").
 */
export function isMentioned(text: string, person: Pick<Person, "name" | "email">): boolean {
  const handles = [person.name, person.email.slice(0, person.email.indexOf("@"))].filter((handle) => handle.trim().length > 0);
  const lower = text.toLowerCase();
  return handles.some((handle) => {
    const needle = `@${handle.toLowerCase()}`;
    for (let at = lower.indexOf(needle); at !== -1; at = lower.indexOf(needle, at + 1)) {
      const before = lower.charAt(at - 1);
      const after = lower.charAt(at + needle.length);
      if (!/[\p{L}\p{N}.]/u.test(before) && !/[\p{L}\p{N}_-]/u.test(after)) return true;
    }
    return false;
  });
}
