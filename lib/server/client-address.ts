/**
 * The client's address, as our own server saw it. The request listener (request-listener.ts)
 * overwrites the header below on every request, so a client cannot choose its own address; behind
 * a reverse proxy, NEWSDESK_TRUST_PROXY=1 takes the last hop of X-Forwarded-For instead.
 */
import type { IncomingMessage } from "node:http";

export const clientAddressHeader = "x-newsdesk-client-address";

/** Sets the trusted header from the socket (or the proxy's X-Forwarded-For when trusted). */
export function stampClientAddress(req: IncomingMessage, trustProxy = process.env.NEWSDESK_TRUST_PROXY === "1"): void {
  let address = req.socket.remoteAddress ?? "";
  if (trustProxy) {
    const forwarded = String(req.headers["x-forwarded-for"] ?? "").split(",").map((part) => part.trim()).filter(Boolean);
    address = forwarded.at(-1) ?? address;
  }
  req.headers[clientAddressHeader] = address.replace(/^::ffff:/, "");
}

/** The address stamped on a request (route handlers, server actions, next-auth's authorize). */
export function clientAddressOf(headers: { get(name: string): string | null } | Record<string, unknown>): string {
  const value = typeof headers.get === "function" ? (headers as Headers).get(clientAddressHeader) : (headers as Record<string, unknown>)[clientAddressHeader];
  return typeof value === "string" ? value : "";
}
