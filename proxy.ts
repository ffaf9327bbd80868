import { withAuth } from "next-auth/middleware";

// Sends anyone without a session from the desk to /login. The desk's pages and actions check the
// user again on the server (lib/auth/session.ts); this is only the fast first gate.
export default withAuth({ pages: { signIn: "/login" } });

export const config = { matcher: ["/desk/:path*"] };
