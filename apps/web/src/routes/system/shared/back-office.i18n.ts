import * as audit from "../../../features/audit-log/audit.i18n";
import * as cards from "../../../features/cards-admin/cards.i18n";
import * as chargeGroups from "../../../features/charge-groups/charge-groups.i18n";
import * as chargePoints from "../../../features/charge-points/charge-points.i18n";
import * as grids from "../../../features/grids/grids.i18n";
import * as invoices from "../../../features/invoices-admin/invoices.i18n";
import * as outbox from "../../../features/outbox/outbox.i18n";
import * as payments from "../../../features/payments-admin/payments.i18n";
import * as settings from "../../../features/settings/settings.i18n";
import * as systemUsers from "../../../features/system-users/system-users.i18n";
import * as tariffs from "../../../features/tariffs/tariffs.i18n";
import * as tickets from "../../../features/ticket-queue/tickets.i18n";
import * as transactions from "../../../features/transactions-admin/transactions.i18n";
import * as wallets from "../../../features/wallets/wallets.i18n";
import * as common from "./common.i18n";

const features = {
  audit,
  cards,
  chargeGroups,
  chargePoints,
  grids,
  invoices,
  outbox,
  payments,
  settings,
  systemUsers,
  tariffs,
  tickets,
  transactions,
  wallets,
};
type Features = typeof features;

function pick<L extends "en" | "nl">(language: L) {
  return Object.fromEntries(Object.entries(features).map(([name, strings]) => [name, strings[language]])) as {
    [K in keyof Features]: Features[K]["en"];
  };
}

/** Back-office strings live beside their features and are mounted under `bo` (keeps en.ts/nl.ts for the shell). */
export const backOfficeEn = { ...common.en, ...pick("en") };
export const backOfficeNl: typeof backOfficeEn = { ...common.nl, ...pick("nl") };
