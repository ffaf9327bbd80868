/**
 * Adding a section on a real database: a name whose address is one of the site's own top-level
 * paths (lib/site-paths.ts) is refused beside the name field, and nothing is written: no section,
 * no audit entry. The session and the request's headers are stubbed (the edge of the machine).
 */
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { freshDatabase } from "./database";
import { signedIn, type TestUser as User } from "./signed-in";

freshDatabase();
vi.mock("@/lib/auth/session", () => import("./signed-in"));
vi.mock("next/headers", () => ({ headers: async () => new Headers({ "x-newsdesk-client-address": "203.0.113.9" }) }));

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const sections = await import("@/lib/sections/actions");
const { addSection } = await import("@/lib/sections/commands/add-section");
const { DeskError } = await import("@/lib/errors");

let admin: User;

/** Everything adding a section could write. */
async function footprint() {
  const [rows, audit] = await Promise.all([db.section.findMany({ orderBy: { position: "asc" }, select: { slug: true, name: true } }), db.auditEntry.count()]);
  return { rows, audit };
}

beforeAll(async () => {
  // Settings and sections only: no demo newsroom is needed to add a section.
  await seedNewsroom(db, { demo: false, now: new Date() });
  const user = await db.user.create({ data: { name: "Chief Editor", email: "chief@paper.example", role: "admin", passwordHash: "unused" } });
  admin = { id: user.id, role: "admin", name: user.name, email: user.email };
});

afterAll(async () => {
  await db.$disconnect();
});

describe("adding a section whose address is one of the site's own pages", () => {
  it("is refused with the reason beside the name field, and nothing is written", async () => {
    signedIn(admin);
    const before = await footprint();
    for (const name of ["Media", "Missing", "Withdrawn", "Desk", "Login", "API", "Search"]) {
      const result = await sections.addSectionAction({ name });
      expect(result, name).toMatchObject({ ok: false, code: "invalid_input" });
      if (result.ok) continue;
      expect(result.fieldErrors?.name, name).toEqual([`“/${name.toLowerCase()}” is already a page of the site. Choose another name.`]);
    }
    expect(await footprint()).toEqual(before);
  });

  it("is refused by the command too, for a caller that skips the form's schema", async () => {
    const before = await footprint();
    await expect(addSection({ input: { name: "Media" }, actor: admin })).rejects.toThrow(DeskError);
    await expect(addSection({ input: { name: "Media" }, actor: admin })).rejects.toMatchObject({ code: "conflict", message: /already a page/ });
    expect(await footprint()).toEqual(before);
  });

  it("still adds a section whose name only contains such a word", async () => {
    signedIn(admin);
    const result = await sections.addSectionAction({ name: "Media Watch" });
    expect(result).toMatchObject({ ok: true, slug: "media-watch" });
    expect(await db.section.count({ where: { slug: "media-watch" } })).toBe(1);
  });
});
