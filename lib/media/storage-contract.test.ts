/**
 * Every media storage keeps the same promises (storage-names.ts): the local disk, and S3-compatible
 * object storage, here a real S3-compatible server (s3rver, from npm) on 127.0.0.1 speaking the
 * S3 API over HTTP to the AWS SDK.
 */
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import S3rver from "s3rver";
import { afterAll, beforeAll, describe, expect, it, vi } from "vitest";
import { S3Storage, s3Settings } from "./s3-storage";
import { LocalDiskStorage, mediaStorage } from "./storage";
import type { MediaStorage } from "./storage-names";

const folder = fs.mkdtempSync(path.join(os.tmpdir(), "newsdesk-s3-"));
const bucket = "newsdesk-media";
const server = new S3rver({ address: "127.0.0.1", port: 0, silent: true, directory: path.join(folder, "s3"), configureBuckets: [{ name: bucket, configs: [] }] });
let endpoint = "";

beforeAll(async () => {
  const { port } = await server.run();
  endpoint = `http://127.0.0.1:${port}`;
});
afterAll(async () => {
  await server.close();
  fs.rmSync(folder, { recursive: true, force: true });
  vi.unstubAllEnvs();
});

const read = async (stream: ReadableStream<Uint8Array>) => Buffer.from(await new Response(stream).arrayBuffer()).toString();
const bytes = (text: string) => new TextEncoder().encode(text);

const storages: [string, () => MediaStorage][] = [
  ["the local disk", () => new LocalDiskStorage(fs.mkdtempSync(path.join(folder, "disk-")))],
  [
    "S3-compatible object storage",
    () => new S3Storage({ bucket, region: "us-east-1", endpoint, credentials: { accessKeyId: "S3RVER", secretAccessKey: "S3RVER" }, prefix: `run-${Math.random().toString(36).slice(2)}/` }),
  ],
];

describe.each(storages)("media files on %s", (_, make) => {
  it("puts a named file under a key, replaces it whole, and streams it back with its size", async () => {
    const storage = make();
    await storage.put("k1", "original.png", bytes("picture bytes"));
    await storage.put("k1", "480.webp", bytes("first"));
    await storage.put("k1", "480.webp", bytes("second"));
    const original = await storage.get("k1", "original.png");
    expect(original?.size).toBe(13);
    expect(await read(original!.body)).toBe("picture bytes");
    expect(await read((await storage.get("k1", "480.webp"))!.body)).toBe("second");
  });

  it("answers null for a key or name it does not have, or one no storage may have", async () => {
    const storage = make();
    await storage.put("k1", "original.png", bytes("x"));
    expect(await storage.get("k2", "original.png")).toBeNull();
    expect(await storage.get("k1", "960.webp")).toBeNull();
    expect(await storage.get("..", "original.png")).toBeNull();
    await expect(storage.put("k1", "../x.png", bytes("x"))).rejects.toThrow(TypeError);
  });

  it("deletes every file under a key and no other, and deleting twice is no error", async () => {
    const storage = make();
    await storage.put("k1", "original.png", bytes("1"));
    await storage.put("k1", "480.webp", bytes("2"));
    await storage.put("k10", "original.png", bytes("3"));
    await storage.delete("k1");
    await storage.delete("k1");
    expect(await storage.get("k1", "original.png")).toBeNull();
    expect(await storage.get("k1", "480.webp")).toBeNull();
    expect(await read((await storage.get("k10", "original.png"))!.body)).toBe("3");
  });
});

describe("choosing the storage", () => {
  it("is object storage when NEWSDESK_S3_BUCKET is set, the media folder otherwise", () => {
    vi.stubEnv("NEWSDESK_S3_BUCKET", "");
    expect(mediaStorage()).toBeInstanceOf(LocalDiskStorage);
    vi.stubEnv("NEWSDESK_S3_BUCKET", bucket);
    vi.stubEnv("NEWSDESK_S3_ENDPOINT", endpoint);
    expect(mediaStorage()).toBeInstanceOf(S3Storage);
  });

  it("refuses a half-made setting with what is wrong", () => {
    expect(s3Settings({})).toBeNull();
    expect(() => s3Settings({ NEWSDESK_S3_BUCKET: "Bad_Bucket" })).toThrow(/bucket name/);
    expect(() => s3Settings({ NEWSDESK_S3_BUCKET: "media", NEWSDESK_S3_ACCESS_KEY_ID: "only-one" })).toThrow(/both/);
    expect(() => s3Settings({ NEWSDESK_S3_BUCKET: "media", NEWSDESK_S3_PREFIX: "media" })).toThrow(/slash/);
    expect(s3Settings({ NEWSDESK_S3_BUCKET: "media", NEWSDESK_S3_ENDPOINT: "http://127.0.0.1:9000" })).toMatchObject({ bucket: "media", region: "us-east-1", prefix: "", endpoint: "http://127.0.0.1:9000" });
  });
});
