/**
 * next-auth configuration: email + password (Credentials) with JWT sessions. The token carries
 * only the user's id; role and active flag are re-read from the database on every request
 * (lib/auth/session.ts), so a changed role or a deactivation takes effect at once.
 */
import "server-only";
import type { NextAuthOptions } from "next-auth";
import CredentialsProvider from "next-auth/providers/credentials";
import { z } from "zod";
import { db } from "@/lib/db";
import { verifyPassword } from "./password";

const credentialsSchema = z.object({
  email: z.string().trim().toLowerCase().pipe(z.email()),
  password: z.string().min(1).max(1000),
});

// Compared against when the email is unknown, so a wrong email takes as long as a wrong password.
const unknownUserHash = "$2b$12$xgZRcT/uPxzxHGaSE.D6B.TlkLVNY.5ZNPhNL06xBd2idvOv52Pya";

export const authOptions: NextAuthOptions = {
  session: { strategy: "jwt", maxAge: 12 * 60 * 60 },
  pages: { signIn: "/login" },
  providers: [
    CredentialsProvider({
      name: "Email and password",
      credentials: { email: { label: "Email", type: "email" }, password: { label: "Password", type: "password" } },
      async authorize(raw) {
        const parsed = credentialsSchema.safeParse(raw);
        if (!parsed.success) return null;
        const user = await db.user.findUnique({ where: { email: parsed.data.email } });
        const matches = await verifyPassword(parsed.data.password, user?.passwordHash ?? unknownUserHash);
        if (!user || !matches || !user.active) return null;
        return { id: user.id, name: user.name, email: user.email };
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
