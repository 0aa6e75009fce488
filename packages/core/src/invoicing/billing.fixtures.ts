import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { customers, type Db, directDebitMandates, providers, transactions, vatEntities } from "@voltlane/db";
import { eq } from "drizzle-orm";
import type { JobPrincipal } from "../auth/principal";
import { staffPrincipal } from "../auth/principal.fixtures";
import { createDocumentStore } from "../documents/document-store";
import { fixedClock } from "../platform/clock";
import { bootstrapPlatform } from "../providers/bootstrap";
import type { BillingDeps } from "./billing-deps";

/** Small builders for invoicing tests; each test file owns its database. */
export async function billingWorld(db: Db, now = "2026-11-15T01:00:00Z") {
  const { providerId } = await bootstrapPlatform(db, {
    adminEmail: "admin@x.test",
    adminPassword: "admin-password",
  });
  await db
    .update(providers)
    .set({
      legalName: "Voltlane B.V.",
      vatNumber: "NL123456789B01",
      iban: "NL91ABNA0417164300",
      bic: "ABNANL2A",
    })
    .where(eq(providers.id, providerId));
  const clock = fixedClock(now);
  const deps: BillingDeps = {
    db,
    clock,
    secretKey: "0".repeat(64),
    publicUrl: "http://localhost",
    documents: createDocumentStore(mkdtempSync(join(tmpdir(), "voltlane-docs-"))),
  };
  const actor: JobPrincipal = { kind: "job", providerId, name: "test" };
  let counter = 0;
  let ocppId = 1000;

  async function customer(
    type: "private" | "company" | "employee",
    options: {
      name?: string;
      country?: string;
      vat?: string;
      iban?: string;
      mandate?: boolean;
      companyId?: string;
    } = {},
  ) {
    counter++;
    const [row] = await db
      .insert(customers)
      .values({
        providerId,
        customerNumber: `C${counter}-${Math.random().toString(36).slice(2, 8)}`,
        type,
        name: options.name ?? `${type} ${counter}`,
        email: `${type}${counter}@x.test`,
        invoiceEmail: `${type}${counter}@x.test`,
        address: {
          line1: "Street 1",
          postalCode: "1000 AA",
          city: "Amsterdam",
          country: options.country ?? "NL",
        },
        iban: options.iban ?? null,
        companyId: options.companyId ?? null,
      })
      .returning();
    if (options.vat) {
      await db.insert(vatEntities).values({
        providerId,
        customerId: row!.id,
        invoiceName: row!.name,
        vatNumber: options.vat,
        status: "valid",
      });
    }
    if (options.mandate && options.iban) {
      await db.insert(directDebitMandates).values({
        providerId,
        customerId: row!.id,
        reference: `MNDT-${counter}`,
        signedAt: new Date("2026-01-01T00:00:00Z"),
        iban: options.iban,
      });
    }
    return row!;
  }

  async function session(input: {
    payer: string;
    receiver: string | null;
    stoppedAt: string;
    energyWh: number;
    costNet: number;
    margin?: number;
    group?: "home" | "other";
    vatRate?: string;
    energyPrice?: string;
    billable?: boolean;
  }) {
    ocppId++;
    const stopped = new Date(input.stoppedAt);
    const [row] = await db
      .insert(transactions)
      .values({
        providerId,
        ocppTransactionId: ocppId,
        chargePointId: "CP-1",
        connectorId: 1,
        idTag: `TAG${ocppId}`,
        startedAt: new Date(stopped.getTime() - 3_600_000),
        stoppedAt: stopped,
        meterStartWh: 0,
        meterStopWh: input.energyWh,
        energyWh: input.energyWh,
        status: "completed",
        tariffSnapshot: {
          startFee: "0.0000",
          energyPrice: input.energyPrice ?? "0.3500",
          timePrice: "0.0000",
          idleFee: "0.0000",
          idleGraceMinutes: 0,
          marginPerKwh: "0.0000",
          vatRate: input.vatRate ?? "21.00",
          currency: "EUR",
        },
        chargeGroupType: input.group ?? "other",
        payerCustomerId: input.payer,
        receiverCustomerId: input.receiver,
        userCustomerId: input.payer,
        costNet: input.costNet,
        costEnergy: input.costNet,
        margin: input.margin ?? 0,
        currency: "EUR",
        billable: input.billable ?? true,
      })
      .returning();
    return row!;
  }

  const finance = staffPrincipal(providerId, ["finance"]);
  return { providerId, clock, deps, actor, finance, customer, session };
}
