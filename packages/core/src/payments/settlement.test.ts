import { describe, expect, it } from "vitest";
import { effectiveSettlement, settlementAfterPayments } from "./settlement";

describe("settlement (R58)", () => {
  it.each([
    ["debit", 1000, 0, "open", true, "open"],
    ["debit", 1000, 400, "open", true, "partially_paid"],
    ["debit", 1000, 1000, "partially_paid", true, "paid"],
    ["debit", 1000, 0, "collection_pending", true, "collection_pending"],
    ["debit", 1000, 1000, "collection_pending", true, "paid"],
    ["credit", 500, 0, "payout_pending", true, "payout_pending"],
    ["credit", 500, 0, "payout_pending", false, "on_hold"],
    ["credit", 500, 500, "payout_pending", true, "paid_out"],
    ["debit", 1000, 1000, "credited", true, "credited"],
    ["debit", 1000, 400, "overdue", true, "overdue"],
    ["debit", 1000, 1000, "overdue", true, "paid"],
    ["debit", 1000, 0, "overdue", true, "overdue"],
  ])("%s total %i paid %i from %s (IBAN %s) → %s", (direction, total, paid, current, hasIban, expected) => {
    expect(settlementAfterPayments({ direction, total, paid, current, hasIban })).toBe(expected);
  });

  it.each([
    ["debit", 1000, 1000, 1000, "open", "netted"],
    ["debit", 1000, 1000, 300, "partially_paid", "netted"],
    ["debit", 1000, 600, 600, "open", "partially_paid"],
    ["credit", -1000, 1000, 1000, "payout_pending", "netted"],
    ["credit", -1000, 400, 400, "payout_pending", "payout_pending"],
    ["credit", -1000, 400, 400, "on_hold", "payout_pending"],
  ])(
    "R59: %s total %i settled %i of which netted %i, from %s → %s",
    (direction, total, paid, netted, current, expected) => {
      expect(settlementAfterPayments({ direction, total, paid, netted, current, hasIban: true })).toBe(
        expected,
      );
    },
  );

  it.each([
    [{ direction: "debit", settlement: "open", dueDate: "2026-11-29" }, "2026-11-29", "open"],
    [{ direction: "debit", settlement: "open", dueDate: "2026-11-29" }, "2026-11-30", "overdue"],
    [{ direction: "debit", settlement: "partially_paid", dueDate: "2026-11-29" }, "2026-12-01", "overdue"],
    [{ direction: "debit", settlement: "paid", dueDate: "2026-11-29" }, "2026-12-01", "paid"],
    [
      { direction: "credit", settlement: "payout_pending", dueDate: "2026-11-29" },
      "2026-12-01",
      "payout_pending",
    ],
  ])("%o on %s reads as %s", (invoice, today, expected) => {
    expect(effectiveSettlement(invoice, today)).toBe(expected);
  });
});
