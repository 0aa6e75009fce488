import { ChargeCardsPage } from "../../features/charge-cards/charge-cards-page";
import { OwnChargePointsPage } from "../../features/charge-points-own/own-charge-points-page";
import { InvoicesPage } from "../../features/invoices/invoices-page";
import { OverviewPage } from "../../features/overview/overview-page";
import { TransactionsPage } from "../../features/transactions/transactions-page";
import { MyTicketsPage } from "../my/tickets-page";
import { portalTabRoute } from "./portal.route";
import { ProfilePage } from "./profile-page";

/**
 * Tabs shared by the private user, employee and company admin views (DOMAIN.md §6). The pages
 * branch on `effectiveView(me)` where the views differ (e.g. card actions, R28).
 */
export const overviewRoute = portalTabRoute("overview", OverviewPage);
export const transactionsRoute = portalTabRoute("transactions", TransactionsPage);
export const profileRoute = portalTabRoute("profile", ProfilePage);
export const invoicesRoute = portalTabRoute("invoices", InvoicesPage);
export const chargeCardsRoute = portalTabRoute("charge-cards", ChargeCardsPage);
export const chargePointsRoute = portalTabRoute("charge-points", OwnChargePointsPage);
export const ticketsRoute = portalTabRoute("tickets", MyTicketsPage);
