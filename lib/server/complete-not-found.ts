import type { ServerResponse } from "node:http";

type Methods = Pick<ServerResponse, "flushHeaders" | "writeHead" | "write" | "end">;
const methods = ["flushHeaders", "writeHead", "write", "end"] as const;

/**
 * Next 16.4 answers a page's own `notFound()` (an unknown topic, writer or section, a page past
 * the last) with status 404 but an empty document the browser fills in: `<html id="__next_error__">`,
 * no language, no masthead, nothing at all without JavaScript. Wrapped by this, a response that
 * turns out to be such an HTML 404 drops that document before a byte is sent, and `renderComplete`
 * then answers on the same response, cleared, with a page rendered completely on the server. Any
 * other response passes straight through, so a served page pays one status check.
 *
 * Next wraps the response's methods again after this (compression), and the dropped render may
 * still write late (its compressor flushing). So these wrappers never unwrap: once a response is
 * dropping they drop for good, and the complete render gets the response's own methods back,
 * with nothing of the dropped render left on it.
 */
export function completeNotFound(res: ServerResponse, renderComplete: () => void): void {
  const original: Methods = { flushHeaders: res.flushHeaders, writeHead: res.writeHead, write: res.write, end: res.end };
  let state: "undecided" | "passing" | "dropping" = "undecided";
  const passes = (): boolean => {
    if (state === "undecided") {
      const html = String(res.getHeader("content-type") ?? "").startsWith("text/html");
      state = res.statusCode === 404 && html ? "dropping" : "passing";
    }
    return state === "passing";
  };
  const callbackOf = (args: unknown[]) => args.find((arg): arg is () => void => typeof arg === "function");
  let ended = false;

  res.flushHeaders = function flushHeaders(this: ServerResponse) {
    if (passes()) original.flushHeaders.call(this);
  };
  res.writeHead = function writeHead(this: ServerResponse, statusCode: number, ...rest: unknown[]) {
    if (state === "undecided") res.statusCode = statusCode;
    if (passes()) return (original.writeHead as (...args: unknown[]) => ServerResponse).call(this, statusCode, ...rest);
    return this;
  } as ServerResponse["writeHead"];
  res.write = function write(this: ServerResponse, ...args: unknown[]) {
    if (passes()) return (original.write as (...args: unknown[]) => boolean).apply(this, args);
    queueMicrotask(() => callbackOf(args)?.());
    return true;
  } as ServerResponse["write"];
  res.end = function end(this: ServerResponse, ...args: unknown[]) {
    if (passes()) return (original.end as (...args: unknown[]) => ServerResponse).apply(this, args);
    queueMicrotask(() => callbackOf(args)?.());
    if (!ended) {
      ended = true;
      // Whatever wrapped the dropped render goes with it; the complete page starts clean.
      for (const name of methods) delete (res as unknown as Record<string, unknown>)[name];
      for (const name of res.getHeaderNames()) res.removeHeader(name);
      res.statusCode = 404;
      renderComplete();
    }
    return this;
  } as ServerResponse["end"];
}
