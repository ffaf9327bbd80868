/**
 * The newspaper on PostgreSQL with several server processes (project "postgres", two processes on
 * one port): an editor's change, made through whichever process answers the editor, is on the next
 * page every process serves. Each reader here comes on a new connection, and the first process hands
 * new connections to the server processes in turn, so the readers are served by all of them.
 */
import http from "node:http";
import { expect, test } from "./fixtures";
import { pageAs, uniqueHeadline } from "./support";
import { transition } from "./newsroom-data";

const readers = 6;

/** `path` as `readers` readers get it, each on a connection of its own: status and body. */
async function readersGet(path: string): Promise<{ status: number; body: string }[]> {
  const base = new URL(test.info().project.use.baseURL!);
  return Promise.all(
    Array.from(
      { length: readers },
      () =>
        new Promise<{ status: number; body: string }>((resolve, reject) => {
          const request = http.get({ host: base.hostname, port: base.port, path, agent: false, headers: { connection: "close" } }, (response) => {
            let body = "";
            response.setEncoding("utf8");
            response.on("data", (chunk: string) => (body += chunk));
            response.on("end", () => resolve({ status: response.statusCode!, body }));
          });
          request.on("error", reject);
        }),
    ),
  );
}

test("a publication and a withdrawal made through one server process reach every process's next reader", async ({ browser, desk }) => {
  const editor = await pageAs(browser, "editor");
  const headline = uniqueHeadline("Lifeboat crew rescues kayakers off the point");
  const { id, slug } = await desk.run("writeDraft", { headline, body: "Two kayakers were brought ashore after their boat overturned." });
  const path = `/city/${slug}`;

  // Every process has the front page stored, without the story, and answers its address 404.
  expect((await readersGet("/")).filter(({ body }) => body.includes(headline))).toHaveLength(0);
  expect((await readersGet(path)).map(({ status }) => status)).toEqual(Array(readers).fill(404));

  await transition(editor, id, { action: "publish" });
  expect((await readersGet("/")).filter(({ body }) => body.includes(headline))).toHaveLength(readers);
  expect((await readersGet(path)).map(({ status }) => status)).toEqual(Array(readers).fill(200));

  await transition(editor, id, { action: "unpublish" });
  expect((await readersGet("/")).filter(({ body }) => body.includes(headline))).toHaveLength(0);
  expect((await readersGet(path)).map(({ status }) => status)).toEqual(Array(readers).fill(410));
});
