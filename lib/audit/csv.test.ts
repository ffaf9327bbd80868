import { describe, expect, it } from "vitest";
import { auditCsvRow, csvCell, csvRow } from "./csv";

describe("CSV cells", () => {
  it("quotes every cell and doubles the quotes inside", () => {
    expect(csvCell("plain")).toBe('"plain"');
    expect(csvCell('He said "publish"')).toBe('"He said ""publish"""');
  });

  it("keeps commas and line breaks inside the cell", () => {
    expect(csvCell("one, two")).toBe('"one, two"');
    expect(csvCell("line one\nline two")).toBe('"line one\nline two"');
  });

  it("turns a cell a spreadsheet would run as a formula into text", () => {
    expect(csvCell('=HYPERLINK("http://x","click")')).toBe('"\'=HYPERLINK(""http://x"",""click"")"');
    expect(csvCell("+1+1")).toBe(`"'+1+1"`);
    expect(csvCell("-2+3")).toBe(`"'-2+3"`);
    expect(csvCell("@SUM(A1)")).toBe(`"'@SUM(A1)"`);
    expect(csvCell("\t=1")).toBe(`"'\t=1"`);
    expect(csvCell("\r=1")).toBe(`"'\r=1"`);
  });

  it("leaves a formula sign in the middle of a cell alone", () => {
    expect(csvCell("a=b")).toBe('"a=b"');
    expect(csvCell("Failed sign-in as x@paper.example")).toBe('"Failed sign-in as x@paper.example"');
  });

  it("writes empty cells for nothing, and ends each row with CRLF", () => {
    expect(csvRow([null, undefined, "", 3, false])).toBe('"","","","3","false"\r\n');
  });
});

describe("an audit entry as a CSV row", () => {
  it("guards the attacker-typed email of a failed sign-in", () => {
    const row = auditCsvRow({
      at: new Date("2026-03-29T08:30:00Z"),
      atShown: "29 Mar, 2026 09:30",
      actorName: null,
      actorEmail: null,
      kindLabel: "Failed sign-in",
      summary: "Failed sign-in as =cmd|' /C calc'!A0",
      subject: "=cmd|' /C calc'!A0",
      address: "203.0.113.7",
      detail: "{}",
    });
    expect(row).toBe(
      '"2026-03-29T08:30:00.000Z","29 Mar, 2026 09:30","","","Failed sign-in","Failed sign-in as =cmd|\' /C calc\'!A0","\'=cmd|\' /C calc\'!A0","203.0.113.7","{}"\r\n',
    );
  });
});
