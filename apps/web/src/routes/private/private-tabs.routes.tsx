import { NavPlaceholder } from "../../features/navigation/nav-placeholder";
import { portalTabRoute } from "./portal.route";
import { ProfilePage } from "./profile-page";

/**
 * Tabs shared by the private user, employee and company admin views (DOMAIN.md §6). Each view may
 * show different content later; the component can branch on `effectiveView(me)`.
 */
export const overviewRoute = portalTabRoute("overview", NavPlaceholder);
export const transactionsRoute = portalTabRoute("transactions", NavPlaceholder);
export const profileRoute = portalTabRoute("profile", ProfilePage);
export const invoicesRoute = portalTabRoute("invoices", NavPlaceholder);
export const chargeCardsRoute = portalTabRoute("charge-cards", NavPlaceholder);
export const chargePointsRoute = portalTabRoute("charge-points", NavPlaceholder);
export const ticketsRoute = portalTabRoute("tickets", NavPlaceholder);
