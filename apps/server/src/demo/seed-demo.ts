import type { DemoApi } from "./demo-api";

export const demoPassword = "voltlane-demo";
export const demoChargePointPassword = "demo-charge-point";

export const demoLogins = [
  { role: "company admin (Acme BV)", email: "anna@acme.demo" },
  { role: "employee (Eva, Acme BV)", email: "eva@acme.demo" },
  { role: "private user (Piet)", email: "piet@demo.test" },
];

export type DemoWorld = {
  chargePoints: { id: string; cards: string[] }[];
};

type WithId = { id: string };

const address = (line1: string, postalCode: string, city: string) => ({
  line1,
  postalCode,
  city,
  country: "NL",
});

/**
 * The demo provider's world, created through the public API once: a company with an admin and an
 * employee who charges at home, a private user, public and home charge points, cards and tariffs.
 */
export async function seedDemo(api: DemoApi): Promise<DemoWorld> {
  const world: DemoWorld = {
    chargePoints: [
      // Each card charges at one charge point at a time (R32 #9 refuses a second session).
      { id: "ACME-HQ-01", cards: ["04A1B2C3D402"] },
      { id: "ACME-HQ-02", cards: ["04A1B2C3D403"] },
      { id: "EVA-HOME", cards: ["04A1B2C3D401"] },
    ],
  };
  const existing = await api.get<{ total: number }>("/customers?q=Acme");
  if (existing.total > 0) return world;

  const publicTariff = await api.post<WithId>("/tariffs", {
    name: "Public AC",
    currency: "EUR",
    startFee: "0.2500",
    energyPrice: "0.3900",
    idleFee: "0.1000",
    idleGraceMinutes: 60,
    vatRate: "21.00",
  });
  const homeTariff = await api.post<WithId>("/tariffs", {
    name: "Home charging Acme",
    currency: "EUR",
    energyPrice: "0.2345",
    vatRate: "21.00",
  });
  const hq = await api.post<WithId>("/locations", {
    name: "Acme HQ",
    address: address("Stationsplein 1", "1012 AB", "Amsterdam"),
    lat: "52.378900",
    lng: "4.900300",
    publish: true,
  });
  const home = await api.post<WithId>("/locations", {
    name: "Eva's driveway",
    address: address("Lindenlaan 7", "3581 AA", "Utrecht"),
  });
  const publicGroup = await api.post<WithId>("/charge-groups", {
    code: "PUBLIC",
    name: "Public charging",
    type: "other",
    tariffId: publicTariff.id,
    access: "provider",
  });
  const homeGroup = await api.post<WithId>("/charge-groups", {
    code: "HOME-EVA",
    name: "Home charging Eva",
    type: "home",
    tariffId: homeTariff.id,
    access: "attached",
  });

  const acme = await api.post<WithId>("/customers", {
    type: "company",
    name: "Acme BV",
    email: "finance@acme.demo",
    address: address("Stationsplein 1", "1012 AB", "Amsterdam"),
    vatNumber: "NL123456789B01",
    cocNumber: "12345678",
    iban: "NL91ABNA0417164300",
    admin: { email: "anna@acme.demo", name: "Anna de Vries", password: demoPassword },
  });
  const eva = await api.post<WithId>("/customers", {
    type: "employee",
    companyId: acme.id,
    name: "Eva Jansen",
    email: "eva@acme.demo",
    webAccess: true,
    iban: "NL02ABNA0123456789",
    password: demoPassword,
  });
  const piet = await api.post<WithId>("/customers", {
    type: "private",
    name: "Piet Bakker",
    email: "piet@demo.test",
    address: address("Kerkstraat 12", "2011 AB", "Haarlem"),
    iban: "NL20INGB0001234567",
    password: demoPassword,
  });
  await api.post(`/charge-groups/${homeGroup.id}/members`, { customerId: eva.id });

  const connectors = [
    { connectorId: 1, standard: "type2", powerType: "ac3", maxPowerW: 22_000 },
    { connectorId: 2, standard: "type2", powerType: "ac3", maxPowerW: 22_000 },
  ];
  for (const [id, group, owner, location] of [
    ["ACME-HQ-01", publicGroup, acme, hq],
    ["ACME-HQ-02", publicGroup, acme, hq],
    ["EVA-HOME", homeGroup, eva, home],
  ] as const) {
    await api.post("/charge-points", {
      id,
      name: id === "EVA-HOME" ? "Eva's home charger" : `Acme HQ ${id.slice(-2)}`,
      password: demoChargePointPassword,
      chargeGroupId: group.id,
      ownerCustomerId: owner.id,
      locationId: location.id,
      connectors: id === "EVA-HOME" ? connectors.slice(0, 1) : connectors,
    });
    await api.post(`/charge-points/${id}/activate`);
  }

  for (const [n, rfid, user, payer] of [
    [1, "04A1B2C3D401", eva, acme],
    [2, "04A1B2C3D402", piet, piet],
    [3, "04A1B2C3D403", acme, acme],
  ] as const) {
    const card = await api.post<WithId>("/charge-cards", { externalId: `NL-VLT-00000${n}-${n}`, rfid });
    await api.post(`/charge-cards/${card.id}/attach`, { customerId: user.id, payerCustomerId: payer.id });
  }
  return world;
}
