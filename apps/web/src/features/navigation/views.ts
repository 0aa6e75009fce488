import type { Me } from "../auth/me.types";

/** The four views of DOMAIN.md §6. */
export type ViewName = "system" | "private" | "employee" | "company";

/** Which view the app renders: a system user viewing as a customer gets that customer's own view. */
export function effectiveView(me: Me): ViewName {
  if (me.kind === "system" && !me.viewAs) return "system";
  const type = me.viewAs?.customerType ?? me.customerType;
  if (type === "company" || me.roles.includes("company_admin")) return "company";
  if (type === "employee" || me.roles.includes("employee")) return "employee";
  return "private";
}

/** The customer whose portal is shown (own, or the one viewed as). */
export function effectiveCustomerId(me: Me): string | undefined {
  return me.viewAs?.customerId ?? me.customerId ?? undefined;
}

export function isReadOnly(me: Me): boolean {
  return Boolean(me.viewAs);
}
