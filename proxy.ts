import { NextResponse, type NextFetchEvent, type NextRequest } from "next/server";
import { withAuth, type NextRequestWithAuth } from "next-auth/middleware";
import { routeArticlePath } from "@/lib/articles/public-routing";

/**
 * The desk's first gate: anyone without a session is sent to /login. The desk's pages and actions
 * check the user again on the server (lib/auth/session.ts).
 *
 * Server action calls pass through: redirecting them would navigate the writer away from unsaved
 * text. The action itself refuses them and the form keeps every word.
 *
 * For public two-segment paths it answers old article addresses (308), withdrawn articles (410) and
 * addresses that are no live article (404) before any page is rendered
 * (lib/articles/public-routing.ts).
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
  const route = routeArticlePath(pathname);
  // An article's old address sends readers, and search engines, to its current one for good.
  if (route?.kind === "moved") return NextResponse.redirect(new URL(route.to + request.nextUrl.search, request.url), 308);
  // A withdrawn article answers 410 Gone with a short notice, not 404.
  if (route?.kind === "gone") return NextResponse.rewrite(new URL("/withdrawn", request.url), { status: 410 });
  // Not a live article (a draft, a scheduled story, a typo): a complete 404 page.
  if (route?.kind === "missing") return NextResponse.rewrite(new URL("/missing", request.url), { status: 404 });
  return NextResponse.next();
}

export const config = {
  // The desk, and two-segment paths that may be articles (not Next's own files, the API, writers'
  // or topics' pages). Running the proxy at all costs a cached page about half its throughput, so
  // nothing else goes through it.
  matcher: ["/desk/:path*", "/((?!_next/|api/|desk/|login|authors/|tags/)[^/.]+/[^/.]+)"],
};
