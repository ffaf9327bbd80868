/**
 * next-auth configuration: email + password (Credentials) with JWT sessions. The token carries the
 * user's id, their DeskSession row and their session version; the row, the version, the role and
 * the active flag are checked against the database on every request (lib/auth/session.ts), so a
 * sign-out, a reset, a role change or a deactivation takes effect at once.
 */
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { now } from "@/lib/time/clock";
import { clientAddressOf } from "@/lib/server/client-address";
import { sessionCookieName, sessionCookieOptions, usesSecureCookies } from "./cookies";
import { sessionLimits } from "./session-rules";
import { endSession } from "./sessions";
import { attemptSignIn, type SignedInUser } from "./sign-in";
import { throttledError } from "./throttle-response";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1000),
  code: z.string().trim().max(64).optional(),
});

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: sessionLimits.lifetimeMs / 1000 },
  pages: { signIn: "/login" },
  useSecureCookies: usesSecureCookies(),
  cookies: { sessionToken: { name: sessionCookieName(), options: sessionCookieOptions() } },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: {
        email: { label: "Email", type: "email" },
        password: { label: "Password", type: "password" },
        code: { label: "Authentication code", type: "text" },
      },
      async authorize(raw, request) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const headers = (request?.headers ?? {}) as Record<string, unknown>;
        const outcome = await attemptSignIn({
          ...parsed.data,
          code: parsed.data.code || undefined,
          address: clientAddressOf(headers),
          userAgent: String(headers["user-agent"] ?? "").slice(0, 300),
          now: now(),
        });
        if (outcome.ok) return outcome.user;
        // next-auth hands a thrown message to the form as `error`; the form reads only the reason.
        // The route (app/api/auth/[...nextauth]/route.ts) turns a throttled one into a 429.
        if (outcome.reason === "throttled") throw new Error(throttledError(outcome.retryAfterSeconds ?? 60));
        if (outcome.reason === "code_required") throw new Error(outcome.reason);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) {
        const signedIn = user as unknown as SignedInUser;
        token.sub = signedIn.id;
        token.sid = signedIn.sessionId;
        token.sv = signedIn.sessionVersion;
      }
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub, sessionId: token.sid, sessionVersion: token.sv };
    },
  },
  events: {
    // Sign out ends the session on the server too, not only the cookie in this browser.
    async signOut({ token }) {
      if (typeof token?.sid === "string") await endSession(token.sid, now());
    },
  },
};
