import { beforeEach, describe, expect, it, vi } from "vitest";

// The request Next is serving: its headers object, or none (outside a request headers() throws).
let current: object | null = null;
vi.mock("next/headers", () => ({
  headers: async () => {
    if (!current) throw new Error("`headers` was called outside a request scope.");
    return current;
  },
}));

const mockedHeaders = await import("next/headers");
const { oncePerRequest } = await import("./once-per-request");

describe("oncePerRequest", () => {
  let reads = 0;
  const read = oncePerRequest(async () => ++reads);

  beforeEach(() => {
    reads = 0;
    current = null;
  });

  it("reads once for every ask within one request, and again for the next request", async () => {
    current = new Headers();
    expect(await Promise.all([read(), read(), read()])).toEqual([1, 1, 1]);
    current = new Headers();
    expect(await read()).toBe(2);
    expect(reads).toBe(2);
  });

  it("reads every time outside a request", async () => {
    expect([await read(), await read()]).toEqual([1, 2]);
  });

  it("lets Next's own control-flow errors through", async () => {
    // What headers() throws while Next prerenders a page that turns out to be dynamic.
    const dynamic = Object.assign(new Error("Dynamic server usage"), { digest: "DYNAMIC_SERVER_USAGE" });
    const original = mockedHeaders.headers;
    (mockedHeaders as { headers: unknown }).headers = async () => {
      throw dynamic;
    };
    try {
      await expect(read()).rejects.toBe(dynamic);
      expect(reads).toBe(0);
    } finally {
      (mockedHeaders as { headers: unknown }).headers = original;
    }
  });

  it("reads every time where Next cannot even be loaded (a script, a server process of a test)", async () => {
    vi.resetModules();
    vi.doMock("next/headers", () => {
      throw new Error("Invariant: AsyncLocalStorage accessed in runtime where it is not available");
    });
    try {
      const fresh = await import("./once-per-request");
      let calls = 0;
      const readHere = fresh.oncePerRequest(async () => ++calls);
      expect([await readHere(), await readHere()]).toEqual([1, 2]);
    } finally {
      vi.doUnmock("next/headers");
      vi.resetModules();
    }
  });
});
