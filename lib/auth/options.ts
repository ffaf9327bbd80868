/**
 * next-auth configuration: email + password (Credentials) with JWT sessions. The token carries
 * only the user's id; role and active flag are re-read from the database on every request
 * (lib/auth/session.ts), so a changed role or a deactivation takes effect at once.
 */
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { now } from "@/lib/clock";
import { clientAddressOf } from "@/lib/server/client-address";
import { attemptSignIn } from "./sign-in";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1000),
  code: z.string().trim().max(64).optional(),
});

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
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
        if (outcome.reason === "code_required" || outcome.reason === "throttled") throw new Error(outcome.reason);
        return null;
      },
    }),
  ],
  callbacks: {
    jwt({ token, user }) {
      if (user) token.sub = user.id;
      return token;
    },
    session({ session, token }) {
      return { ...session, userId: token.sub };
    },
  },
};
