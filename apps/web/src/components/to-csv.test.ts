import { describe, expect, it } from "vitest";
import { defuseFormula, toCsv } from "./to-csv";

describe("toCsv", () => {
  const columns = [
    { header: "Name", csv: (row: { name: string; n: number | null }) => row.name },
    { header: "Shown only", csv: undefined },
    { header: "Count", csv: (row: { name: string; n: number | null }) => row.n },
  ];

  it("keeps the columns with an accessor and quotes separators, quotes and new lines", () => {
    expect(
      toCsv(columns, [
        { name: 'A, "B"', n: 3 },
        { name: "line\nbreak", n: null },
      ]),
    ).toBe('Name,Count\r\n"A, ""B""",3\r\n"line\nbreak",\r\n');
  });

  it("defuses cells that a spreadsheet would run as a formula, but not negative numbers", () => {
    expect(toCsv(columns, [{ name: "=SUM(A1)", n: -5 }])).toBe("Name,Count\r\n'=SUM(A1),-5\r\n");
  });

  it.each([
    ["=1+1", "'=1+1"],
    ["+31 6 1234", "'+31 6 1234"],
    ["-2", "'-2"],
    ["@SUM(A1)", "'@SUM(A1)"],
    ["Alice", "Alice"],
  ])("defuseFormula(%j) is %j", (text, expected) => {
    expect(defuseFormula(text)).toBe(expected);
  });
});
