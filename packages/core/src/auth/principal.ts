import type { CustomerRole, CustomerType, SystemRole } from "@voltlane/contracts";

/** A provider's staff member. */
export type SystemPrincipal = {
  kind: "system";
  userId: string;
  providerId: string;
  roles: SystemRole[];
  isSuper: boolean;
  /** The platform operator's super users manage providers. */
  isPlatformOperator: boolean;
};

/** A customer's login, or a system user viewing as that customer (R7: read-only). */
export type CustomerPrincipal = {
  kind: "customer";
  userId: string;
  providerId: string;
  customerId: string;
  customerType: CustomerType;
  role: CustomerRole;
  /** For employees: their company. */
  companyId: string | null;
  /** Set when a system user views as this customer; every write is refused. */
  viewAsBy?: string;
};

/** Jobs and charge points act too (audit actor kinds). */
export type JobPrincipal = { kind: "job"; providerId: string; name: string };

export type Principal = SystemPrincipal | CustomerPrincipal;
export type Actor =
  | Principal
  | JobPrincipal
  | { kind: "charge_point"; providerId: string; chargePointId: string };

export function isViewAs(p: Principal): boolean {
  return p.kind === "customer" && p.viewAsBy !== undefined;
}
