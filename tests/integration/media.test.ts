/**
 * The media library through its real route handlers and commands, on a real database and a real
 * folder. Only the session is stubbed (the edge of the machine): each request acts as whichever
 * user `signedIn` names.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import sharp from "sharp";
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import { freshDatabase } from "./database";
import { signedIn, userByEmail, type TestUser as User } from "./signed-in";

freshDatabase();
const mediaDir = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-media-it-"));
process.env.MEDIA_DIR = mediaDir;

vi.mock("@/lib/auth/session", () => import("./signed-in"));

const { db } = await import("@/lib/db");
const { seedNewsroom } = await import("@/prisma/seed");
const { uploadMedia } = await import("@/lib/media/commands/upload-media");
const { updateMediaDetailsAction } = await import("@/lib/media/actions");
const mediaApi = await import("@/app/api/media/route");
const mediaFiles = await import("@/app/media/[key]/[file]/route");

let reporter: User;
let editor: User;


/** A Blob of `bytes` (copied: a Blob takes only plain ArrayBuffer-backed views). */
const blob = (bytes: Uint8Array | string, type = "") => new Blob([typeof bytes === "string" ? bytes : new Uint8Array(bytes)], { type });

async function png(width: number, height: number) {
  return sharp({ create: { width, height, channels: 3, background: "#12355b" } }).png().toBuffer();
}

function upload(file: Blob | null, name: string, fields: Record<string, string> = { alt: "Boats in the harbour", caption: "", credit: "" }) {
  const form = new FormData();
  if (file) form.set("file", file, name);
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  return mediaApi.POST(new Request("http://test/api/media", { method: "POST", body: form }));
}

function list(query = "") {
  return mediaApi.GET(new Request(`http://test/api/media${query}`));
}

function serve(key: string, file: string) {
  return mediaFiles.GET(new Request(`http://test/media/${key}/${file}`), { params: Promise.resolve({ key, file }) });
}

/** Everything stored: the media folder's files and the library's rows. */
async function everything() {
  const files = fs.readdirSync(mediaDir, { recursive: true }).map(String).sort();
  const rows = await db.media.findMany({ orderBy: { id: "asc" } });
  return { files, rows };
}

beforeAll(async () => {
  await seedNewsroom(db, { demo: true, now: new Date() });
  const users = await db.user.findMany();
  const find = (email: string) => userByEmail(users, email);
  reporter = find("reporter@example.com");
  editor = find("editor@example.com");
});

beforeEach(() => signedIn(null));

afterAll(async () => {
  await db.$disconnect();
  fs.rmSync(mediaDir, { recursive: true, force: true });
});

describe("uploading", () => {
  it("stores a reporter's PNG, its WebP copies and its details, and serves them", async () => {
    signedIn(reporter);
    const response = await upload(blob(await png(1200, 800), "image/png"), "harbour-at-dawn.png", {
      alt: " Fishing boats moored in the harbour at dawn ",
      caption: "The harbour before the storm.",
      credit: "Photo: Mira Santos",
    });
    expect(response.status).toBe(200);
    const { image } = await response.json();
    expect(image).toMatchObject({
      mimeType: "image/png",
      width: 1200,
      height: 800,
      variantWidths: "480,960,1200",
      alt: "Fishing boats moored in the harbour at dawn",
      originalName: "harbour-at-dawn.png",
      uploadedBy: { id: reporter.id, name: reporter.name },
      canEdit: true,
    });
    expect(fs.readdirSync(path.join(mediaDir, image.storageKey)).sort()).toEqual(["1200.webp", "480.webp", "960.webp", "original.png"]);

    const original = await serve(image.storageKey, "original.png");
    expect(original.status).toBe(200);
    expect(original.headers.get("content-type")).toBe("image/png");
    expect(original.headers.get("x-content-type-options")).toBe("nosniff");
    expect(original.headers.get("cache-control")).toBe("public, max-age=31536000, immutable");
    expect((await sharp(Buffer.from(await original.arrayBuffer())).metadata()).width).toBe(1200);

    const copy = await serve(image.storageKey, "480.webp");
    expect(copy.headers.get("content-type")).toBe("image/webp");
    expect((await sharp(Buffer.from(await copy.arrayBuffer())).metadata()).width).toBe(480);
  });

  it("refuses a text file named photo.jpg beside the file field, storing nothing", async () => {
    signedIn(reporter);
    const before = await everything();
    const response = await upload(blob("Council minutes, not a photograph.", "image/jpeg"), "photo.jpg");
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({
      ok: false,
      code: "invalid_input",
      fieldErrors: { file: ["This file is not a JPEG, PNG, WebP or AVIF image."] },
    });
    expect(await everything()).toEqual(before);
  });

  it("refuses a truncated image as damaged, storing nothing", async () => {
    signedIn(reporter);
    const before = await everything();
    const whole = await sharp({ create: { width: 800, height: 600, channels: 3, background: "#9b1c1c" } })
      .jpeg()
      .toBuffer();
    const response = await upload(blob(whole.subarray(0, whole.length - 200)), "cut-short.jpg");
    expect(response.status).toBe(422);
    expect((await response.json()).fieldErrors.file).toEqual(["This image could not be read: the file may be damaged or incomplete."]);
    expect(await everything()).toEqual(before);
  });

  it("removes the files already written when the row cannot be made", async () => {
    const before = await everything();
    const ghost = { id: "no-such-user", role: "reporter" as const };
    await expect(
      uploadMedia({ file: { name: "x.png", bytes: await png(600, 400) }, details: { alt: "x", caption: "", credit: "" }, actor: ghost, now: new Date() }),
    ).rejects.toThrow();
    expect(await everything()).toEqual(before);
  });

  it("asks for alt text and a file beside their fields, storing nothing", async () => {
    signedIn(reporter);
    const before = await everything();
    const response = await upload(null, "", { alt: "  ", caption: "", credit: "" });
    expect(response.status).toBe(422);
    expect((await response.json()).fieldErrors).toEqual({
      file: ["Choose an image to upload."],
      alt: ["Describe the image for readers who cannot see it."],
    });
    expect(await everything()).toEqual(before);
  });

  it("refuses a body past the size limit with 413 before reading it", async () => {
    signedIn(reporter);
    const response = await mediaApi.POST(
      new Request("http://test/api/media", {
        method: "POST",
        headers: { "content-type": "multipart/form-data; boundary=x", "content-length": String(20 * 1024 * 1024) },
        body: "--x--",
      }),
    );
    expect(response.status).toBe(413);
    expect((await response.json()).fieldErrors.file).toEqual(["Images must be 10 MB or smaller."]);
  });

  it("answers 401 to nobody, storing nothing", async () => {
    const before = await everything();
    const response = await upload(blob(await png(600, 400)), "anonymous.png");
    expect(response.status).toBe(401);
    expect(await everything()).toEqual(before);
  });
});

