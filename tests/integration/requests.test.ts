/**
 * Every mutating route handler goes through one gate (lib/http.ts): same origin, signed in, the
 * expected content type and a size limit, all before the body is read. Each refusal here also
 * re-reads the database and proves nothing changed. Only the session is stubbed.
 */
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { freshDatabase } from "./database";
import { signedIn, userByEmail, type TestUser as User } from "./signed-in";

freshDatabase();

vi.mock("@/lib/auth/session", () => import("./signed-in"));

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { createArticle } = await import("@/lib/articles/commands/create-article");
const { moveArticle } = await import("@/lib/articles/commands/move-article");
const { siteUrl } = await import("@/lib/site-url");
const articleRoute = await import("@/app/api/articles/[id]/route");
const transitions = await import("@/app/api/articles/[id]/transitions/route");
const presence = await import("@/app/api/articles/[id]/presence/route");
const mediaApi = await import("@/app/api/media/route");

let reporter: User;
let editor: User;
let sectionId: string;
let articleId: string;

const json = "application/json";
const megabytes = (n: number) => n * 1024 * 1024;

/** A body that counts what is pulled from it: a guard that does not read it leaves `pulled` at 0. */
function countedBody(totalBytes: number, chunkBytes = 64 * 1024) {
  const counter = { pulled: 0 };
  const chunk = new Uint8Array(chunkBytes).fill(0x20);
  const stream = new ReadableStream<Uint8Array>(
    {
      pull(controller) {
        if (counter.pulled >= totalBytes) return controller.close();
        counter.pulled += chunk.length;
        controller.enqueue(chunk);
      },
    },
    { highWaterMark: 0 },
  );
  return { stream, counter };
}

type Init = { method?: string; headers?: Record<string, string>; body?: BodyInit | null };
const request = (path: string, { method = "POST", headers = {}, body = null }: Init) =>
  new Request(`http://test${path}`, { method, headers, body, duplex: "half" } as RequestInit);
const params = (id: string) => ({ params: Promise.resolve({ id }) });

const save = (init: Init) => articleRoute.PUT(request(`/api/articles/${articleId}`, { ...init, method: "PUT" }), params(articleId));
const transition = (init: Init) =>
  transitions.POST(request(`/api/articles/${articleId}/transitions`, init), params(articleId));
const heartbeat = (init: Init) =>
  presence.POST(request(`/api/articles/${articleId}/presence`, init), params(articleId));

const validSave = () =>
  JSON.stringify({ headline: "Changed by the API", dateline: "HARBOURTON", sectionId, kind: "news", body: "New text.", baseVersion: 1 });

/** Everything a refused request could have touched. */
async function everything() {
  const [articles, revisions, events, presences, media] = await Promise.all([
    db.article.findMany({ orderBy: { id: "asc" } }),
    db.revision.count(),
    db.articleEvent.count(),
    db.presence.findMany(),
    db.media.count(),
  ]);
  return { articles, revisions, events, presences, media };
}

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  const users = await db.user.findMany();
  reporter = userByEmail(users, "reporter@example.com");
  editor = userByEmail(users, "editor@example.com");
  sectionId = (await db.section.findFirstOrThrow({ where: { slug: "city" } })).id;
  const draft = await createArticle({
    fields: { headline: "The gate holds", dateline: "HARBOURTON", standfirst: "", sectionId, kind: "news", body: "First paragraph." },
    actor: reporter,
    now: new Date(),
  });
  articleId = draft.id;
  await moveArticle({ input: { articleId, action: "submit" }, actor: reporter, now: new Date() });
});

beforeEach(() => signedIn(null));

afterAll(async () => {
  await db.$disconnect();
});

describe("signed out", () => {
  it("answers 401 to a 20 MB save without reading a byte of it", async () => {
    const before = await everything();
    const { stream, counter } = countedBody(megabytes(20));
    const response = await save({ headers: { "content-type": json }, body: stream });
    expect(response.status).toBe(401);
    expect(counter.pulled).toBe(0);
    expect(await everything()).toEqual(before);
  });

  it("answers 401 to a transition, a heartbeat and an upload", async () => {
    const before = await everything();
    expect((await transition({ headers: { "content-type": json }, body: '{"action":"publish"}' })).status).toBe(401);
    expect((await heartbeat({})).status).toBe(401);
    const form = new FormData();
    form.set("alt", "x");
    expect((await mediaApi.POST(request("/api/media", { method: "POST", body: form }))).status).toBe(401);
    expect(await everything()).toEqual(before);
  });
});

