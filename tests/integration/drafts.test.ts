/**
 * Reporters write first: a draft saves with a headline or some of the story, and completeness is
 * asked for when the story goes to the editors. Through the real actions, route handlers and
 * commands on a real database; only the session is stubbed.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freshDatabase } from "./database";
import { signedIn, userByEmail, type TestUser as User } from "./signed-in";

freshDatabase();

vi.mock("@/lib/auth/session", () => import("./signed-in"));

const json = { "content-type": "application/json" };

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { createArticleAction } = await import("@/lib/articles/actions");
const { listMyArticles } = await import("@/lib/articles/desk-queries");
const transitions = await import("@/app/api/articles/[id]/transitions/route");
const articleRoute = await import("@/app/api/articles/[id]/route");

let reporter: User;
let editor: User;
let city: string;
let opinion: string;

const paragraph = (text: string) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });
const withLink = (text: string, href: string) =>
  JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text, marks: [{ type: "link", attrs: { href } }] }] }] });

function post(articleId: string, body: unknown) {
  return transitions.POST(new Request("http://test/api", { method: "POST", headers: json, body: JSON.stringify(body) }), {
    params: Promise.resolve({ id: articleId }),
  });
}

function put(articleId: string, body: unknown) {
  return articleRoute.PUT(new Request("http://test/api", { method: "PUT", headers: json, body: JSON.stringify(body) }), {
    params: Promise.resolve({ id: articleId }),
  });
}

/** Everything a refused move must leave as it was. */
const snapshot = (id: string) =>
  db.article.findUniqueOrThrow({
    where: { id },
    include: { revisions: { orderBy: { number: "asc" }, include: { bylines: true } }, events: { orderBy: [{ createdAt: "asc" }, { id: "asc" }] } },
  });

/** A new article as the desk's form sends it: every field, most of them empty. */
const form = (fields: Record<string, unknown>) => ({
  headline: "",
  dateline: "",
  standfirst: "",
  sectionId: city,
  kind: "news",
  body: "",
  slug: "",
  seoTitle: "",
  seoDescription: "",
  writerBio: "",
  tags: [],
  bylineIds: [reporter.id],
  featuredImage: null,
  ...fields,
});

async function created(fields: Record<string, unknown>) {
  const result = await createArticleAction(form(fields));
  if (!result.ok) throw new Error(`Not saved: ${JSON.stringify(result)}`);
  return result;
}

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  const users = await db.user.findMany();
  reporter = userByEmail(users, "reporter@example.com");
  editor = userByEmail(users, "editor@example.com");
  city = (await db.section.findFirstOrThrow({ where: { slug: "city" } })).id;
  opinion = (await db.section.findFirstOrThrow({ where: { slug: "opinion" } })).id;
});

afterAll(async () => {
  await db.$disconnect();
});

describe("a new draft", () => {
  it("saves with only a headline, and reloads as it was written", async () => {
    signedIn(reporter);
    const { id, fieldErrors } = await created({ headline: "Ferry fares to rise in spring" });
    expect(fieldErrors).toBeUndefined();
    const article = await snapshot(id);
    expect(article).toMatchObject({ headline: "Ferry fares to rise in spring", dateline: "", body: "", status: "draft", sectionId: city });
    expect(article.revisions).toHaveLength(1);
    expect(article.revisions[0]).toMatchObject({ headline: "Ferry fares to rise in spring", dateline: "", body: "" });
  });

  it("saves with only the story, under an address of its own, and the desk lists it by its first words", async () => {
    signedIn(reporter);
    const body = paragraph("The council voted on Tuesday night to close the old market hall for repairs.");
    const first = await created({ body });
    const second = await created({ body: paragraph("Another start.") });
    const [a, b] = [await snapshot(first.id), await snapshot(second.id)];
    expect(a).toMatchObject({ headline: "", body, dateline: "" });
    expect(a.revisions[0]!.body).toBe(body);
    expect(a.slug).toMatch(/^untitled-draft/);
    expect(b.slug).not.toBe(a.slug);

    const row = (await listMyArticles(reporter)).find((candidate) => candidate.id === first.id)!;
    expect(row.headline).toBe("");
    expect(row.firstWords).toBe("The council voted on Tuesday night to close the…");

    // The headline typed later gives it its address.
    const saved = await put(first.id, { ...form({ body }), headline: "Market hall to close", baseVersion: 1 });
    expect(saved.status).toBe(200);
    expect((await snapshot(first.id)).slug).toBe("market-hall-to-close");
  });

  it("with nothing in it is not saved, and says what it needs beside the headline", async () => {
    signedIn(reporter);
    const before = await db.article.count();
    const result = await createArticleAction(form({ dateline: "HARBOURTON", body: paragraph("   ") }));
    expect(result).toMatchObject({ ok: false, code: "invalid_input", fieldErrors: { headline: [expect.stringMatching(/headline or start the story/)] } });
    expect(await db.article.count()).toBe(before);
  });
});

