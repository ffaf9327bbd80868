/**
 * The shipped front cache (deploy/nginx/newsdesk.conf, started by scripts/edge.ts in front of the
 * PostgreSQL newspaper's two processes; project "postgres"): what it keeps is byte for byte what
 * the app sends, a signed-in page is never served to anyone else, and a publication is on the
 * very next page read through it, because the app asks the edge to fetch changed pages again.
 */
import http from "node:http";
import zlib from "node:zlib";
import { expect, test } from "./fixtures";
import { pageAs, uniqueHeadline } from "./support";
import { transition } from "./newsroom-data";
import { testPorts } from "./test-world";

type Raw = { status: number; headers: http.IncomingHttpHeaders; body: Buffer };

/** A request as a browser sends it, the bytes as they come (still compressed). */
function raw(port: number, path: string, headers: Record<string, string | undefined> = {}): Promise<Raw> {
  return new Promise((resolve, reject) => {
    const request = http.get({ host: "localhost", port, path, headers: Object.fromEntries(Object.entries({ host: "localhost", ...headers }).filter((entry): entry is [string, string] => entry[1] !== undefined)), agent: false }, (response) => {
      const chunks: Buffer[] = [];
      response.on("data", (chunk: Buffer) => chunks.push(chunk));
      response.on("end", () => resolve({ status: response.statusCode!, headers: response.headers, body: Buffer.concat(chunks) }));
    });
    request.on("error", reject);
  });
}
type Headers = Record<string, string | undefined>;
const throughEdge = (path: string, headers?: Headers) => raw(testPorts.edge, path, headers);
const fromApp = (path: string, headers?: Headers) => raw(testPorts.postgres, path, headers);

test("the edge keeps exactly the app's bytes, one copy per encoding, and answers from it", async () => {
  let compared = 0;
  for (const path of ["/", "/opinion", "/feed.xml"]) {
    for (const encoding of ["br, gzip", "gzip", undefined]) {
      const headers = { "Accept-Encoding": encoding };
      // The app makes its Brotli just after a render: let it, so both sides have the same variant.
      await fromApp(path, headers);
      await new Promise((resolve) => setTimeout(resolve, 300));
      await throughEdge(path, headers); // fills the edge's copy if it had none
      const edge = await throughEdge(path, headers);
      const app = await fromApp(path, headers);
      if (edge.headers.etag !== app.headers.etag) continue; // another journey published meanwhile
      compared += 1;
      expect(edge.status).toBe(app.status);
      expect(edge.headers["content-encoding"]).toBe(app.headers["content-encoding"]);
      expect(edge.headers["content-type"]).toBe(app.headers["content-type"]);
      expect(edge.body.equals(app.body), `${path} with "${encoding}": the edge's bytes are the app's`).toBe(true);
    }
  }
  expect(compared).toBeGreaterThan(4);
  // Kept, not fetched each time: quick reads of the front page come from the edge's copy.
  await expect.poll(async () => (await throughEdge("/", { "Accept-Encoding": "gzip" })).headers["x-cache"], { timeout: 5_000, intervals: [20] }).toBe("HIT");
});

test("a signed-in page is never kept, so never served to anyone else", async ({ browser }) => {
  const editor = await pageAs(browser, "editor");
  const cookie = (await editor.context().cookies()).map(({ name, value }) => `${name}=${value}`).join("; ");
  expect(cookie).toMatch(/next-auth\.session-token=/);

  const signedIn = await throughEdge("/desk", { Cookie: cookie, "Accept-Encoding": "gzip" });
  expect(signedIn.status).toBe(200);
  expect(signedIn.headers["x-cache"]).toBe("BYPASS");
  // The next visitor, with no session, at the same address: sent to sign in, never the editor's desk.
  for (let visit = 0; visit < 2; visit++) {
    const stranger = await throughEdge("/desk", { "Accept-Encoding": "gzip" });
    expect(stranger.status).toBe(307);
    expect(stranger.headers.location).toMatch(/\/login/);
    expect(stranger.headers["x-cache"]).not.toBe("HIT");
  }
  // The sign-in page sets a cookie (its CSRF token): never kept either.
  await throughEdge("/api/auth/csrf");
  expect((await throughEdge("/api/auth/csrf")).headers["x-cache"]).not.toBe("HIT");
});

test("a publication is on the very next page read through the edge, and a withdrawal is gone from it", async ({ browser, desk }) => {
  const editor = await pageAs(browser, "editor");
  const headline = uniqueHeadline("Harbour pilots vote to strike");
  const { id, slug } = await desk.run("writeDraft", { headline, body: "The pilots guide every ship over the bar." });
  const path = `/city/${slug}`;
  const readers: Headers[] = [{ "Accept-Encoding": "br, gzip" }, { "Accept-Encoding": "gzip" }, {}];

  // The edge has a fresh copy of the front page in each encoding, without the story. (Not one it is
  // fetching again in the background: that fetch, begun before the publication, could land after
  // it and keep the old page for the second it lives. Readers might see that; the test must not.)
  for (const headers of readers) {
    await expect.poll(async () => (await throughEdge("/", headers)).headers["x-cache"], { timeout: 5_000, intervals: [50] }).toBe("HIT");
    expect(decoded(await throughEdge("/", headers))).not.toContain(headline);
  }
  await transition(editor, id, { action: "publish" });
  for (const headers of readers) {
    const front = await throughEdge("/", headers);
    expect(front.headers["x-cache"], "answered from the edge's copy, fetched again on publication").toMatch(/^(HIT|UPDATING|STALE)$/);
    expect(decoded(front)).toContain(headline);
    expect((await throughEdge(path, headers)).status).toBe(200);
    // Its section, fetched again after the front page and before the answer.
    expect(decoded(await throughEdge("/city", headers))).toContain(headline);
  }
  await transition(editor, id, { action: "unpublish" });
  for (const headers of readers) {
    expect(decoded(await throughEdge("/", headers))).not.toContain(headline);
    expect((await throughEdge(path, headers)).status).toBe(410);
  }
});

function decoded({ headers, body }: Raw): string {
  if (headers["content-encoding"] === "br") return zlib.brotliDecompressSync(body).toString("utf8");
  if (headers["content-encoding"] === "gzip") return zlib.gunzipSync(body).toString("utf8");
  return body.toString("utf8");
}
