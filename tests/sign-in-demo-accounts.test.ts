/** The sign-in page's demo accounts list (components/desk/demo-accounts.tsx), rendered as the server renders it. */
import { createElement } from "react";
import { renderToStaticMarkup } from "react-dom/server";
import { afterEach, describe, expect, it, vi } from "vitest";
import { DemoAccounts } from "@/components/desk/demo-accounts";

const render = () => renderToStaticMarkup(createElement(DemoAccounts));

afterEach(() => {
  vi.unstubAllEnvs();
});

describe("the sign-in page's demo accounts", () => {
  it("are listed with their password in demo mode, the default", () => {
    vi.stubEnv("NEWSDESK_DEMO", undefined);
    const html = render();
    for (const email of ["reporter@example.com", "editor@example.com", "admin@example.com"]) expect(html).toContain(email);
    expect(html).toContain("newsdesk-demo");
  });

  it("are not listed at all with demo mode off, however it is spelled", () => {
    for (const value of ["off", "OFF", "Off"]) {
      vi.stubEnv("NEWSDESK_DEMO", value);
      expect(render(), value).toBe("");
    }
  });
});
