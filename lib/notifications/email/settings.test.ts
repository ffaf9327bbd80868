import { describe, expect, it } from "vitest";
import { deskAddress, smtpSettingsFrom } from "./settings";

describe("smtpSettingsFrom", () => {
  it("turns email off, saying why, when no mail server is named", () => {
    expect(smtpSettingsFrom({})).toEqual({ on: false, reason: expect.stringContaining("NEWSDESK_SMTP_HOST") });
  });

  it("needs a sender", () => {
    expect(smtpSettingsFrom({ NEWSDESK_SMTP_HOST: "mail.paper.test" })).toEqual({ on: false, reason: expect.stringContaining("NEWSDESK_SMTP_FROM") });
  });

  it("requires STARTTLS on port 587 unless told otherwise", () => {
    expect(smtpSettingsFrom({ NEWSDESK_SMTP_HOST: "mail.paper.test", NEWSDESK_SMTP_FROM: "desk@paper.test" })).toEqual({
      on: true,
      host: "mail.paper.test",
      port: 587,
      tls: "starttls",
      auth: null,
      from: "desk@paper.test",
    });
  });

  it("uses port 465 for implicit TLS, and a user and password when given", () => {
    const settings = smtpSettingsFrom({
      NEWSDESK_SMTP_HOST: "mail.paper.test",
      NEWSDESK_SMTP_TLS: "IMPLICIT",
      NEWSDESK_SMTP_USER: "desk",
      NEWSDESK_SMTP_PASSWORD: "secret words",
      NEWSDESK_SMTP_FROM: "Newsdesk <desk@paper.test>",
    });
    expect(settings).toMatchObject({ on: true, port: 465, tls: "implicit", auth: { user: "desk", pass: "secret words" } });
  });

  it("refuses a TLS mode or port it does not know, rather than guessing", () => {
    const base = { NEWSDESK_SMTP_HOST: "mail.paper.test", NEWSDESK_SMTP_FROM: "desk@paper.test" };
    expect(smtpSettingsFrom({ ...base, NEWSDESK_SMTP_TLS: "yes" })).toMatchObject({ on: false });
    expect(smtpSettingsFrom({ ...base, NEWSDESK_SMTP_PORT: "99999" })).toMatchObject({ on: false });
    expect(smtpSettingsFrom({ ...base, NEWSDESK_SMTP_TLS: "off", NEWSDESK_SMTP_PORT: "2525" })).toMatchObject({ on: true, port: 2525, tls: "off" });
  });
});

describe("deskAddress", () => {
  it("is NEXTAUTH_URL without a trailing slash, or this machine's port", () => {
    expect(deskAddress({ NEXTAUTH_URL: "https://desk.paper.test/" })).toBe("https://desk.paper.test");
    expect(deskAddress({ PORT: "3606" })).toBe("http://localhost:3606");
  });
});
