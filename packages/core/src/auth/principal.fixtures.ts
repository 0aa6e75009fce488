import type { SystemPrincipal } from "./principal";

/** A provider's staff member with these roles (tests; no login behind it). */
export function staffPrincipal(providerId: string, roles: SystemPrincipal["roles"]): SystemPrincipal {
  return {
    kind: "system",
    userId: "00000000-0000-0000-0000-0000000000f1",
    providerId,
    roles,
    isSuper: false,
    isPlatformOperator: false,
  };
}
