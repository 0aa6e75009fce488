import { invoiceOverdueExtension } from "./jobs/invoice-overdue.job";
import { invoiceRunExtension } from "./jobs/invoice-run.job";
import { localListExtension } from "./jobs/local-list.job";
import { smartChargingExtension } from "./jobs/smart-charging.job";
import { ticketJobsExtension } from "./jobs/ticket-auto-close.job";
import { ocppExtension } from "./ocpp/ocpp-extension";
import type { ServerExtension } from "./start-server";

/** Features that plug into the running server (OCPP gateway, schedulers), in start order. */
export const serverExtensions: ServerExtension[] = [
  ticketJobsExtension,
  ocppExtension,
  smartChargingExtension,
  localListExtension,
  invoiceRunExtension,
  invoiceOverdueExtension,
];
