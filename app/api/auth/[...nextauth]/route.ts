import NextAuth from "next-auth";
import { authOptions } from "@/lib/auth/options";
import { asTooManyRequests } from "@/lib/auth/throttle-response";

const handler = NextAuth(authOptions);

type Context = { params: Promise<{ nextauth: string[] }> };

/** Sign-in posts: a throttled attempt is answered 429 with Retry-After (lib/auth/throttle-response.ts). */
async function post(request: Request, context: Context): Promise<Response> {
  const response = (await handler(request, context)) as Response;
  const { nextauth } = await context.params;
  return nextauth.join("/") === "callback/credentials" ? asTooManyRequests(response) : response;
}

export { handler as GET, post as POST };
