import { describe, expect, it } from "vitest";
import { asTooManyRequests, retryAfterOf, throttledError, whenToTryAgain } from "./throttle-response";

const nextAuthAnswer = (error: string, status = 401) =>
  new Response(JSON.stringify({ url: `http://localhost:3000/api/auth/error?error=${encodeURIComponent(error)}` }), {
    status,
    headers: { "content-type": "application/json", "set-cookie": "next-auth.csrf-token=abc; Path=/" },
  });

describe("a throttled sign-in's answer", () => {
  it("becomes 429 with Retry-After, keeping next-auth's body for the form", async () => {
    const answer = await asTooManyRequests(nextAuthAnswer(throttledError(600)));
    expect(answer.status).toBe(429);
    expect(answer.headers.get("retry-after")).toBe("600");
    const body = (await answer.json()) as { url: string };
    expect(retryAfterOf(new URL(body.url).searchParams.get("error"))).toBe(600);
  });

  it("also when the client posted without JavaScript and next-auth answered with a redirect", async () => {
    const redirect = new Response(null, { status: 302, headers: { location: "http://localhost:3000/api/auth/error?error=throttled%3A90" } });
    const answer = await asTooManyRequests(redirect);
    expect(answer.status).toBe(429);
    expect(answer.headers.get("retry-after")).toBe("90");
    expect(answer.headers.get("location")).toBeNull();
  });

  it("leaves a wrong password's answer, and a success, as they were", async () => {
    const wrong = nextAuthAnswer("CredentialsSignin");
    expect(await asTooManyRequests(wrong)).toBe(wrong);
    const success = new Response(JSON.stringify({ url: "http://localhost:3000/desk" }), { status: 200 });
    expect(await asTooManyRequests(success)).toBe(success);
  });
});

describe("when to try again", () => {
  it("is said in whole minutes, rounded up", () => {
    expect(whenToTryAgain(900)).toBe("Too many attempts: try again in 15 minutes.");
    expect(whenToTryAgain(61)).toBe("Too many attempts: try again in 2 minutes.");
    expect(whenToTryAgain(5)).toBe("Too many attempts: try again in 1 minute.");
  });

  it("is read only from a throttled error", () => {
    expect(retryAfterOf("throttled:30")).toBe(30);
    expect(retryAfterOf("CredentialsSignin")).toBeNull();
    expect(retryAfterOf(undefined)).toBeNull();
  });
});
