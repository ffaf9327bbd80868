import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { mediaDirectory } from "./directory";
import { LocalDiskStorage } from "./storage";

const roots: string[] = [];
function freshStorage() {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-media-"));
  roots.push(root);
  return { root, storage: new LocalDiskStorage(root) };
}

afterEach(() => {
  for (const root of roots.splice(0)) fs.rmSync(root, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

const read = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer()).toString();

describe("storing media files on the local disk", () => {
  it("puts a named file under a key and streams it back with its size", async () => {
    const { root, storage } = freshStorage();
    await storage.put("k1", "original.png", new TextEncoder().encode("picture bytes"));
    expect(fs.readdirSync(path.join(root, "k1"))).toEqual(["original.png"]);
    const file = await storage.get("k1", "original.png");
    expect(file?.size).toBe(13);
    expect(await read(file!.body)).toBe("picture bytes");
  });

  it("replaces a file of the same name whole, leaving no temporary file behind", async () => {
    const { root, storage } = freshStorage();
    await storage.put("k1", "480.webp", new TextEncoder().encode("first"));
    await storage.put("k1", "480.webp", new TextEncoder().encode("second"));
    expect(fs.readdirSync(path.join(root, "k1"))).toEqual(["480.webp"]);
    expect(await read((await storage.get("k1", "480.webp"))!.body)).toBe("second");
  });

  it("answers null for a key or a name it does not have", async () => {
    const { storage } = freshStorage();
    await storage.put("k1", "original.png", new Uint8Array([1]));
    expect(await storage.get("k2", "original.png")).toBeNull();
    expect(await storage.get("k1", "960.webp")).toBeNull();
  });

  it("never reaches outside its folder, whatever key or name it is given", async () => {
    const { root, storage } = freshStorage();
    fs.writeFileSync(path.join(root, "..", `secret-${path.basename(root)}.txt`), "secret");
    try {
      for (const [key, name] of [
        ["..", `secret-${path.basename(root)}.txt`],
        ["k1", "../../etc.passwd"],
        ["k1/..", "x.png"],
        ["K1", "original.png"],
        ["k1", ".original.png.tmp"],
      ]) {
        expect(await storage.get(key!, name!), `${key}/${name}`).toBeNull();
        await expect(storage.put(key!, name!, new Uint8Array([1]))).rejects.toThrow(TypeError);
      }
      await expect(storage.delete("../")).rejects.toThrow(TypeError);
    } finally {
      fs.rmSync(path.join(root, "..", `secret-${path.basename(root)}.txt`), { force: true });
    }
  });

  it("deletes every file under a key, and deleting a key twice is no error", async () => {
    const { root, storage } = freshStorage();
    await storage.put("k1", "original.png", new Uint8Array([1]));
    await storage.put("k1", "480.webp", new Uint8Array([2]));
    await storage.put("k2", "original.png", new Uint8Array([3]));
    await storage.delete("k1");
    await storage.delete("k1");
    expect(fs.readdirSync(root)).toEqual(["k2"]);
  });
});

describe("where the media folder is", () => {
  it("is data/media under the project by default, or MEDIA_DIR", () => {
    vi.stubEnv("MEDIA_DIR", "");
    expect(mediaDirectory()).toBe(path.resolve("data", "media"));
    vi.stubEnv("MEDIA_DIR", ".test-data/media");
    expect(mediaDirectory()).toBe(path.resolve(".test-data", "media"));
    vi.stubEnv("MEDIA_DIR", "/srv/newsdesk/media");
    expect(mediaDirectory()).toBe("/srv/newsdesk/media");
  });
});
