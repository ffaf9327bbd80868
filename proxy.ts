import type { NextFetchEvent, NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { sessionCookieName } from "@/lib/auth/cookies";

/**
 * The desk's first gate: anyone without a session is sent to /login. The desk's pages and actions
 * check the user again on the server (lib/auth/session.ts).
 *
 * Server action calls pass through: redirecting them would navigate the writer away from unsaved
 * text. The action itself refuses them and the form keeps every word.
 *
 * Public addresses never come here: running the proxy at all costs a cached page half its
 * throughput. Old, withdrawn and missing article addresses are answered by the server in front of
 * Next (lib/server/request-listener.ts).
 */
const deskGate = withAuth({
  pages: { signIn: "/login" },
  // The same cookie next-auth sets (lib/auth/cookies.ts); the session row behind it is checked by
  // the desk's pages and actions (lib/auth/session.ts), which can reach the database.
  cookies: { sessionToken: { name: sessionCookieName() } },
  callbacks: {
    authorized: ({ req, token }) => Boolean(token) || (req.method === "POST" && req.headers.has("next-action")),
  },
});

export default function proxy(request: NextRequest, event: NextFetchEvent) {
  return deskGate(request as NextRequestWithAuth, event);
}

export const config = {
  matcher: ["/desk", "/desk/:path*"],
};