describe("submitting an incomplete draft", () => {
  it("is refused with every missing field named at once, and changes nothing", async () => {
    signedIn(reporter);
    const headlineOnly = await created({ headline: "Only a headline so far", bylineIds: [] });
    const bodyOnly = await created({ body: paragraph("Only the story so far.") });

    for (const [id, missing] of [
      [headlineOnly.id, ["dateline", "body", "bylineIds"]],
      [bodyOnly.id, ["headline", "dateline"]],
    ] as const) {
      const before = await snapshot(id);
      const response = await post(id, { action: "submit" });
      expect(response.status).toBe(422);
      const answer = await response.json();
      expect(Object.keys(answer.fieldErrors).sort()).toEqual([...missing].sort());
      expect(answer.error).toMatch(/^Before it goes to review, add /);
      expect(await snapshot(id)).toEqual(before);
    }
  });

  it("goes through once the missing fields are filled in", async () => {
    signedIn(reporter);
    const { id } = await created({ headline: "Lifeboat crew rescues two", body: paragraph("Two sailors were brought ashore.") });
    expect((await post(id, { action: "submit" })).status).toBe(422);
    expect((await put(id, { ...form({ headline: "Lifeboat crew rescues two", body: paragraph("Two sailors were brought ashore.") }), dateline: "HARBOURTON", baseVersion: 1 })).status).toBe(200);
    expect((await post(id, { action: "submit" })).status).toBe(200);
    expect((await snapshot(id)).status).toBe("submitted");
  });

  it("is refused to an editor's publish too, naming what is missing", async () => {
    signedIn(editor);
    const result = await createArticleAction({ ...form({ headline: "Editor's quick note", bylineIds: [editor.id] }) });
    if (!result.ok) throw new Error("not saved");
    const before = await snapshot(result.id);
    const response = await post(result.id, { action: "publish" });
    expect(response.status).toBe(422);
    expect(Object.keys((await response.json()).fieldErrors).sort()).toEqual(["body", "dateline"]);
    expect(await snapshot(result.id)).toEqual(before);
  });
});

describe("editorials", () => {
  it("need no dateline and keep none, and publish without one", async () => {
    signedIn(editor);
    const result = await createArticleAction(
      form({ headline: "The harbour needs a plan", kind: "editorial", sectionId: opinion, dateline: "HARBOURTON", body: paragraph("The city must act."), bylineIds: [] }),
    );
    if (!result.ok) throw new Error("not saved");
    expect((await snapshot(result.id)).dateline).toBe("");
    expect((await post(result.id, { action: "publish" })).status).toBe(200);
    const published = await snapshot(result.id);
    expect(published).toMatchObject({ status: "published", dateline: "" });
    expect(published.revisions[0]!.bylines).toEqual([]);
  });

  // The form does not offer a dateline on these kinds; a request that sends one anyway (an old
  // tab, a script) is saved without it, as the form's own switch of kind is, rather than refused:
  // the story's words still reach the server, and the kind decides what is printed.
  it("keep none when a crafted save sends one, and the rest of the save lands", async () => {
    signedIn(editor);
    const { id } = await created({ headline: "The harbour needs a plan", kind: "editorial", sectionId: opinion, bylineIds: [] });
    const response = await put(id, {
      ...form({ headline: "The harbour needs a plan now", kind: "editorial", sectionId: opinion, dateline: "HARBOURTON", bylineIds: [] }),
      baseVersion: 1,
    });
    expect(response.status).toBe(200);
    const saved = await snapshot(id);
    expect(saved).toMatchObject({ headline: "The harbour needs a plan now", dateline: "" });
    expect(saved.revisions.map((revision) => revision.dateline)).toEqual(["", ""]);
  });

  it("a news story that becomes a letter loses its dateline", async () => {
    signedIn(editor);
    const { id } = await created({ headline: "Ferry times", dateline: "HARBOURTON", body: paragraph("The ferry is late."), bylineIds: [editor.id] });
    expect((await snapshot(id)).dateline).toBe("HARBOURTON");
    const response = await put(id, {
      ...form({ headline: "Ferry times", kind: "letter", sectionId: opinion, dateline: "HARBOURTON", body: paragraph("The ferry is late."), bylineIds: [editor.id] }),
      baseVersion: 1,
    });
    expect(response.status).toBe(200);
    expect(await snapshot(id)).toMatchObject({ kind: "letter", dateline: "" });
  });
});

describe("a field that is not well formed", () => {
  it("is named beside the field while the story's words are saved", async () => {
    signedIn(reporter);
    const { id } = await created({ headline: "Tram line plans", standfirst: "A short standfirst.", body: paragraph("First words.") });
    const response = await put(id, {
      ...form({ headline: "Tram line plans, revised" }),
      standfirst: "x".repeat(401),
      body: withLink("Read the council's plan here.", "javascript:alert(1)"),
      baseVersion: 1,
    });
    expect(response.status).toBe(200);
    const answer = await response.json();
    expect(answer.fieldErrors.standfirst).toEqual(["Keep the standfirst under 400 characters."]);
    expect(answer.fieldErrors.body[0]).toMatch(/Links must be web addresses/);

    const article = await snapshot(id);
    expect(article.version).toBe(2);
    expect(article.headline).toBe("Tram line plans, revised");
    expect(article.standfirst).toBe("A short standfirst.");
    expect(article.body).toContain("Read the council's plan here.");
    expect(article.body).not.toContain("javascript");
    expect(article.revisions[1]!.bodyHtml).not.toContain("javascript");
  });
});
