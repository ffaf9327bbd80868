/**
 * Stories written straight into the test database, for journeys that need many of them or need
 * what the desk cannot make yet (tags, shared bylines, featured images, old addresses). They are
 * written as drafts and published through the real API, so the search index and the cached pages
 * learn about them exactly as they would from an editor's button.
 */
import Database from "better-sqlite3";
import { randomUUID } from "node:crypto";
import path from "node:path";
import { expect, type Page } from "@playwright/test";

/** The webServer's database (playwright.config.ts). */
const databaseFile = path.resolve(".test-data", "e2e.db");

function open() {
  const db = new Database(databaseFile);
  db.pragma("busy_timeout = 5000");
  return db;
}

const stamp = () => new Date().toISOString();

export type DirectDraft = {
  headline: string;
  standfirst?: string;
  body?: string;
  section?: string;
  kind?: "news" | "analysis" | "editorial" | "column" | "op-ed" | "letter";
  /** Emails of the byline, in order (default: the owner, as the desk's form puts it; none on an editorial). */
  byline?: string[];
  tags?: { slug: string; name: string }[];
  image?: { width: number; height: number; alt: string; caption: string; credit: string };
  seoTitle?: string;
  seoDescription?: string;
  writerBio?: string;
};

const escape = (text: string) => text.replace(/[&<>]/g, (char) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;" })[char]!);

export function slugFor(headline: string): string {
  return headline.toLowerCase().replace(/[^a-z0-9]+/g, "-").replace(/^-|-$/g, "");
}

/** A draft by the demo editor with everything `draft` asks for on its current revision; returns its id and slug. */
export function writeDraftDirectly(draft: DirectDraft): { id: string; slug: string } {
  const db = open();
  try {
    const userId = (email: string) => (db.prepare(`SELECT "id" FROM "User" WHERE "email" = ?`).get(email) as { id: string }).id;
    const editorId = userId("editor@example.com");
    const sectionId = (db.prepare(`SELECT "id" FROM "Section" WHERE "slug" = ?`).get(draft.section ?? "city") as { id: string }).id;
    const id = randomUUID();
    const revisionId = randomUUID();
    const slug = slugFor(draft.headline);
    const body = draft.body ?? "A story written for the tests.";
    const now = stamp();
    db.transaction(() => {
      db.prepare(
        `INSERT INTO "Article" ("id", "slug", "kind", "status", "sectionId", "authorId", "headline", "dateline", "standfirst", "body", "version", "createdAt", "updatedAt")
         VALUES (?, ?, ?, 'draft', ?, ?, ?, 'HARBOURTON', ?, ?, 1, ?, ?)`,
      ).run(id, slug, draft.kind ?? "news", sectionId, editorId, draft.headline, draft.standfirst ?? "", body, now, now);
      let mediaId: string | null = null;
      if (draft.image) {
        mediaId = randomUUID();
        db.prepare(
          `INSERT INTO "Media" ("id", "storageKey", "mimeType", "originalName", "width", "height", "bytes", "variantWidths", "uploadedById", "createdAt")
           VALUES (?, ?, 'image/jpeg', 'photo.jpg', ?, ?, 1, '480,960', ?, ?)`,
        ).run(mediaId, `test/${mediaId}`, draft.image.width, draft.image.height, editorId, now);
      }
      db.prepare(
        `INSERT INTO "Revision" ("id", "articleId", "number", "headline", "dateline", "standfirst", "body", "bodyHtml", "seoTitle", "seoDescription", "writerBio",
           "featuredImageId", "featuredImageAlt", "featuredImageCaption", "featuredImageCredit", "authorId", "createdAt")
         VALUES (?, ?, 1, ?, 'HARBOURTON', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)`,
      ).run(
        revisionId,
        id,
        draft.headline,
        draft.standfirst ?? "",
        body,
        `<p>${escape(body)}</p>`,
        draft.seoTitle ?? "",
        draft.seoDescription ?? "",
        draft.writerBio ?? "",
        mediaId,
        draft.image?.alt ?? "",
        draft.image?.caption ?? "",
        draft.image?.credit ?? "",
        editorId,
        now,
      );
      (draft.byline ?? (draft.kind === "editorial" ? [] : ["editor@example.com"])).forEach((email, position) =>
        db.prepare(`INSERT INTO "RevisionAuthor" ("revisionId", "userId", "position") VALUES (?, ?, ?)`).run(revisionId, userId(email), position),
      );
      for (const tag of draft.tags ?? []) {
        db.prepare(`INSERT INTO "Tag" ("id", "slug", "name", "createdAt") VALUES (?, ?, ?, ?) ON CONFLICT ("slug") DO NOTHING`).run(randomUUID(), tag.slug, tag.name, now);
        const tagId = (db.prepare(`SELECT "id" FROM "Tag" WHERE "slug" = ?`).get(tag.slug) as { id: string }).id;
        db.prepare(`INSERT INTO "RevisionTag" ("revisionId", "tagId") VALUES (?, ?)`).run(revisionId, tagId);
      }
    })();
    return { id, slug };
  } finally {
    db.close();
  }
}

/** A writer with a page of their own (no password: they never sign in). */
export function addWriterDirectly({ name, email }: { name: string; email: string }): string {
  const db = open();
  try {
    const slug = slugFor(name);
    const now = stamp();
    db.prepare(
      `INSERT INTO "User" ("id", "email", "name", "role", "passwordHash", "active", "slug", "createdAt", "updatedAt")
       VALUES (?, ?, ?, 'reporter', '-', 0, ?, ?, ?)`,
    ).run(randomUUID(), email, name, slug, now, now);
    return slug;
  } finally {
    db.close();
  }
}

/** Records an old address of an article, as the save command does when a live article's slug changes. */
export function addOldAddressDirectly(articleId: string, oldPath: string) {
  const db = open();
  try {
    db.prepare(`INSERT INTO "ArticleRedirect" ("path", "articleId", "createdAt") VALUES (?, ?, ?)`).run(oldPath, articleId, stamp());
  } finally {
    db.close();
  }
}

/** Moves an article through the workflow API as the signed-in `editor` page's user. */
export async function transition(editor: Page, id: string, body: Record<string, unknown>) {
  const response = await editor.request.post(`/api/articles/${id}/transitions`, { data: body });
  expect(response.status(), await response.text()).toBe(200);
}

/**
 * The XML a feed or sitemap answers, parsed by the browser: items' titles and links, urls' locs.
 * The page needs a document of this site loaded first (any page; it is not navigated here, so
 * several can be parsed at once).
 */
export async function parseXml(page: Page, path: string) {
  const response = await page.request.get(path);
  expect(response.status(), path).toBe(200);
  const xml = await response.text();
  return page.evaluate((text) => {
    const doc = new DOMParser().parseFromString(text, "application/xml");
    return {
      error: doc.querySelector("parsererror")?.textContent ?? null,
      root: doc.documentElement.nodeName,
      titles: [...doc.querySelectorAll("channel > item > title")].map((node) => node.textContent ?? ""),
      links: [...doc.querySelectorAll("channel > item > link")].map((node) => node.textContent ?? ""),
      locs: [...doc.getElementsByTagName("loc")].map((node) => node.textContent ?? ""),
    };
  }, xml);
}
