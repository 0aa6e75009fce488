import type { SystemRole, SystemUserView } from "@voltlane/contracts";
import type { systemUsers } from "@voltlane/db";

export type SystemUserRow = typeof systemUsers.$inferSelect;

export function toSystemUserView(row: SystemUserRow): SystemUserView {
  return {
    id: row.id,
    email: row.email,
    name: row.name,
    roles: row.roles as SystemRole[],
    isSuper: row.isSuper,
    status: row.status as SystemUserView["status"],
    ticketNotify: row.ticketNotify as SystemUserView["ticketNotify"],
    incidentNotify: row.incidentNotify as SystemUserView["incidentNotify"],
    language: row.language === "nl" ? "nl" : "en",
    otpEnabled: row.otpEnrolledAt !== null,
    lastLoginAt: row.lastLoginAt?.toISOString() ?? null,
    createdAt: row.createdAt.toISOString(),
  };
}
