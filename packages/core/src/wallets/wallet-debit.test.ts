import { describe, expect, it } from "vitest";
import { type WalletDebitInput, walletDebitFor } from "./wallet-debit";

const base: WalletDebitInput = {
  costNet: 1000,
  margin: 100,
  vatRate: "21.00",
  chargeGroupType: "other",
  payerIsReceiver: false,
};

describe("walletDebitFor (R39, R2, R41–R43)", () => {
  it.each<[string, Partial<WalletDebitInput>, number]>([
    ["public charging: cost plus tariff VAT", {}, 1210],
    ["VAT rounds half-up per session", { costNet: 1002 }, 1212], // 210.42 → 210
    ["VAT half cent rounds up", { costNet: 50 }, 61], // 10.5 → 11
    ["zero VAT", { vatRate: "0.00" }, 1000],
    ["home charging: cost outside scope, margin with VAT", { chargeGroupType: "home" }, 1121],
    ["paying oneself: only the margin with VAT (R42)", { payerIsReceiver: true }, 121],
    ["paying oneself without margin costs nothing", { payerIsReceiver: true, margin: 0 }, 0],
    ["zero-cost session", { costNet: 0, margin: 0 }, 0],
  ])("%s", (_name, change, expected) => {
    expect(walletDebitFor({ ...base, ...change })).toBe(expected);
  });

  it("refuses amounts that are not Money", () => {
    expect(() => walletDebitFor({ ...base, costNet: 10.5 })).toThrow(/minor units/);
  });
});
