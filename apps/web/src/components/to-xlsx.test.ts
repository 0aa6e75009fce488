import ExcelJS from "exceljs";
import { describe, expect, it } from "vitest";
import { toXlsx, xlsxCellOf, xlsxDecimal, xlsxMoney } from "./to-xlsx";

type Row = { name: string; n: number | null; at: string | null; minor: number; currency: string };
const column = (csv: (row: Row) => string | number | null) => ({ header: "x", csv });

describe("xlsxCellOf", () => {
  const row: Row = {
    name: "=cmd|' /C calc'!A0",
    n: -5,
    at: "2026-11-02T10:00:00.000Z",
    minor: 1235,
    currency: "EUR",
  };

  it.each([
    ["a number stays a number (negative too)", column((r) => r.n), { value: -5 }],
    ["a formula-looking text is quoted", column((r) => r.name), { value: "'=cmd|' /C calc'!A0" }],
    ["plain text is kept", column(() => "Alice"), { value: "Alice" }],
    ["an empty value is an empty cell", column(() => null), { value: null }],
    [
      "an ISO time becomes a date",
      column((r) => r.at),
      { value: new Date("2026-11-02T10:00:00Z"), numFmt: "yyyy-mm-dd hh:mm:ss" },
    ],
    [
      "an ISO day becomes a date",
      column(() => "2026-11-30"),
      { value: new Date("2026-11-30T00:00:00Z"), numFmt: "yyyy-mm-dd" },
    ],
    ["a customer number stays text", column(() => "000123"), { value: "000123" }],
  ])("%s", (_name, col, expected) => {
    expect(xlsxCellOf(col, row)).toEqual(expected);
  });

  it("takes the typed xlsx accessor over the csv text", () => {
    const col = {
      header: "Total",
      csv: (r: Row) => r.minor,
      xlsx: (r: Row) => xlsxMoney(r.minor, r.currency),
    };
    expect(xlsxCellOf(col, row)).toEqual({ value: 12.35, numFmt: '#,##0.00 "EUR"' });
  });
});

describe("money and decimals", () => {
  it.each([
    [1235, "EUR", 12.35, '#,##0.00 "EUR"'],
    [-99, "EUR", -0.99, '#,##0.00 "EUR"'],
    [1500, "JPY", 1500, '#,##0 "JPY"'],
    [1234, "KWD", 1.234, '#,##0.000 "KWD"'],
  ])("%d minor units of %s are %d", (minor, currency, value, numFmt) => {
    expect(xlsxMoney(minor, currency)).toEqual({ value, numFmt });
  });

  it("keeps a decimal string's places on screen", () => {
    expect(xlsxDecimal("0.3500")).toEqual({ value: 0.35, numFmt: "0.0000" });
    expect(xlsxDecimal("21")).toEqual({ value: 21, numFmt: "0" });
    expect(xlsxDecimal("n/a")).toBe("n/a");
    expect(xlsxMoney(null, "EUR")).toBeNull();
  });
});

describe("toXlsx", () => {
  it("writes a bold header and typed rows of the exported columns only", async () => {
    const columns = [
      { header: "Name", csv: (r: Row) => r.name },
      { header: "Shown only" },
      { header: "Total", csv: (r: Row) => r.minor, xlsx: (r: Row) => xlsxMoney(r.minor, r.currency) },
      { header: "At", csv: (r: Row) => r.at },
    ];
    const blob = await toXlsx(
      columns,
      [
        { name: "+1 555", n: 1, at: "2026-11-02T10:00:00Z", minor: 1235, currency: "EUR" },
        { name: "Bob", n: 2, at: null, minor: 5, currency: "EUR" },
      ],
      "Payments",
    );
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await blob.arrayBuffer());
    const sheet = workbook.getWorksheet("Payments")!;
    expect(sheet.getRow(1).values).toEqual([undefined, "Name", "Total", "At"]);
    expect(sheet.getRow(1).getCell(1).font?.bold).toBe(true);
    expect(sheet.getRow(2).getCell(1).value).toBe("'+1 555");
    expect(sheet.getRow(2).getCell(2).value).toBe(12.35);
    expect(sheet.getRow(2).getCell(2).numFmt).toBe('#,##0.00 "EUR"');
    expect(sheet.getRow(2).getCell(3).value).toEqual(new Date("2026-11-02T10:00:00Z"));
    expect(sheet.getRow(3).getCell(2).value).toBe(0.05);
    expect(sheet.getRow(3).getCell(3).value).toBeNull();
    expect(sheet.rowCount).toBe(3);
  });
});
