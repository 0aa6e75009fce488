import type { Address } from "./customer.types";

export function formatAddress(address: Address | null | undefined): string {
  if (!address) return "";
  const place = [address.postalCode, address.city].filter(Boolean).join(" ");
  return [address.line1, place, address.country].filter(Boolean).join(", ");
}
