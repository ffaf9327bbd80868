import { createHash } from "node:crypto";
import type { ServerResponse } from "node:http";
import { gzipSync } from "node:zlib";
import { publicPagePolicy, resourcePolicy } from "./security-headers";

/**
 * A public response, finished by our server: its Content-Security-Policy and, when the reader
 * accepts it, its gzip encoding.
 *
 * Public pages are cached and still carry Next's inline scripts (its RSC payload), so neither a
 * nonce (a cached page cannot hold a fresh one) nor 'unsafe-inline' will do. Instead an HTML page is
 * held until its last byte, the sha256 of each of its inline scripts goes into its policy, and only
 * then is it sent. The work is done once per distinct body: the result is memoised by Next's ETag
 * for the body (or its SHA-1 when there is none), since a cached page sends the same bytes every time. Compression happens here, after the policy, from the same memo: Next would otherwise
 * compress beneath us (the request reaches Next without Accept-Encoding), and we would have no
 * HTML to read.
 *
 * Other public responses: compressible text (feeds, sitemaps) is gzipped from the memo too; anything
 * else (images) streams through untouched. Every one gets `resourcePolicy` except 304s, whose
 * headers would overwrite the policy the browser stored with the page.
 */
type Finished = { policy: string | null; body: Buffer; gzipped?: Buffer };

const memo = new Map<string, Finished>();
const memoLimit = 500;
const minGzipBytes = 1024;
const compressible = /^(?:text\/|application\/(?:json|xml|rss\+xml|atom\+xml|manifest\+json)|image\/svg\+xml)/;
const inlineScript = /<script\b([^>]*)>([\s\S]*?)<\/script>/gi;

/** The base64 sha256 of each inline script in `html` (scripts with a `src` are covered by 'self'). */
export function inlineScriptHashes(html: string): string[] {
  const hashes = new Set<string>();
  for (const [, attributes, text] of html.matchAll(inlineScript)) {
    if (/\bsrc\s*=/i.test(attributes!) || !text) continue;
    hashes.add(createHash("sha256").update(text, "utf8").digest("base64"));
  }
  return [...hashes];
}

/**
 * The memo's key: Next's ETag (its hash of these very bytes) with the length when it sent one, so a
 * served cached page costs no hashing at all; else the body's SHA-1.
 */
function finish(body: Buffer, html: boolean, etag: string | undefined): Finished {
  const digest = etag ? `${etag}:${body.length}` : createHash("sha1").update(body).digest("base64");
  const key = `${html ? "h" : "t"}${digest}`;
  let finished = memo.get(key);
  if (finished) {
    memo.delete(key);
  } else {
    finished = { policy: html ? publicPagePolicy(inlineScriptHashes(body.toString("utf8"))) : null, body };
    if (memo.size >= memoLimit) memo.delete(memo.keys().next().value!);
  }
  memo.set(key, finished);
  return finished;
}

function gzipped(finished: Finished): Buffer {
  finished.gzipped ??= gzipSync(finished.body);
  return finished.gzipped;
}

type Chunk = string | Buffer | Uint8Array;
const callbackOf = (args: unknown[]) => args.find((arg): arg is () => void => typeof arg === "function");
const encodingOf = (args: unknown[]) => args.find((arg): arg is BufferEncoding => typeof arg === "string");

/**
 * Wraps `res` so the response is finished as above. Call before Next writes anything; `gzip` is
 * whether the request accepted it (the caller removes Accept-Encoding before Next sees it).
 */
export function finishPublicResponse(res: ServerResponse, { gzip, head }: { gzip: boolean; head: boolean }): void {
  const original = { writeHead: res.writeHead, write: res.write, end: res.end, flushHeaders: res.flushHeaders };
  let state: "undecided" | "passing" | "holding" = "undecided";
  let html = false;
  // Node's own end() writes the head through res.writeHead: once we send, that call must go through.
  let sending = false;
  const held: Buffer[] = [];

  const decide = () => {
    if (state !== "undecided") return;
    const type = String(res.getHeader("content-type") ?? "");
    const status = res.statusCode;
    html = type.startsWith("text/html");
    const body = !head && status !== 204 && status !== 304;
    state = body && (html || (gzip && compressible.test(type))) ? "holding" : "passing";
    if (status !== 304 && !html) res.setHeader("Content-Security-Policy", resourcePolicy);
  };

  res.writeHead = function writeHead(this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (sending) return (original.writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
    res.statusCode = statusCode;
    const headers = rest.find((arg) => typeof arg === "object" && arg !== null);
    if (headers && !Array.isArray(headers)) for (const [name, value] of Object.entries(headers)) res.setHeader(name, value as string);
    decide();
    if (state === "passing") return (original.writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode);
    return this;
  } as ServerResponse["writeHead"];
  res.flushHeaders = function flushHeaders(this: ServerResponse) {
    decide();
    if (state === "passing") original.flushHeaders.call(this);
  };
  res.write = function write(this: ServerResponse, chunk: Chunk, ...args: unknown[]) {
    decide();
    if (state === "passing") return (original.write as (...a: unknown[]) => boolean).call(this, chunk, ...args);
    held.push(typeof chunk === "string" ? Buffer.from(chunk, encodingOf(args) ?? "utf8") : Buffer.from(chunk));
    const callback = callbackOf(args);
    if (callback) queueMicrotask(callback);
    return true;
  } as ServerResponse["write"];
  res.end = function end(this: ServerResponse, ...args: unknown[]) {
    decide();
    if (state === "passing") return (original.end as (...a: unknown[]) => ServerResponse).apply(this, args);
    const chunk = args.find((arg): arg is Chunk => typeof arg === "string" || arg instanceof Uint8Array);
    if (chunk !== undefined) held.push(typeof chunk === "string" ? Buffer.from(chunk, encodingOf(args.slice(1)) ?? "utf8") : Buffer.from(chunk));
    const etag = res.getHeader("etag");
    const finished = finish(Buffer.concat(held), html, typeof etag === "string" ? etag : undefined);
    if (finished.policy) res.setHeader("Content-Security-Policy", finished.policy);
    let payload = finished.body;
    if (gzip && payload.length >= minGzipBytes) {
      payload = gzipped(finished);
      res.setHeader("Content-Encoding", "gzip");
    }
    const vary = String(res.getHeader("vary") ?? "");
    if (!/accept-encoding/i.test(vary)) res.setHeader("Vary", vary ? `${vary}, Accept-Encoding` : "Accept-Encoding");
    res.removeHeader("transfer-encoding");
    res.setHeader("Content-Length", payload.length);
    sending = true;
    return (original.end as (...a: unknown[]) => ServerResponse).call(this, payload, callbackOf(args));
  } as ServerResponse["end"];
}
