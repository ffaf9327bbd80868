import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { isWithdrawnArticlePath } from "@/lib/articles/withdrawn";

/**
 * The desk's first gate: anyone without a session is sent to /login. The desk's pages and actions
 * check the user again on the server (lib/auth/session.ts).
 *
 * Server action calls pass through: redirecting them would navigate the writer away from unsaved
 * text. The action itself refuses them and the form keeps every word.
 */
const deskGate = withAuth({
  pages: { signIn: "/login" },
  callbacks: {
    authorized: ({ req, token }) => Boolean(token) || (req.method === "POST" && req.headers.has("next-action")),
  },
});

export default async function proxy(request: NextRequest, event: NextFetchEvent) {
  const { pathname } = request.nextUrl;
  if (pathname === "/desk" || pathname.startsWith("/desk/")) return deskGate(request as NextRequestWithAuth, event);
  // A withdrawn article answers 410 Gone with a short notice, not 404.
  if (await isWithdrawnArticlePath(pathname)) {
    return NextResponse.rewrite(new URL("/withdrawn", request.url), { status: 410 });
  }
  return NextResponse.next();
}

export const config = {
  // The desk, and two-segment paths that may be articles (not Next's own files or the API).
  matcher: ["/desk/:path*", "/((?!_next/|api/|desk/|login)[^/.]+/[^/.]+)"],
};
