import { useQuery } from "@tanstack/react-query";
import { api } from "../../lib/api-client";

/** DOMAIN.md §2 capabilities (packages/core/src/policy/permission-matrix.ts), as the API names them. */
export type Capability =
  | "customers"
  | "billing_data"
  | "customer_type"
  | "attachments"
  | "charge_points"
  | "charge_point_settings"
  | "cards"
  | "cards_block"
  | "cards_attach"
  | "payments"
  | "tickets_reply"
  | "tickets_manage"
  | "employees";
type Access = "F" | "V" | "O" | "-";

interface MyPermissions {
  readOnly: boolean;
  permissions: Record<string, Access>;
}

/**
 * The logged-in user's permissions, to hide buttons they may not use. Until they are known nothing
 * is offered; the API checks every call regardless.
 */
export function usePermissions() {
  const query = useQuery({
    queryKey: ["permissions"],
    queryFn: () => api<MyPermissions>("GET", "/me/permissions"),
    staleTime: 5 * 60_000,
  });
  const access = (c: Capability): Access => query.data?.permissions[c] ?? "-";
  return {
    /** Full or own-scope access, and not viewing as a customer (R7). */
    canWrite: (c: Capability) => !query.data?.readOnly && (access(c) === "F" || access(c) === "O"),
    canRead: (c: Capability) => access(c) !== "-",
  };
}