describe("size", () => {
  it("refuses a declared 20 MB save with 413 without reading it", async () => {
    signedIn(editor);
    const before = await everything();
    const { stream, counter } = countedBody(megabytes(20));
    const response = await save({ headers: { "content-type": json, "content-length": String(megabytes(20)) }, body: stream });
    expect(response.status).toBe(413);
    expect(counter.pulled).toBe(0);
    expect(await everything()).toEqual(before);
  });

  it("stops reading a streamed save the moment it passes 2 MB", async () => {
    signedIn(editor);
    const before = await everything();
    const { stream, counter } = countedBody(megabytes(20));
    const response = await save({ headers: { "content-type": json }, body: stream });
    expect(response.status).toBe(413);
    expect(counter.pulled).toBeLessThanOrEqual(megabytes(2) + 64 * 1024);
    expect(await everything()).toEqual(before);
  });

  it("refuses a transition past 64 KB and a heartbeat that carries a body", async () => {
    signedIn(editor);
    const before = await everything();
    const note = "x".repeat(70 * 1024);
    expect((await transition({ headers: { "content-type": json }, body: JSON.stringify({ action: "publish", note }) })).status).toBe(413);
    expect((await heartbeat({ headers: { "content-type": json }, body: "{}" })).status).toBe(413);
    expect(await everything()).toEqual(before);
  });
});

describe("content type", () => {
  it("refuses a publish sent as text/plain or as a form with 415", async () => {
    signedIn(editor);
    const before = await everything();
    const publish = JSON.stringify({ action: "publish" });
    expect((await transition({ headers: { "content-type": "text/plain" }, body: publish })).status).toBe(415);
    expect((await transition({ headers: { "content-type": "application/x-www-form-urlencoded" }, body: "action=publish" })).status).toBe(415);
    expect((await transition({ body: publish })).status).toBe(415);
    expect((await save({ headers: { "content-type": "text/plain" }, body: validSave() })).status).toBe(415);
    expect((await mediaApi.POST(request("/api/media", { method: "POST", headers: { "content-type": json }, body: "{}" }))).status).toBe(415);
    expect((await heartbeat({ headers: { "content-type": "text/plain" } })).status).toBe(415);
    expect(await everything()).toEqual(before);
  });
});

describe("origin", () => {
  it("refuses every mutation from another site with 403, even from an editor", async () => {
    signedIn(editor);
    const before = await everything();
    const evil = { origin: "https://evil.example", "content-type": json };
    expect((await transition({ headers: evil, body: '{"action":"publish"}' })).status).toBe(403);
    expect((await transition({ headers: { ...evil, "content-type": "text/plain" }, body: '{"action":"publish"}' })).status).toBe(403);
    expect((await save({ headers: evil, body: validSave() })).status).toBe(403);
    expect((await heartbeat({ headers: { origin: "https://evil.example" } })).status).toBe(403);
    const form = new FormData();
    form.set("alt", "x");
    expect((await mediaApi.POST(request("/api/media", { method: "POST", headers: { origin: "https://evil.example" }, body: form }))).status).toBe(403);
    expect((await transition({ headers: { origin: "null", "content-type": json }, body: '{"action":"publish"}' })).status).toBe(403);
    expect((await transition({ headers: { "sec-fetch-site": "cross-site", "content-type": json }, body: '{"action":"publish"}' })).status).toBe(403);
    expect(await everything()).toEqual(before);
  });

  it("refuses an Origin that only names our host on another port or scheme", async () => {
    signedIn(editor);
    const before = await everything();
    const ours = new URL(siteUrl());
    const elsewhere = `${ours.protocol}//${ours.hostname}:1`;
    expect((await transition({ headers: { origin: elsewhere, host: ours.host, "content-type": json }, body: '{"action":"publish"}' })).status).toBe(403);
    expect(await everything()).toEqual(before);
  });

  it("admits our own pages (the public address or the request's own host) and scripts without Origin", async () => {
    signedIn(editor);
    expect((await heartbeat({ headers: { origin: siteUrl() } })).status).toBe(200);
    expect((await heartbeat({ headers: { origin: "http://desk.internal:8080", host: "desk.internal:8080", "sec-fetch-site": "same-origin" } })).status).toBe(200);
    const published = await transition({ headers: { "content-type": json }, body: '{"action":"publish"}' });
    expect(published.status).toBe(200);
    expect((await db.article.findUniqueOrThrow({ where: { id: articleId } })).status).toBe("published");
  });
});
