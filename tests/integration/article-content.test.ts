/**
 * What a save keeps besides the text: byline, tags, search fields, the featured image and the
 * address, through the real route handler and commands on a real database.
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freshDatabase } from "./database";
import { signedIn, userByEmail, type TestUser as User } from "./signed-in";

freshDatabase();

vi.mock("@/lib/auth/session", () => import("./signed-in"));

// The API takes JSON only (lib/http.ts); a Request with a string body would otherwise say text/plain.
const json = { "content-type": "application/json" };

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { createArticle } = await import("@/lib/articles/commands/create-article");
const { moveArticle } = await import("@/lib/articles/commands/move-article");
const { restoreRevision } = await import("@/lib/articles/commands/restore-revision");
const articleRoute = await import("@/app/api/articles/[id]/route");

let reporter: User;
let editor: User;
let columnist: { id: string };
let city: string;
let national: string;

const paragraph = (text: string) => JSON.stringify({ type: "doc", content: [{ type: "paragraph", content: [{ type: "text", text }] }] });

function put(articleId: string, body: unknown) {
  return articleRoute.PUT(new Request("http://test/api", { method: "PUT", headers: json, body: JSON.stringify(body) }), {
    params: Promise.resolve({ id: articleId }),
  });
}

const latestRevision = (articleId: string) =>
  db.revision.findFirstOrThrow({
    where: { articleId },
    orderBy: { number: "desc" },
    include: { bylines: { orderBy: { position: "asc" } }, tags: { include: { tag: true } } },
  });

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  const users = await db.user.findMany();
  const find = (email: string) => userByEmail(users, email);
  reporter = find("reporter@example.com");
  editor = find("editor@example.com");
  columnist = find("columnist@example.com");
  city = (await db.section.findFirstOrThrow({ where: { slug: "city" } })).id;
  national = (await db.section.findFirstOrThrow({ where: { slug: "national" } })).id;
});

afterAll(async () => {
  await db.$disconnect();
});

const fields = (headline: string, extra: Record<string, unknown> = {}) => ({
  headline,
  dateline: "HARBOURTON",
  standfirst: "",
  sectionId: city,
  kind: "news" as const,
  body: paragraph("First paragraph."),
  ...extra,
});

describe("the byline", () => {
  it("starts with the writer, keeps the order given, and is left out for editorials", async () => {
    const { id } = await createArticle({ fields: fields("Byline order"), actor: reporter, now: new Date() });
    expect((await latestRevision(id)).bylines.map((b) => b.userId)).toEqual([reporter.id]);

    // Who else signs a story is an editor's call (below: a reporter's save cannot change it).
    signedIn(editor);
    const saved = await put(id, { ...fields("Byline order"), bylineIds: [columnist.id, reporter.id], baseVersion: 1 });
    expect(saved.status).toBe(200);
    expect((await latestRevision(id)).bylines.map((b) => b.userId)).toEqual([columnist.id, reporter.id]);

    const editorial = await put(id, { ...fields("Byline order"), kind: "editorial", bylineIds: [reporter.id], baseVersion: 2 });
    expect(editorial.status).toBe(200);
    expect((await latestRevision(id)).bylines).toEqual([]);
  });

  it("may be empty in a draft of news, but names only people the newsroom knows", async () => {
    const { id } = await createArticle({ fields: fields("Unsigned news"), actor: reporter, now: new Date() });
    signedIn(reporter);
    const unsigned = await put(id, { ...fields("Unsigned news"), bylineIds: [], baseVersion: 1 });
    expect(unsigned.status).toBe(200);
    expect((await latestRevision(id)).bylines).toEqual([]);
    // A name the newsroom does not know is left out and named; the known names and the text are saved.
    signedIn(editor);
    const stranger = await put(id, { ...fields("Unsigned news, revised"), bylineIds: ["no-such-user", reporter.id], baseVersion: 2 });
    expect(stranger.status).toBe(200);
    expect((await stranger.json()).fieldErrors.bylineIds[0]).toMatch(/not in the newsroom's list/);
    const revision = await latestRevision(id);
    expect(revision.bylines.map((b) => b.userId)).toEqual([reporter.id]);
    expect(revision.headline).toBe("Unsigned news, revised");
  });
});

describe("tags, search fields and a featured image", () => {
  it("are created on first use, reused after, and kept by a save that leaves them out", async () => {
    const { id } = await createArticle({
      fields: { ...fields("Tagged story"), tags: ["Harbour", "Night buses", "harbour"], seoTitle: "Night buses: what changes", seoDescription: "Routes and times." },
      actor: reporter,
      now: new Date(),
    });
    const first = await latestRevision(id);
    expect(first.tags.map((t) => t.tag.name).sort()).toEqual(["Harbour", "Night buses"]);
    expect(first.seoTitle).toBe("Night buses: what changes");
    expect(await db.tag.count({ where: { slug: "harbour" } })).toBe(1);

    signedIn(reporter);
    // An older client that sends only the text keeps everything else.
    expect((await put(id, { ...fields("Tagged story, revised"), baseVersion: 1 })).status).toBe(200);
    const second = await latestRevision(id);
    expect(second.tags.map((t) => t.tag.name).sort()).toEqual(["Harbour", "Night buses"]);
    expect(second.seoDescription).toBe("Routes and times.");
    expect(second.bylines.map((b) => b.userId)).toEqual([reporter.id]);
  });

  it("leaves out an image that is not in the media library, and one without alt text, and saves the rest", async () => {
    const { id } = await createArticle({ fields: fields("Pictured story"), actor: reporter, now: new Date() });
    signedIn(reporter);
    const missing = await put(id, { ...fields("Pictured story"), featuredImage: { id: "nope", alt: "Boats" }, baseVersion: 1 });
    expect(missing.status).toBe(200);
    expect((await missing.json()).fieldErrors.featuredImage[0]).toMatch(/no longer in the media library/);
    const noAlt = await put(id, { ...fields("Pictured story", { body: paragraph("Second draft.") }), featuredImage: { id: "nope", alt: " " }, baseVersion: 2 });
    expect(noAlt.status).toBe(200);
    expect((await noAlt.json()).fieldErrors.featuredImage[0]).toMatch(/Describe the image/);
    const revision = await latestRevision(id);
    expect(revision.featuredImageId).toBeNull();
    expect(revision.body).toBe(paragraph("Second draft."));
  });
});

describe("the address", () => {
  it("follows the headline before publication, and can be set by hand unless another article has it", async () => {
    const { id } = await createArticle({ fields: fields("Quay walls survey begins"), actor: reporter, now: new Date() });
    signedIn(reporter);
    await put(id, { ...fields("Quay walls survey starts"), baseVersion: 1 });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).slug).toBe("quay-walls-survey-starts");
    await put(id, { ...fields("Quay walls survey starts"), slug: "Quay Survey", baseVersion: 2 });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).slug).toBe("quay-survey");

    const other = await createArticle({ fields: fields("Another story"), actor: reporter, now: new Date() });
    const taken = await put(other.id, { ...fields("Another story"), slug: "quay-survey", baseVersion: 1 });
    expect(taken.status).toBe(200);
    expect((await taken.json()).fieldErrors.slug[0]).toMatch(/already has this address/);
    expect((await db.article.findUniqueOrThrow({ where: { id: other.id } })).slug).toBe("another-story");
    expect(await db.articleRedirect.count({ where: { articleId: id } })).toBe(0);
  });

  it("of a published article leaves every old address redirecting to it, including after a section move", async () => {
    const now = new Date();
    const { id } = await createArticle({ fields: fields("Pier reopens"), actor: editor, now });
    await moveArticle({ input: { articleId: id, action: "publish" }, actor: editor, now });
    signedIn(editor);
    expect((await put(id, { ...fields("Pier reopens"), slug: "pier-reopens-after-repairs", baseVersion: 1 })).status).toBe(200);
    expect((await put(id, { ...fields("Pier reopens"), sectionId: national, slug: "pier-reopens-after-repairs", baseVersion: 2 })).status).toBe(200);
    const redirects = await db.articleRedirect.findMany({ where: { articleId: id }, orderBy: { path: "asc" } });
    expect(redirects.map((r) => r.path)).toEqual(["/city/pier-reopens", "/city/pier-reopens-after-repairs"]);
    // Moving back frees the address again: no redirect points at a live address.
    expect((await put(id, { ...fields("Pier reopens"), slug: "pier-reopens", baseVersion: 3 })).status).toBe(200);
    const paths = (await db.articleRedirect.findMany({ where: { articleId: id } })).map((r) => r.path).sort();
    expect(paths).toEqual(["/city/pier-reopens-after-repairs", "/national/pier-reopens-after-repairs"]);
  });
});

describe("restoring a revision", () => {
  it("brings back its byline, tags and search fields with its text", async () => {
    const { id } = await createArticle({ fields: { ...fields("Restore me"), tags: ["Ferries"], seoTitle: "Old title" }, actor: reporter, now: new Date() });
    signedIn(editor);
    await put(id, { ...fields("Restore me"), tags: ["Buses"], seoTitle: "New title", bylineIds: [columnist.id], baseVersion: 1 });
    await restoreRevision({ input: { articleId: id, revisionNumber: 1, baseVersion: 2 }, actor: editor, now: new Date() });
    const restored = await latestRevision(id);
    expect(restored.number).toBe(3);
    expect(restored.tags.map((t) => t.tag.name)).toEqual(["Ferries"]);
    expect(restored.seoTitle).toBe("Old title");
    expect(restored.bylines.map((b) => b.userId)).toEqual([reporter.id]);
  });
});

describe("what is the editor's", () => {
  const bylineOf = async (articleId: string) => (await latestRevision(articleId)).bylines.map((b) => b.userId);

  it("a reporter's crafted save cannot change who else signs their story: refused beside the byline, the rest is saved", async () => {
    const { id } = await createArticle({ fields: fields("Ferry timetable"), actor: reporter, now: new Date() });
    signedIn(editor);
    expect((await put(id, { ...fields("Ferry timetable"), bylineIds: [reporter.id, columnist.id], baseVersion: 1 })).status).toBe(200);

    signedIn(reporter);
    for (const [version, bylineIds] of [[2, [reporter.id]], [3, [reporter.id, columnist.id, editor.id]], [4, [reporter.id, editor.id]]] as const) {
      const response = await put(id, { ...fields(`Ferry timetable, take ${version}`), bylineIds, baseVersion: version });
      expect(response.status).toBe(200);
      expect((await response.json()).fieldErrors.bylineIds).toEqual(["Only an editor can change who else signs this story."]);
      expect(await bylineOf(id)).toEqual([reporter.id, columnist.id]);
      expect((await latestRevision(id)).headline).toBe(`Ferry timetable, take ${version}`);
    }
    // Nor by making it a kind that carries no byline, which would drop the columnist's name.
    const editorial = await put(id, { ...fields("Our view on ferries"), kind: "editorial", baseVersion: 5 });
    expect((await editorial.json()).fieldErrors.kind[0]).toMatch(/who else signs this story/);
    expect((await db.article.findUniqueOrThrow({ where: { id } })).kind).toBe("news");
    expect(await bylineOf(id)).toEqual([reporter.id, columnist.id]);
    // Their own name is theirs: taking it off is a save like any other.
    const own = await put(id, { ...fields("Ferry timetable"), bylineIds: [columnist.id], baseVersion: 6 });
    expect(await own.json()).not.toHaveProperty("fieldErrors");
    expect(await bylineOf(id)).toEqual([columnist.id]);
  });

  it("a reporter cannot start a story signed by someone else, nor restore a revision other writers sign", async () => {
    const { id, fieldErrors } = await createArticle({ fields: fields("Quay lights", { bylineIds: [columnist.id] }), actor: reporter, now: new Date() });
    expect(fieldErrors?.bylineIds).toEqual(["Only an editor can change who else signs this story."]);
    expect(await bylineOf(id)).toEqual([reporter.id]);

    signedIn(editor);
    await put(id, { ...fields("Quay lights"), bylineIds: [reporter.id, columnist.id], baseVersion: 1 });
    await restoreRevision({ input: { articleId: id, revisionNumber: 1, baseVersion: 2 }, actor: editor, now: new Date() });
    expect(await bylineOf(id)).toEqual([reporter.id]);
    const refused = restoreRevision({ input: { articleId: id, revisionNumber: 2, baseVersion: 3 }, actor: reporter, now: new Date() });
    await expect(refused).rejects.toMatchObject({ code: "forbidden", message: expect.stringMatching(/Revision 2 is signed by other writers/) });
    expect((await db.article.findUniqueOrThrow({ where: { id } })).version).toBe(3);
    expect(await bylineOf(id)).toEqual([reporter.id]);
  });

  it("a reporter's crafted save cannot move a story that has been published, even back in their hands as a draft", async () => {
    const now = new Date();
    const { id } = await createArticle({ fields: fields("Harbour crane returns"), actor: reporter, now });
    for (const action of ["publish", "unpublish", "restore"] as const) await moveArticle({ input: { articleId: id, action }, actor: editor, now });
    const before = await db.article.findUniqueOrThrow({ where: { id } });
    expect(before).toMatchObject({ status: "draft", slug: "harbour-crane-returns", sectionId: city });

    signedIn(reporter);
    const response = await put(id, { ...fields("Harbour crane returns at last"), slug: "crane-is-back", sectionId: national, baseVersion: before.version });
    expect(response.status).toBe(200);
    const message = "This story has been published: only an editor can change its address.";
    expect((await response.json()).fieldErrors).toEqual({ slug: [message], sectionId: [message] });
    const after = await db.article.findUniqueOrThrow({ where: { id } });
    expect(after).toMatchObject({ slug: "harbour-crane-returns", sectionId: city, headline: "Harbour crane returns at last", version: before.version + 1 });
    expect(await db.articleRedirect.count({ where: { articleId: id } })).toBe(0);

    // The same request from an editor moves it: the refusal was the rule, not the route.
    signedIn(editor);
    const moved = await put(id, { ...fields("Harbour crane returns at last"), slug: "crane-is-back", sectionId: national, baseVersion: after.version });
    expect(await moved.json()).not.toHaveProperty("fieldErrors");
    expect(await db.article.findUniqueOrThrow({ where: { id } })).toMatchObject({ slug: "crane-is-back", sectionId: national });
  });
});
