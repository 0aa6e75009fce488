import type { App, ServerDeps } from "../types";
import { transactionRoutes } from "./transactions.routes";
import { attachmentsRoutes } from "./attachments.routes";
import { auditRoutes } from "./audit.routes";
import { authRoutes } from "./auth.routes";
import { chargePointCommandRoutes } from "./charge-point-commands.routes";
import { customersRoutes } from "./customers.routes";
import { notificationsRoutes } from "./notifications.routes";
import { outboxRoutes } from "./outbox.routes";
import { providersRoutes } from "./providers.routes";
import { systemUsersRoutes } from "./system-users.routes";
import { ticketsRoutes } from "./tickets.routes";

/** Every feature's routes under /api/v1; one line per feature. */
export const apiRoutes: ((app: App, deps: ServerDeps) => Promise<void>)[] = [
  authRoutes,
  providersRoutes,
  customersRoutes,
  attachmentsRoutes,
  systemUsersRoutes,
  auditRoutes,
  outboxRoutes,
  ticketsRoutes,
  notificationsRoutes,
  transactionRoutes,
  chargePointCommandRoutes,
];
