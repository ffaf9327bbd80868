import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { ceilingEncoding, latinFontAddresses, median, rawGet, startCeilingServer } from "@/scripts/bench-pages";
import { distinctQueries } from "@/scripts/bench-seed";

describe("the bench's static ceiling", () => {
  it("picks the encoding a static server with precompressed files would", () => {
    expect(ceilingEncoding(undefined)).toBe("identity");
    expect(ceilingEncoding("")).toBe("identity");
    expect(ceilingEncoding("br, gzip")).toBe("br");
    expect(ceilingEncoding("gzip, deflate, br, zstd")).toBe("br");
    expect(ceilingEncoding("gzip")).toBe("gzip");
    expect(ceilingEncoding("br;q=0, gzip")).toBe("gzip");
    expect(ceilingEncoding("deflate")).toBe("identity");
  });

  const page = Buffer.from("<!doctype html><title>Bench</title><p>The same bytes, from memory.</p>");
  let dir: string;
  let ceiling: Awaited<ReturnType<typeof startCeilingServer>>;
  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), "ceiling-"));
    fs.writeFileSync(path.join(dir, "0.identity"), page);
    fs.writeFileSync(path.join(dir, "0.br"), brotliCompressSync(page));
    fs.writeFileSync(path.join(dir, "0.gzip"), gzipSync(page));
    fs.writeFileSync(path.join(dir, "0.type"), "text/html; charset=utf-8");
    ceiling = await startCeilingServer(dir, 0);
  });
  afterAll(() => {
    ceiling?.server.kill("SIGTERM");
    fs.rmSync(dir, { recursive: true, force: true });
  });

  it("answers each page's own bytes in the encoding the request accepts", async () => {
    const url = `http://127.0.0.1:${ceiling.port}/0`;
    const plain = await rawGet(url);
    expect(plain).toMatchObject({ status: 200, encoding: "identity", contentType: "text/html; charset=utf-8" });
    expect(plain.body.equals(page)).toBe(true);
    const browser = await rawGet(url, "br, gzip");
    expect(browser.encoding).toBe("br");
    expect(brotliDecompressSync(browser.body).equals(page)).toBe(true);
    const gzip = await rawGet(url, "gzip");
    expect(gzip.encoding).toBe("gzip");
    expect(gunzipSync(gzip.body).equals(page)).toBe(true);
    expect((await rawGet(`http://127.0.0.1:${ceiling.port}/1`)).status).toBe(404);
  });
});

describe("the bench's figures", () => {
  it("takes the middle of a series", () => {
    expect(median([30, 10, 20])).toBe(20);
    expect(median([40, 10, 30, 20])).toBe(25);
  });

  it("gives search a query no cache has seen on every request", () => {
    const queries = distinctQueries(5_000);
    expect(queries).toHaveLength(5_000);
    expect(new Set(queries).size).toBe(5_000);
    expect(queries.every((query) => /^[a-z]+ [A-Z][a-z]+$/.test(query))).toBe(true);
  });
});

describe("the bench's page weight", () => {
  it("counts the fonts a page with Latin text downloads, not every subset", () => {
    const css = `
      @font-face{font-family:'Serif';src:url(./files/serif-cyrillic.woff2) format('woff2');unicode-range:U+0301,U+0400-045F,U+0490-0491}
      @font-face{font-family:'Serif';src:url(./files/serif-latin-ext.woff2) format('woff2');unicode-range:U+0100-02BA,U+02BD-02C5}
      @font-face{font-family:'Serif';src:url("./files/serif-latin.woff2") format('woff2');unicode-range:U+0000-00FF,U+0131,U+0152-0153}
      @font-face{font-family:'Own';src:url(/fonts/own.woff2) format('woff2')}`;
    expect(latinFontAddresses(css)).toEqual(["./files/serif-latin.woff2", "/fonts/own.woff2"]);
  });
});
