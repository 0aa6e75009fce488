import type { App, ServerDeps } from "../types";
import { attachmentsRoutes } from "./attachments.routes";
import { auditRoutes } from "./audit.routes";
import { authRoutes } from "./auth.routes";
import { chargeCardRoutes } from "./charge-cards.routes";
import { chargeGroupRoutes } from "./charge-groups.routes";
import { chargePointCommandRoutes } from "./charge-point-commands.routes";
import { chargePointRoutes } from "./charge-points.routes";
import { customerBillingRoutes } from "./customer-billing.routes";
import { customersRoutes } from "./customers.routes";
import { dashboardRoutes } from "./dashboard.routes";
import { gridsRoutes } from "./grids.routes";
import { invoiceRunsRoutes } from "./invoice-runs.routes";
import { invoicesRoutes } from "./invoices.routes";
import { localListRoutes } from "./local-list.routes";
import { locationRoutes } from "./locations.routes";
import { notificationsRoutes } from "./notifications.routes";
import { outboxRoutes } from "./outbox.routes";
import { paymentsRoutes } from "./payments.routes";
import { permissionsRoutes } from "./permissions.routes";
import { productsRoutes } from "./products.routes";
import { providersRoutes } from "./providers.routes";
import { systemUsersRoutes } from "./system-users.routes";
import { tariffRoutes } from "./tariffs.routes";
import { ticketsRoutes } from "./tickets.routes";
import { transactionRoutes } from "./transactions.routes";
import { walletRoutes } from "./wallets.routes";

/** Every feature's routes under /api/v1; one line per feature. */
export const apiRoutes: ((app: App, deps: ServerDeps) => Promise<void>)[] = [
  authRoutes,
  permissionsRoutes,
  tariffRoutes,
  locationRoutes,
  chargeGroupRoutes,
  chargePointRoutes,
  chargeCardRoutes,
  walletRoutes,
  providersRoutes,
  customersRoutes,
  customerBillingRoutes,
  attachmentsRoutes,
  systemUsersRoutes,
  auditRoutes,
  outboxRoutes,
  ticketsRoutes,
  notificationsRoutes,
  transactionRoutes,
  chargePointCommandRoutes,
  localListRoutes,
  gridsRoutes,
  invoiceRunsRoutes,
  invoicesRoutes,
  paymentsRoutes,
  productsRoutes,
  dashboardRoutes,
];
