import { describe, expect, it, vi } from "vitest";

// The request Next is serving: its headers object, or none (outside a request headers() throws).
let current: Headers | null = null;
vi.mock("next/headers", () => ({
  headers: async () => {
    if (!current) throw new Error("`headers` was called outside a request scope.");
    return current;
  },
  cookies: async () => {
    if (!current) throw new Error("`cookies` was called outside a request scope.");
    const header = current.get("cookie") ?? "";
    return { getAll: () => header.split("; ").filter(Boolean).map((pair) => ({ name: pair.split("=")[0], value: pair.split("=")[1] })) };
  },
}));

const mockedHeaders = await import("next/headers");
const { currentRequestCookies, currentRequestHeaders, servingRequest } = await import("./request-headers");

describe("currentRequestHeaders", () => {
  it("is the request's one headers object, asked at once or later, and another for the next request", async () => {
    const first = new Headers();
    current = first;
    expect(await Promise.all([currentRequestHeaders(), currentRequestHeaders()])).toEqual([first, first]);
    expect(await currentRequestHeaders()).toBe(first);
    current = new Headers();
    expect(await currentRequestHeaders()).toBe(current);
  });

  it("is null outside a request", async () => {
    current = null;
    expect(await currentRequestHeaders()).toBeNull();
  });

  it("lets Next's own control-flow errors through", async () => {
    // What headers() throws while Next prerenders a page that turns out to be dynamic.
    const dynamic = Object.assign(new Error("Dynamic server usage"), { digest: "DYNAMIC_SERVER_USAGE" });
    const original = mockedHeaders.headers;
    (mockedHeaders as { headers: unknown }).headers = async () => {
      throw dynamic;
    };
    try {
      await expect(currentRequestHeaders()).rejects.toBe(dynamic);
    } finally {
      (mockedHeaders as { headers: unknown }).headers = original;
    }
  });

  it("is null where Next cannot even be loaded (a script, a server process of a test)", async () => {
    vi.resetModules();
    vi.doMock("next/headers", () => {
      throw new Error("Invariant: AsyncLocalStorage accessed in runtime where it is not available");
    });
    try {
      const fresh = await import("./request-headers");
      expect(await fresh.currentRequestHeaders()).toBeNull();
    } finally {
      vi.doUnmock("next/headers");
      vi.resetModules();
    }
  });
});

describe("a request our own server serves (servingRequest)", () => {
  it("is that request's headers and cookies, not Next's, throughout its work and only there", async () => {
    current = new Headers({ cookie: "from=next" });
    const ours = new Headers({ cookie: "session=abc%3D; theme=dark", "x-newsdesk-client-address": "10.0.0.7" });
    const seen = await servingRequest(ours, async () => {
      await new Promise((resolve) => setTimeout(resolve, 1));
      return { headers: await currentRequestHeaders(), cookies: await currentRequestCookies() };
    });
    expect(seen.headers).toBe(ours);
    expect(seen.cookies).toEqual([
      { name: "session", value: "abc=" },
      { name: "theme", value: "dark" },
    ]);
    expect(await currentRequestHeaders()).toBe(current);
    expect(await currentRequestCookies()).toEqual([{ name: "from", value: "next" }]);
  });

  it("keeps two requests served at once apart", async () => {
    const one = new Headers({ cookie: "n=1" });
    const two = new Headers({ cookie: "n=2" });
    const read = (headers: Headers, wait: number) =>
      servingRequest(headers, async () => {
        await new Promise((resolve) => setTimeout(resolve, wait));
        return (await currentRequestCookies())[0]?.value;
      });
    expect(await Promise.all([read(one, 5), read(two, 1)])).toEqual(["1", "2"]);
  });

  it("has no cookies without a Cookie header, and none outside any request", async () => {
    expect(await servingRequest(new Headers(), () => currentRequestCookies())).toEqual([]);
    current = null;
    expect(await currentRequestCookies()).toEqual([]);
  });
});
