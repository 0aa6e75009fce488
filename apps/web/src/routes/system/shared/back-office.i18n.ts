import * as chargePoints from "../../../features/charge-points/charge-points.i18n";
import * as transactions from "../../../features/transactions-admin/transactions.i18n";
import * as common from "./common.i18n";

/** Back-office strings live beside their features and are mounted under `bo` (keeps en.ts/nl.ts for the shell). */
export const backOfficeEn = {
  ...common.en,
  chargePoints: chargePoints.en,
  transactions: transactions.en,
};

export const backOfficeNl: typeof backOfficeEn = {
  ...common.nl,
  chargePoints: chargePoints.nl,
  transactions: transactions.nl,
};
