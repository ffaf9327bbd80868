import { describe, expect, it, vi } from "vitest";

// The request Next is serving: its headers object, or none (outside a request headers() throws).
let current: object | null = null;
vi.mock("next/headers", () => ({
  headers: async () => {
    if (!current) throw new Error("`headers` was called outside a request scope.");
    return current;
  },
}));

const mockedHeaders = await import("next/headers");
const { currentRequestHeaders } = await import("./request-headers");

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
