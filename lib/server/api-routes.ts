/**
 * The API routes our own server runs itself, without Next (docs/decisions/029): the article API
 * that the desk's editor and integrations call most (save, presence, the workflow's transitions,
 * each a publication's first step). They are the very route handlers in app/api, Web-standard
 * functions from Request to Response, called with a Request made from Node's and inside
 * `servingRequest`, so that the session and the client's address are read from this request as
 * they are under Next. What needs Next itself (sign-in, uploads, anything that renders) stays
 * with Next. Next's handling cost about 3 ms of CPU per request, before the handler ran.
 */
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { servingRequest } from "./request-headers";

type Handler<Params> = (request: Request, context: { params: Promise<Params> }) => Promise<Response>;

export type ApiRoute = { method: string; path: RegExp; handle: Handler<Record<string, string>> };

/** A route: its method, its path with named groups for its parameters, and its handler from app/api. */
export function apiRoute<Params extends Record<string, string>>(method: string, path: RegExp, handle: Handler<Params>): ApiRoute {
  return { method, path, handle: handle as Handler<Record<string, string>> };
}

/** The route for this request, with its parameters; null for everything else (Next serves it). */
export function findApiRoute(routes: readonly ApiRoute[], method: string | undefined, pathname: string) {
  for (const route of routes) {
    if (route.method !== method) continue;
    const match = route.path.exec(pathname);
    // Decoded as Next decodes them (the listener has already refused a malformed address).
    if (match) return { handle: route.handle, params: Object.fromEntries(Object.entries(match.groups ?? {}).map(([name, value]) => [name, decodeURIComponent(value)])) };
  }
  return null;
}

/** Node's request as a Web one: its headers as they came, its body streamed (never held whole here). */
export function webRequest(req: IncomingMessage, origin: string): Request {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const one of Array.isArray(value) ? value : [value]) headers.append(name, one);
  }
  const hasBody = req.method !== "GET" && req.method !== "HEAD";
  return new Request(new URL(req.url ?? "/", origin), {
    method: req.method,
    headers,
    body: hasBody ? (Readable.toWeb(req) as ReadableStream<Uint8Array>) : undefined,
    // Required by Node's fetch for a streamed body.
    ...(hasBody ? { duplex: "half" } : {}),
  } as RequestInit);
}

/** Runs `route`'s handler for this request and writes its Response out. Rejects when the handler throws. */
export async function answerWithRoute(req: IncomingMessage, res: ServerResponse, route: NonNullable<ReturnType<typeof findApiRoute>>, origin: string) {
  const request = webRequest(req, origin);
  // A handler may answer without reading the body (a refusal by its headers alone). Node discards
  // an unread body by itself, but not one a stream has begun to take: the client would still be
  // sending it and the connection could serve nothing else. What is left is read and dropped.
  res.once("finish", () => {
    if (req.complete) return;
    req.removeAllListeners("data");
    req.resume();
  });
  const response = await servingRequest(request.headers, () => route.handle(request, { params: Promise.resolve(route.params) }));
  const body = Buffer.from(await response.arrayBuffer());
  res.statusCode = response.status;
  response.headers.forEach((value, name) => {
    if (name !== "set-cookie") res.setHeader(name, value);
  });
  const cookies = response.headers.getSetCookie();
  if (cookies.length > 0) res.setHeader("set-cookie", cookies);
  res.setHeader("content-length", body.length);
  res.end(req.method === "HEAD" ? undefined : body);
}