describe("serving", () => {
  it("answers 404 for any name the image's row does not list", async () => {
    signedIn(reporter);
    const { image } = await (await upload(blob(await png(700, 500)), "small.png")).json();
    expect(image.variantWidths).toBe("480,700");
    for (const [key, file] of [
      [image.storageKey, "original.jpg"],
      [image.storageKey, "960.webp"],
      [image.storageKey, "0480.webp"],
      [image.storageKey, "480.png"],
      [image.storageKey, "..%2F..%2Fnewsdesk.db"],
      [image.storageKey, "../original.png"],
      ["0".repeat(32), "original.png"],
      ["..", "original.png"],
    ]) {
      expect((await serve(key, file)).status, `${key}/${file}`).toBe(404);
    }
    expect((await serve(image.storageKey, "700.webp")).status).toBe(200);
  });
});

describe("searching", () => {
  it("finds images by alt text, caption, credit or file name, in any case, for staff only", async () => {
    signedIn(editor);
    await upload(blob(await png(500, 500)), "lighthouse-keeper.png", {
      alt: "A lighthouse keeper climbs the stairs",
      caption: "Ninety-two steps, twice a day.",
      credit: "Photo: Omar Haddad",
    });
    for (const q of ["LIGHTHOUSE", "ninety-two", "omar haddad", "keeper.png", "stairs lighthouse"]) {
      const answer = await (await list(`?q=${encodeURIComponent(q)}`)).json();
      expect(answer.items.map((item: { originalName: string }) => item.originalName), q).toEqual(["lighthouse-keeper.png"]);
    }
    expect((await (await list("?q=lighthouse+submarine")).json()).total).toBe(0);
    signedIn(null);
    expect((await list()).status).toBe(401);
  });
});

describe("editing an image's details", () => {
  it("lets the uploader and an editor change them, and refuses another reporter, changing nothing", async () => {
    signedIn(editor);
    const { image } = await (await upload(blob(await png(600, 400)), "editors.png", { alt: "An editor's picture" })).json();

    signedIn(reporter);
    const refused = await updateMediaDetailsAction({ id: image.id, alt: "Changed by a reporter", caption: "", credit: "" });
    expect(refused).toMatchObject({ ok: false, code: "forbidden" });
    expect((await db.media.findUniqueOrThrow({ where: { id: image.id } })).alt).toBe("An editor's picture");

    signedIn(editor);
    const done = await updateMediaDetailsAction({ id: image.id, alt: "The newsroom at night", caption: "Late shift.", credit: "Staff" });
    expect(done).toMatchObject({ ok: true, image: { alt: "The newsroom at night", caption: "Late shift.", credit: "Staff" } });

    const invalid = await updateMediaDetailsAction({ id: image.id, alt: "", caption: "", credit: "" });
    expect(invalid).toMatchObject({ ok: false, fieldErrors: { alt: ["Describe the image for readers who cannot see it."] } });
  });

  it("lets a reporter change the details of an image they uploaded", async () => {
    signedIn(reporter);
    const { image } = await (await upload(blob(await png(600, 400)), "mine.png")).json();
    expect(await updateMediaDetailsAction({ id: image.id, alt: "My own picture", caption: "", credit: "" })).toMatchObject({ ok: true });
  });
});
