import { dashboardQuerySchema, transactionListQuerySchema } from "@voltlane/contracts";
import {
  type CoreDeps,
  exportTransactionsCsv,
  getDashboard,
  listTransactions,
  type Principal,
} from "@voltlane/core";
import { SUBJECTS } from "./generate-report-data";
import type { SubjectKey, Subjects } from "./report-subjects";

/**
 * One request a user of the reports makes, run twice over: through the core function with the
 * arguments the route passes (the query string parsed by the route's own zod schema), and as the HTTP
 * request itself. `rows` counts what came back (periods + recent sessions, list items, CSV lines).
 */
export type ReportCase = {
  name: string;
  subject: SubjectKey;
  path: "/api/v1/dashboard" | "/api/v1/transactions";
  query: Record<string, string>;
  csv?: boolean;
};

// The data ends on 2026-11-25 (generate-report-data.ts); fixed windows keep runs comparable.
const last30Days = { from: "2026-10-26T00:00:00Z", to: "2026-11-25T00:00:00Z" };
const lastYear = { from: "2025-11-01T00:00:00Z", to: "2026-11-01T00:00:00Z" };
const oneMonth = { from: "2026-09-01T00:00:00Z", to: "2026-10-01T00:00:00Z" };

export function reportCases(s: Subjects): ReportCase[] {
  const big = s.bigCompanyId;
  const dashboard = "/api/v1/dashboard" as const;
  const list = "/api/v1/transactions" as const;
  return [
    {
      name: "dashboard: company admin, 30 days by day",
      subject: "companyAdmin",
      path: dashboard,
      query: { ...last30Days, interval: "day" },
    },
    {
      name: "dashboard: system user → big company, 30 days",
      subject: "system",
      path: dashboard,
      query: { customerId: big, ...last30Days, interval: "day" },
    },
    {
      name: "dashboard: company admin, 12 months by month",
      subject: "companyAdmin",
      path: dashboard,
      query: { ...lastYear, interval: "month" },
    },
    {
      name: "dashboard: private user, 30 days by day",
      subject: "privateUser",
      path: dashboard,
      query: { ...last30Days, interval: "day" },
    },
    { name: "dashboard: private user, default window", subject: "privateUser", path: dashboard, query: {} },
    { name: "list: system user, whole provider, page 1", subject: "system", path: list, query: {} },
    {
      name: "list: system user, whole provider, one month, page 20",
      subject: "system",
      path: list,
      query: { ...oneMonth, page: "20" },
    },
    {
      name: "list: system user, customerId big company, page 1",
      subject: "system",
      path: list,
      query: { customerId: big },
    },
    { name: "list: company admin, page 1", subject: "companyAdmin", path: list, query: {} },
    {
      name: "list: company admin, one month, page 5",
      subject: "companyAdmin",
      path: list,
      query: { ...oneMonth, page: "5" },
    },
    { name: "list: private user, page 1", subject: "privateUser", path: list, query: {} },
    {
      name: "list: system user, charge point, page 1",
      subject: "system",
      path: list,
      query: { chargePointId: SUBJECTS.chargePoint },
    },
    {
      name: "csv: system user, whole provider, one month",
      subject: "system",
      path: list,
      query: { ...oneMonth, format: "csv" },
      csv: true,
    },
    {
      name: "csv: company admin, one month",
      subject: "companyAdmin",
      path: list,
      query: { ...oneMonth, format: "csv" },
      csv: true,
    },
  ];
}

/** Runs the case through core exactly as the route does; returns the number of rows produced. */
export async function runCoreCase(deps: CoreDeps, principal: Principal, c: ReportCase): Promise<number> {
  if (c.path === "/api/v1/dashboard") {
    const view = await getDashboard(deps, principal, dashboardQuerySchema.parse(c.query));
    return (
      view.energyUsed.length +
      view.recentCardTransactions.length +
      view.recentChargePointTransactions.length +
      view.stations.length
    );
  }
  const { format, ...query } = transactionListQuerySchema.parse(c.query);
  if (format !== "csv") return (await listTransactions(deps, principal, query)).items.length;
  const csv = await exportTransactionsCsv(deps, principal, query);
  return countLines(csv);
}

async function countLines(csv: string | AsyncIterable<string>): Promise<number> {
  if (typeof csv === "string") return csv.split("\r\n").length - 1;
  let lines = 0;
  for await (const chunk of csv) for (const ch of chunk) if (ch === "\n") lines++;
  return lines;
}
