import { z } from "zod";
import { transactionSchema } from "./transactions";

export const dashboardIntervalSchema = z.enum(["day", "week", "month"]);
export type DashboardInterval = z.infer<typeof dashboardIntervalSchema>;

/**
 * API.md `dashboard`. Without `customerId` a customer login gets its own dashboard; system users must
 * name one. `from` is inclusive, `to` exclusive; both default to the last 30 days.
 */
export const dashboardQuerySchema = z
  .object({
    customerId: z.uuid().optional(),
    from: z.coerce.date().optional(),
    to: z.coerce.date().optional(),
    interval: dashboardIntervalSchema.default("day"),
  })
  .refine((q) => !q.from || !q.to || q.from < q.to, { path: ["to"], message: "to must be after from" });
export type DashboardQuery = z.infer<typeof dashboardQuerySchema>;

/** One bucket of the energy series; `period` in the provider's time zone: 2026-11-25, week of Monday, 2026-11. */
export const energyPointSchema = z.object({ period: z.string(), wh: z.number().int() });

export const stationOverviewSchema = z.object({
  id: z.string(),
  name: z.string(),
  online: z.boolean(),
  activation: z.string(),
  lastSeenAt: z.date().nullable(),
  connectors: z.array(
    z.object({ connectorId: z.number().int(), status: z.string(), statusSince: z.date().nullable() }),
  ),
});

export const dashboardSchema = z
  .object({
    customerId: z.string(),
    from: z.date(),
    to: z.date(),
    interval: dashboardIntervalSchema,
    timeZone: z.string(),
    energyUsed: z.array(energyPointSchema),
    energyDelivered: z.array(energyPointSchema),
    /** Money in minor units of `currency` (R1): costs it pays, revenue it receives (net − margin, R41). */
    totals: z.object({
      usedWh: z.number().int(),
      deliveredWh: z.number().int(),
      costs: z.number().int(),
      revenue: z.number().int(),
      sessionsUsed: z.number().int(),
      sessionsDelivered: z.number().int(),
      currency: z.string(),
    }),
    recentCardTransactions: z.array(transactionSchema),
    recentChargePointTransactions: z.array(transactionSchema),
    stations: z.array(stationOverviewSchema),
  })
  .meta({ id: "Dashboard" });
export type DashboardView = z.infer<typeof dashboardSchema>;
export type StationOverview = z.infer<typeof stationOverviewSchema>;
