import { describe, expect, it } from "vitest";
import type { CustomerPrincipal, Principal, SystemPrincipal } from "../auth/principal";
import type { AppError } from "../errors/app-error";
import { assertCan, can, scopeOf } from "./can";
import type { Capability } from "./permission-matrix";

const provider = "00000000-0000-4000-8000-000000000001";
const system = (roles: SystemPrincipal["roles"], isSuper = false): SystemPrincipal => ({
  kind: "system",
  userId: "u",
  providerId: provider,
  roles,
  isSuper,
  isPlatformOperator: false,
});
const customer = (role: CustomerPrincipal["role"], customerId = "c1", companyId: string | null = null) =>
  ({
    kind: "customer",
    userId: "l",
    providerId: provider,
    customerId,
    customerType: role === "company_admin" ? "company" : role === "employee" ? "employee" : "private",
    role,
    companyId,
  }) satisfies CustomerPrincipal;

const principals: Record<string, Principal> = {
  super: system([], true),
  admin: system(["admin"]),
  operations: system(["operations"]),
  finance: system(["finance"]),
  support: system(["support"]),
  viewer: system(["viewer"]),
  company_admin: customer("company_admin", "company-1"),
  employee: customer("employee", "employee-1", "company-1"),
  private_user: customer("private_user", "private-1"),
};

// Rows restated from DOMAIN.md §2 (read, write) per column, independent of the parsed table.
// r = read only, w = read and write, o = own scope, - = nothing.
const expectations: [Capability, string][] = [
  ["system_users", "w - - - - - - - -"],
  ["customers", "w w r r w r - - -"],
  ["billing_data", "w w - w w r o o o"],
  ["customer_type", "w w - - w - - - -"],
  ["charge_points", "w w w r r r - - -"],
  ["charge_point_settings", "w w w - - - o - -"],
  ["cards_attach", "w w w - w - o - o"],
  ["tariffs", "w w r w r r - - -"],
  ["invoice_runs", "w w - w - r - - -"],
  ["payments", "w w - w r r - - -"],
  ["tickets_manage", "w w w w w - - - -"],
  ["employees", "w w - - w - o - -"],
  ["audit_log", "w w r r r - - - -"],
];
const columns = Object.keys(principals);

describe("can (DOMAIN.md §2 permission matrix)", () => {
  const cases = expectations.flatMap(([capability, row]) =>
    row.split(" ").map((cell, i) => ({ capability, column: columns[i]!, cell })),
  );

  it.each(cases)("$column on $capability is '$cell'", ({ capability, column, cell }) => {
    const p = principals[column]!;
    const mine = p.kind === "customer" ? { customerIds: [p.customerId] } : undefined;
    const theirs = { customerIds: ["somebody-else"] };
    if (cell === "w") {
      expect(can(p, capability, "read")).toBe(true);
      expect(can(p, capability, "write")).toBe(true);
    } else if (cell === "r") {
      expect(can(p, capability, "read")).toBe(true);
      expect(can(p, capability, "write")).toBe(false);
    } else if (cell === "o") {
      expect(can(p, capability, "write", mine)).toBe(true);
      expect(can(p, capability, "read", theirs)).toBe(false);
      expect(scopeOf(p, capability)).toBe("own");
    } else {
      expect(can(p, capability, "read")).toBe(false);
      expect(can(p, capability, "write")).toBe(false);
      expect(scopeOf(p, capability)).toBe("none");
    }
  });

  it("combines roles to the widest access", () => {
    const p = system(["viewer", "finance"]);
    expect(can(p, "invoice_runs", "write")).toBe(true);
    expect(can(p, "customers", "write")).toBe(false);
  });

  it("lets a company admin act for its employees but not for other companies' employees", () => {
    const admin = principals.company_admin!;
    expect(
      can(admin, "transactions", "read", { customerIds: ["employee-1"], companyIds: ["company-1"] }),
    ).toBe(true);
    expect(
      can(admin, "transactions", "read", { customerIds: ["employee-9"], companyIds: ["company-2"] }),
    ).toBe(false);
    // An employee does not see its colleagues' objects through the company.
    const employee = principals.employee!;
    expect(
      can(employee, "transactions", "read", { customerIds: ["employee-2"], companyIds: ["company-1"] }),
    ).toBe(false);
  });

  it("refuses every write while viewing as a customer (R7)", () => {
    const viewing: CustomerPrincipal = { ...customer("private_user", "private-1"), viewAsBy: "system-user" };
    expect(can(viewing, "transactions", "read", { customerIds: ["private-1"] })).toBe(true);
    expect(can(viewing, "billing_data", "write", { customerIds: ["private-1"] })).toBe(false);
    expect(() => assertCan(viewing, "billing_data", "write", { customerIds: ["private-1"] })).toThrow(
      expect.objectContaining({ code: "view_as_read_only" }),
    );
  });

  it("reports objects outside the principal's scope as not found, and visible-but-forbidden as forbidden", () => {
    const p = principals.private_user!;
    const thrown = (fn: () => void) => {
      try {
        fn();
      } catch (e) {
        return (e as AppError).code;
      }
      return "none";
    };
    expect(thrown(() => assertCan(p, "transactions", "read", { customerIds: ["other"] }))).toBe("not_found");
    expect(thrown(() => assertCan(principals.viewer!, "customers", "write"))).toBe("forbidden");
  });
});
