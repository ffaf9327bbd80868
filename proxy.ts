import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { deskPolicy } from "@/lib/server/security-headers";
import { sessionCookieName } from "@/lib/auth/cookies";

/**
 * The desk's first gate, and the desk's and sign-in page's Content-Security-Policy.
 *
 * Gate: anyone without a session is sent to /login. The desk's pages and actions check the user
 * again on the server (lib/auth/session.ts). Server action calls pass through: redirecting them
 * would navigate the writer away from unsaved text. The action itself refuses them and the form
 * keeps every word.
 *
 * Policy: a fresh nonce for every request, in the policy on the request (Next reads it from there and
 * puts it on every script it renders) and on the response (the browser enforces it). These pages
 * are rendered per request anyway (they read the session), so a nonce costs them nothing.
 *
 * Public addresses never come here: running the proxy at all costs a cached page half its
 * throughput. Their policy, and every other response's headers, come from the server in front of
 * Next (lib/server/request-listener.ts), which also answers old, withdrawn and missing articles.
 */
function withNonce(request: NextRequest): NextResponse {
  const policy = deskPolicy(btoa(crypto.randomUUID()));
  const headers = new Headers(request.headers);
  headers.set("content-security-policy", policy);
  const response = NextResponse.next({ request: { headers } });
  response.headers.set("content-security-policy", policy);
  return response;
}

const deskGate = withAuth((request) => withNonce(request), {
  pages: { signIn: "/login" },
  // The same cookie next-auth sets (lib/auth/cookies.ts); the session row behind it is checked by
  // the desk's pages and actions (lib/auth/session.ts), which can reach the database.
  cookies: { sessionToken: { name: sessionCookieName() } },
  callbacks: {
    authorized: ({ req, token }) => Boolean(token) || (req.method === "POST" && req.headers.has("next-action")),
  },
});

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  if (request.nextUrl.pathname === "/login" || request.nextUrl.pathname.startsWith("/login/")) return withNonce(request);
  return deskGate(request as NextRequestWithAuth, event);
}

export const config = {
  matcher: ["/desk", "/desk/:path*", "/login", "/login/:path*"],
};
