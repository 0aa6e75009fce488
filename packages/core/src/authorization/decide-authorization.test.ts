import { describe, expect, it } from "vitest";
import { type AuthorizationFacts, decideAuthorization } from "./decide-authorization";

const at = new Date("2026-05-01T12:00:00Z");

/** Facts that pass every check; each row below breaks exactly what it names. */
function facts(
  overrides: Partial<AuthorizationFacts> = {},
  card: Partial<NonNullable<AuthorizationFacts["card"]>> = {},
) {
  const base: AuthorizationFacts = {
    at,
    chargePoint: { providerId: "p1", activation: "active" },
    groupAccess: "attached",
    card: {
      id: "card-1",
      providerId: "p1",
      status: "active",
      validUntil: null,
      roamingAllowed: false,
      userStatus: "active",
      ...card,
    },
    userOrPayerAttached: true,
    walletBalance: null,
    hasActiveSession: false,
  };
  return { ...base, ...overrides };
}

describe("decideAuthorization (R32)", () => {
  it.each([
    ["1 unknown charge point", facts({ chargePoint: null }), "Invalid", 1],
    [
      "1 inactive charge point",
      facts({ chargePoint: { providerId: "p1", activation: "inactive" } }),
      "Invalid",
      1,
    ],
    [
      "1 retired charge point",
      facts({ chargePoint: { providerId: "p1", activation: "retired" } }),
      "Invalid",
      1,
    ],
    ["1 wins over a blocked card", facts({ chargePoint: null }, { status: "blocked" }), "Invalid", 1],
    ["2 unknown card", facts({ card: null }), "Invalid", 2],
    ["3 blocked card", facts({}, { status: "blocked" }), "Blocked", 3],
    [
      "3 wins over expiry",
      facts({}, { status: "blocked", validUntil: new Date("2020-01-01") }),
      "Blocked",
      3,
    ],
    ["4 inactive card", facts({}, { status: "inactive" }), "Invalid", 4],
    ["4 closed user customer", facts({}, { userStatus: "closed" }), "Invalid", 4],
    ["4 card without a user", facts({}, { userStatus: null }), "Invalid", 4],
    ["5 expired card", facts({}, { validUntil: new Date("2026-04-30T00:00:00Z") }), "Expired", 5],
    ["5 expires exactly now", facts({}, { validUntil: at }), "Expired", 5],
    [
      "6 foreign card, group not roaming",
      facts({ groupAccess: "provider" }, { providerId: "p2", roamingAllowed: true }),
      "Invalid",
      6,
    ],
    [
      "6 foreign card not allowed to roam",
      facts({ groupAccess: "roaming" }, { providerId: "p2" }),
      "Invalid",
      6,
    ],
    ["7 own card, not attached, access attached", facts({ userOrPayerAttached: false }), "Invalid", 7],
    [
      "7 own card, charger without group",
      facts({ userOrPayerAttached: false, groupAccess: null }),
      "Invalid",
      7,
    ],
    ["8 wallet empty", facts({ walletBalance: 0 }), "Invalid", 8],
    ["8 wallet negative", facts({ walletBalance: -150 }), "Invalid", 8],
    [
      "8 wallet card roaming",
      facts({ groupAccess: "roaming", walletBalance: 500 }, { providerId: "p2", roamingAllowed: true }),
      "Invalid",
      8,
    ],
    ["9 another active session", facts({ hasActiveSession: true }), "ConcurrentTx", 9],
  ])("row %s → %s", (_name, input, status, failedCheck) => {
    expect(decideAuthorization(input)).toEqual({ status, failedCheck });
  });

  it.each([
    ["member or receiver", facts()],
    [
      "own card, access provider, not attached",
      facts({ userOrPayerAttached: false, groupAccess: "provider" }),
    ],
    ["own card, access roaming, not attached", facts({ userOrPayerAttached: false, groupAccess: "roaming" })],
    [
      "foreign card allowed to roam at a roaming group",
      facts(
        { groupAccess: "roaming", userOrPayerAttached: false },
        { providerId: "p2", roamingAllowed: true },
      ),
    ],
    ["valid until later", facts({}, { validUntil: new Date("2026-05-02T00:00:00Z") })],
    ["wallet in credit", facts({ walletBalance: 1 })],
  ])("accepts: %s", (_name, input) => {
    expect(decideAuthorization(input)).toEqual({ status: "Accepted" });
  });
});
