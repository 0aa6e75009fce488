import { D } from "../money/decimal";
import { assertMoney, type Money, roundMinorUnits } from "../money/money";
import { parseVatRate } from "../money/vat-rate";

export type WalletDebitInput = {
  costNet: Money;
  margin: Money;
  /** The snapshot tariff's VAT rate ("21.00"). */
  vatRate: string;
  chargeGroupType: "home" | "other" | null;
  payerIsReceiver: boolean;
};

/**
 * R39: what a wallet pays at stop, VAT included, because a prepaid balance settles the session
 * for good: the monthly run adds no payer line for it (see `settleWalletSession`). The amount mirrors
 * the payer side of R41–R43: paying oneself costs only the margin (R42); home charging is outside
 * VAT scope and only its margin carries VAT (R43); otherwise the cost plus tariff VAT (R2: half-up).
 */
export function walletDebitFor(input: WalletDebitInput): Money {
  const costNet = assertMoney(input.costNet, "costNet");
  const margin = assertMoney(input.margin, "margin");
  const rate = new D(parseVatRate(input.vatRate));
  const withVat = (net: Money) => net + roundMinorUnits(new D(net).times(rate).div(100));
  if (input.payerIsReceiver) return withVat(margin);
  if (input.chargeGroupType === "home") return costNet + withVat(margin);
  return withVat(costNet);
}
