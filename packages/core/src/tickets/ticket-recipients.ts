import type { SystemRole } from "@voltlane/contracts";
import { type Db, loginUsers, systemUsers } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import type { SystemPrincipal } from "../auth/principal";
import { can } from "../policy/can";

export type Channel = "email" | "in_app";
export type Recipient = {
  kind: "system" | "customer";
  id: string;
  name: string;
  email: string;
  language: string;
  channels: Channel[];
};

/** R62: a system user's `ticketNotify` preference → channels. */
export function channelsOf(preference: string): Channel[] {
  switch (preference) {
    case "email":
      return ["email"];
    case "in_app":
      return ["in_app"];
    case "both":
      return ["email", "in_app"];
    default:
      return [];
  }
}

type SystemUserRow = typeof systemUsers.$inferSelect;

function handlesTickets(user: SystemUserRow): boolean {
  const principal: SystemPrincipal = {
    kind: "system",
    userId: user.id,
    providerId: user.providerId,
    roles: user.roles as SystemRole[],
    isSuper: user.isSuper,
    isPlatformOperator: false,
  };
  return can(principal, "tickets_manage", "write");
}

function systemRecipient(user: SystemUserRow): Recipient {
  return {
    kind: "system",
    id: user.id,
    name: user.name,
    email: user.email,
    language: user.language,
    channels: channelsOf(user.ticketNotify),
  };
}

/** Active system users of the provider whose roles handle tickets (tickets_manage). */
export async function ticketHandlers(db: Db, providerId: string): Promise<Recipient[]> {
  const users = await db
    .select()
    .from(systemUsers)
    .where(and(eq(systemUsers.providerId, providerId), eq(systemUsers.status, "active")));
  return users.filter(handlesTickets).map(systemRecipient);
}

/** One system user, if active and still able to handle tickets. */
export async function ticketHandler(db: Db, providerId: string, userId: string): Promise<Recipient | null> {
  const [user] = await db
    .select()
    .from(systemUsers)
    .where(and(eq(systemUsers.providerId, providerId), eq(systemUsers.id, userId)));
  return user && user.status === "active" && handlesTickets(user) ? systemRecipient(user) : null;
}

/** R62: the customer's enabled logins get e-mail and an in-app message. */
export async function customerLogins(db: Db, providerId: string, customerId: string): Promise<Recipient[]> {
  const logins = await db
    .select()
    .from(loginUsers)
    .where(
      and(
        eq(loginUsers.providerId, providerId),
        eq(loginUsers.customerId, customerId),
        eq(loginUsers.enabled, true),
      ),
    );
  return logins.map((l) => ({
    kind: "customer" as const,
    id: l.id,
    name: l.name,
    email: l.email,
    language: l.language,
    channels: ["email", "in_app"] as Channel[],
  }));
}
