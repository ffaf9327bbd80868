/**
 * The desk's own commands, run for the end-to-end tests on the test database: the same code that
 * the desk's forms and the admin's screens call, so test data passes the same checks and is written
 * the same way (slugs, revisions, bylines, tags, history, audit log, password hashes).
 *
 * It runs in a process of its own (newsroom-data.ts starts it, once per Playwright worker) because
 * the domain modules are server-only: Node loads them here under the `react-server` condition, as
 * Next does on the server. One JSON request a line on stdin, one JSON answer a line on stdout.
 *
 * Only what readers cannot see yet is written here (drafts, people). Whatever changes public pages
 * (publishing, slug changes of live stories) goes through the running server's HTTP API, so its
 * cached pages are refreshed exactly as they are by an editor's button.
 */
import readline from "node:readline";
import { createArticle } from "@/lib/articles/commands/create-article";
import { readDraftFields } from "@/lib/articles/schemas";
import type { Actor, Role } from "@/lib/auth/policy";
import { now } from "@/lib/time/clock";
import { db } from "@/lib/db";
import { demoAccounts } from "@/lib/demo";
import { createUser } from "@/lib/users/commands/create-user";
import { deactivateUser } from "@/lib/users/commands/deactivate-user";
import { createUserSchema } from "@/lib/users/schemas";

export type DraftRequest = {
  headline: string;
  standfirst?: string;
  body?: string;
  /** A section's slug (default: city). */
  section?: string;
  kind?: string;
  /** Emails of the byline, in order (default: the writer, as the desk's form puts it). */
  byline?: string[];
  tags?: string[];
  featuredImage?: { id: string; alt: string; caption?: string; credit?: string };
  seoTitle?: string;
  seoDescription?: string;
  writerBio?: string;
  /** Who writes it (default: the demo editor). */
  writer?: string;
};

const [demoEditor, demoAdmin] = [demoAccounts[1].email, demoAccounts[2].email];

async function actorByEmail(email: string): Promise<Actor> {
  const user = await db.user.findUniqueOrThrow({ where: { email }, select: { id: true, role: true } });
  return { id: user.id, role: user.role as Role };
}

async function writeDraft(draft: DraftRequest) {
  const section = await db.section.findUniqueOrThrow({ where: { slug: draft.section ?? "city" }, select: { id: true } });
  const bylineIds = draft.byline && (await Promise.all(draft.byline.map(async (email) => (await actorByEmail(email)).id)));
  // The form's fields, read as the desk reads them.
  const { fields, fieldErrors } = readDraftFields({
    headline: draft.headline,
    dateline: "HARBOURTON",
    standfirst: draft.standfirst ?? "",
    body: draft.body ?? "A story written for the tests.",
    sectionId: section.id,
    kind: draft.kind ?? "news",
    ...(bylineIds && { bylineIds }),
    ...(draft.tags && { tags: draft.tags }),
    ...(draft.featuredImage && { featuredImage: draft.featuredImage }),
    ...(draft.seoTitle && { seoTitle: draft.seoTitle }),
    ...(draft.seoDescription && { seoDescription: draft.seoDescription }),
    ...(draft.writerBio && { writerBio: draft.writerBio }),
  });
  const created = await createArticle({ fields, actor: await actorByEmail(draft.writer ?? demoEditor), now: now() });
  const problems = { ...fieldErrors, ...created.fieldErrors };
  if (Object.keys(problems).length) throw new Error(`The draft was not written as asked: ${JSON.stringify(problems)}`);
  const { slug } = await db.article.findUniqueOrThrow({ where: { id: created.id }, select: { slug: true } });
  return { id: created.id, slug, version: created.version };
}

/** Adds someone to the newsroom as the demo admin would on the Users page. */
async function addPerson(raw: unknown) {
  const input = createUserSchema.parse(raw);
  return createUser({ input, actor: await actorByEmail(demoAdmin), now: now() });
}

/** Deactivates someone as the demo admin would, acknowledging any story they scheduled; once is enough. */
async function deactivatePerson({ userId }: { userId: string }) {
  const { active } = await db.user.findUniqueOrThrow({ where: { id: userId }, select: { active: true } });
  if (!active) return { deactivated: true };
  const actor = await actorByEmail(demoAdmin);
  const first = await deactivateUser({ input: { userId }, actor, now: now() });
  if (first.deactivated) return { deactivated: true };
  const acknowledgedScheduled = first.scheduled.map((story) => story.id);
  return deactivateUser({ input: { userId, acknowledgedScheduled }, actor, now: now() });
}

export const deskCommands = { writeDraft, addPerson, deactivatePerson };
export type DeskCommands = typeof deskCommands;

type Request = { id: number; command: keyof DeskCommands; input: never };

function serve() {
  const lines = readline.createInterface({ input: process.stdin });
  lines.on("line", (line) => {
    const request = JSON.parse(line) as Request;
    const answer = (body: object) => process.stdout.write(`${JSON.stringify({ id: request.id, ...body })}\n`);
    deskCommands[request.command](request.input).then(
      (result) => answer({ ok: true, result }),
      (error: unknown) => answer({ ok: false, error: error instanceof Error ? `${error.name}: ${error.message}` : String(error) }),
    );
  });
  lines.on("close", () => void db.$disconnect());
  process.stdout.write(`${JSON.stringify({ ready: true })}\n`);
}

if (process.argv.includes("--serve")) serve();
