/**
 * One plain HTTP request whose answer's body is read and dropped: resolves with its status, or
 * with what went wrong (an error code, "timed out") when there is none. Never rejects: the server's
 * own requests (the warm-up, an edge's fetch-again) report, they do not fail what asked for them.
 */
import http, { type RequestOptions } from "node:http";

export function requestStatus(options: RequestOptions & { timeout: number }, body?: string): Promise<number | string> {
  return new Promise((resolve) => {
    const request = http.request(options, (response) => {
      response.resume();
      response.on("end", () => resolve(response.statusCode ?? 0));
    });
    request.on("timeout", () => request.destroy(new Error("timed out")));
    request.on("error", (error: NodeJS.ErrnoException) => resolve(error.code ?? error.message));
    request.end(body);
  });
}
