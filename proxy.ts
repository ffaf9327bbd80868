import { withAuth } from "next-auth/middleware";

/**
 * Sends anyone without a session from the desk to /login. The desk's pages and actions check the
 * user again on the server (lib/auth/session.ts); this is only the fast first gate.
 *
 * Server action calls pass through: redirecting them would navigate the writer away from unsaved
 * text. The action itself refuses them and the form keeps every word.
 */
export default withAuth({
  pages: { signIn: "/login" },
  callbacks: {
    authorized: ({ req, token }) => Boolean(token) || (req.method === "POST" && req.headers.has("next-action")),
  },
});

export const config = { matcher: ["/desk/:path*"] };
