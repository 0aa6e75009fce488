import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import { type Access, type Capability, type MatrixColumn, permissionMatrix } from "./permission-matrix";

export type Mode = "read" | "write";

/** What an object says about whom it belongs to, for "own scope" (O) decisions. */
export type Ownership = {
  /** The customer(s) the object belongs to (user, payer, receiver, owner …). */
  customerIds?: (string | null | undefined)[];
  /** For objects of employees: their company, so that the company admin sees them. */
  companyIds?: (string | null | undefined)[];
};

const rank: Record<Access, number> = { "-": 0, O: 1, V: 2, F: 3 };

function columnsOf(p: Principal): MatrixColumn[] {
  if (p.kind === "customer") return [p.role];
  return p.isSuper ? ["super", ...p.roles] : [...p.roles];
}

/** The widest access any of the principal's roles grants for a capability. */
export function accessFor(p: Principal, capability: Capability): Access {
  const row = permissionMatrix[capability];
  if (!row) throw new Error(`unknown capability ${capability}`);
  let best: Access = "-";
  for (const column of columnsOf(p)) {
    const access = row[column];
    // F beats V for writing; O is a narrower kind of F, but V (all, read) beats O for reading lists.
    if (rank[access] > rank[best]) best = access;
  }
  return best;
}

function owns(p: Principal, resource: Ownership | undefined): boolean {
  if (p.kind !== "customer" || !resource) return false;
  const ids = resource.customerIds ?? [];
  if (ids.includes(p.customerId)) return true;
  // Company admins also act for their employees (O: "company admins: also their employees").
  if (p.role === "company_admin") return (resource.companyIds ?? []).includes(p.customerId);
  return false;
}

/**
 * The one policy decision: may this principal read or write (an object of) this capability?
 * Without a resource, "own scope" answers true: the caller must then scope its query to the
 * principal (see `scopeOf`). Viewing as a customer (R7) never writes.
 */
export function can(p: Principal, capability: Capability, mode: Mode, resource?: Ownership): boolean {
  if (mode === "write" && p.kind === "customer" && p.viewAsBy) return false;
  const access = accessFor(p, capability);
  switch (access) {
    case "F":
      return true;
    case "V":
      return mode === "read";
    case "O":
      return resource === undefined || owns(p, resource);
    default:
      return false;
  }
}

/** Throws the right AppError when `can` says no. Not-visible objects answer 404 (R4). */
export function assertCan(p: Principal, capability: Capability, mode: Mode, resource?: Ownership): void {
  if (can(p, capability, mode, resource)) return;
  if (mode === "write" && p.kind === "customer" && p.viewAsBy) {
    throw new AppError("view_as_read_only", "viewing as a customer is read-only");
  }
  // An object the principal may not even read is reported as absent, never as forbidden.
  if (resource && !can(p, capability, "read", resource)) throw new AppError("not_found", "not found");
  throw new AppError("forbidden", `not allowed: ${capability} ${mode}`);
}

/** For list queries: everything of the provider, or only the principal's own scope. */
export function scopeOf(p: Principal, capability: Capability): "all" | "own" | "none" {
  const access = accessFor(p, capability);
  if (access === "F" || access === "V") return "all";
  if (access === "O") return "own";
  return "none";
}
