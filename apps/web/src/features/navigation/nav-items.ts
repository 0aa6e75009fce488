import {
  type Icon,
  IconAddressBook,
  IconBolt,
  IconBuildingFactory2,
  IconChartBar,
  IconCreditCard,
  IconFileInvoice,
  IconGauge,
  IconHistory,
  IconLayoutDashboard,
  IconMail,
  IconPlugConnected,
  IconReceipt2,
  IconReportMoney,
  IconSettings,
  IconTicket,
  IconUser,
  IconUserShield,
  IconUsers,
  IconUsersGroup,
} from "@tabler/icons-react";
import type { Me } from "../auth/me.types";
import type { ViewName } from "./views";

export interface NavItem {
  to: string;
  /** i18n key of the label; tab names are those of DOMAIN.md §6. */
  label: string;
  icon: Icon;
  visible?: (me: Me) => boolean;
}

const onlyViewer = (me: Me) => me.roles.length > 0 && me.roles.every((role) => role === "viewer");

/** Back-office menu. Only Customers is live; the others show an empty state until their issue lands. */
export const systemNav: NavItem[] = [
  { to: "/customers", label: "nav.customers", icon: IconAddressBook },
  { to: "/charge-points", label: "nav.chargePoints", icon: IconPlugConnected },
  { to: "/charge-groups", label: "nav.chargeGroups", icon: IconUsersGroup },
  { to: "/grids", label: "nav.grids", icon: IconBuildingFactory2 },
  { to: "/charge-cards", label: "nav.chargeCards", icon: IconCreditCard },
  { to: "/tariffs", label: "nav.tariffs", icon: IconReportMoney },
  { to: "/transactions", label: "nav.transactions", icon: IconBolt },
  { to: "/invoices", label: "nav.invoicesAndRuns", icon: IconFileInvoice },
  { to: "/payments", label: "nav.payments", icon: IconReceipt2 },
  { to: "/tickets", label: "nav.tickets", icon: IconTicket },
  { to: "/system-users", label: "nav.systemUsers", icon: IconUserShield, visible: (me) => me.isSuper },
  { to: "/outbox", label: "nav.outbox", icon: IconMail },
  { to: "/audit-log", label: "nav.auditLog", icon: IconHistory, visible: (me) => !onlyViewer(me) },
  { to: "/settings", label: "bo.nav.settings", icon: IconSettings },
];

/** The customer portal tabs, by the last segment of their path under /my. */
export type PortalTab =
  | "dashboard"
  | "overview"
  | "transactions"
  | "profile"
  | "invoices"
  | "employees"
  | "charge-cards"
  | "charge-points"
  | "tickets";

const portalItem: Record<PortalTab, NavItem> = {
  dashboard: { to: "/my/dashboard", label: "nav.dashboard", icon: IconLayoutDashboard },
  overview: { to: "/my/overview", label: "nav.overview", icon: IconGauge },
  transactions: { to: "/my/transactions", label: "nav.transactions", icon: IconBolt },
  profile: { to: "/my/profile", label: "nav.profile", icon: IconUser },
  invoices: { to: "/my/invoices", label: "nav.invoices", icon: IconFileInvoice },
  employees: { to: "/my/employees", label: "nav.employees", icon: IconUsers },
  "charge-cards": { to: "/my/charge-cards", label: "nav.chargeCards", icon: IconCreditCard },
  "charge-points": { to: "/my/charge-points", label: "nav.chargePoints", icon: IconChartBar },
  tickets: { to: "/my/tickets", label: "nav.tickets", icon: IconTicket },
};

const privateTabs: PortalTab[] = [
  "overview",
  "transactions",
  "profile",
  "invoices",
  "charge-cards",
  "charge-points",
  "tickets",
];

/** DOMAIN.md §6: tabs per customer view, in order; the first one is where the view lands. */
export const portalTabs: Record<Exclude<ViewName, "system">, PortalTab[]> = {
  private: privateTabs,
  employee: privateTabs,
  company: [
    "dashboard",
    "overview",
    "transactions",
    "profile",
    "invoices",
    "employees",
    "charge-cards",
    "charge-points",
    "tickets",
  ],
};

export function navFor(view: ViewName, me: Me): NavItem[] {
  if (view === "system") return systemNav.filter((item) => item.visible?.(me) ?? true);
  return portalTabs[view].map((tab) => portalItem[tab]);
}

export function homePath(view: ViewName): string {
  if (view === "system") return "/customers";
  return portalItem[portalTabs[view][0]!].to;
}
