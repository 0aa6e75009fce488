import type { CardImportResult, CardImportRowError } from "@voltlane/contracts";
import { chargeCards, customers, type Db } from "@voltlane/db";
import { and, eq, inArray, or } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";
import { type CardParties, linkCardParties } from "./card-parties";
import { type CardCsvRow, parseCardCsv } from "./parse-card-csv";
import { duplicateCard } from "./register-charge-card";

type CustomerRow = Pick<
  typeof customers.$inferSelect,
  "id" | "customerNumber" | "type" | "status" | "companyId"
>;
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The provider's customers named in the file, by customer number and by id. */
async function loadReferencedCustomers(db: Db, p: Principal, rows: CardCsvRow[]) {
  const refs = [...new Set(rows.flatMap((r) => [r.customerRef, r.payerRef]).filter((r): r is string => !!r))];
  const byRef = new Map<string, CustomerRow>();
  if (refs.length === 0) return byRef;
  const ids = refs.filter((r) => uuidPattern.test(r)).map((r) => r.toLowerCase());
  const found = await db
    .select({
      id: customers.id,
      customerNumber: customers.customerNumber,
      type: customers.type,
      status: customers.status,
      companyId: customers.companyId,
    })
    .from(customers)
    .where(
      and(
        eq(customers.providerId, p.providerId),
        or(inArray(customers.customerNumber, refs), ids.length ? inArray(customers.id, ids) : undefined),
      ),
    );
  for (const c of found) {
    byRef.set(c.customerNumber, c);
    byRef.set(c.id, c);
  }
  return byRef;
}

/** R26 for one row: the user, and the payer (default: an employee's company, else the user). */
function partiesOf(row: CardCsvRow, byRef: Map<string, CustomerRow>, errors: CardImportRowError[]) {
  if (!row.customerRef) return null;
  const lookup = (ref: string, field: string) => {
    const c = byRef.get(ref) ?? byRef.get(ref.toLowerCase());
    if (!c) errors.push({ line: row.line, field, code: "unknown_customer", message: `no customer ${ref}` });
    else if (c.status !== "active")
      errors.push({
        line: row.line,
        field,
        code: "customer_not_active",
        message: `customer ${ref} is closed`,
      });
    else return c;
    return null;
  };
  const user = lookup(row.customerRef, "customer");
  const payer = row.payerRef ? lookup(row.payerRef, "payer") : null;
  if (!user || (row.payerRef && !payer)) return null;
  const defaultPayer = user.type === "employee" && user.companyId ? user.companyId : user.id;
  return { customerId: user.id, payerCustomerId: payer?.id ?? defaultPayer } satisfies CardParties;
}

/** R25: ids already registered anywhere on the platform (they are unique platform-wide). */
async function markExistingCards(db: Db, rows: CardCsvRow[], errors: CardImportRowError[]) {
  if (rows.length === 0) return;
  const taken = await db
    .select({ rfid: chargeCards.rfid, externalId: chargeCards.externalId })
    .from(chargeCards)
    .where(
      or(
        inArray(
          chargeCards.rfid,
          rows.map((r) => r.rfid),
        ),
        inArray(
          chargeCards.externalId,
          rows.map((r) => r.externalId),
        ),
      ),
    );
  const rfids = new Set(taken.map((t) => t.rfid));
  const externalIds = new Set(taken.map((t) => t.externalId));
  for (const row of rows) {
    if (rfids.has(row.rfid))
      errors.push({
        line: row.line,
        field: "rfid",
        code: "duplicate",
        message: "a card with this UID exists",
      });
    if (externalIds.has(row.externalId))
      errors.push({
        line: row.line,
        field: "externalId",
        code: "duplicate",
        message: "a card with this number exists",
      });
  }
}

function refuse(errors: CardImportRowError[]): never {
  errors.sort((a, b) => a.line - b.line);
  throw new AppError("validation_failed", `${errors.length} problem(s) in the file; nothing was imported`, {
    errors,
  });
}

/**
 * Back office "Cards: CSV import" (§6): every row is checked first and every problem reported with
 * its line; only a clean file is written, all rows in one transaction (all or nothing), audited (R8).
 */
export async function importChargeCards(
  deps: CoreDeps,
  p: Principal,
  csv: string,
  options: { dryRun: boolean },
): Promise<CardImportResult> {
  assertCan(p, "cards", "write");
  const { rows, errors } = parseCardCsv(csv);
  if (errors.length > 0 && rows.length === 0) refuse(errors);
  const byRef = await loadReferencedCustomers(deps.db, p, rows);
  const parties = rows.map((row) => partiesOf(row, byRef, errors));
  await markExistingCards(deps.db, rows, errors);
  if (errors.length > 0) refuse(errors);
  const attached = parties.filter(Boolean).length;
  if (options.dryRun) return { dryRun: true, imported: rows.length, attached };
  const now = deps.clock.now();
  await deps.db.transaction(async (tx: Db) => {
    const inserted = await tx
      .insert(chargeCards)
      .values(
        rows.map((row, i) => ({
          providerId: p.providerId,
          externalId: row.externalId,
          rfid: row.rfid,
          kind: "rfid",
          label: row.label,
          validUntil: row.validUntil,
          roamingAllowed: row.roaming,
          status: parties[i] ? "active" : "inactive",
          customerId: parties[i]?.customerId ?? null,
          payerCustomerId: parties[i]?.payerCustomerId ?? null,
        })),
      )
      .returning()
      // A card registered between the check and the insert still makes the whole file fail.
      .catch(duplicateCard);
    const partiesByRfid = new Map(rows.map((row, i) => [row.rfid, parties[i]]));
    for (const card of inserted) {
      const cardParties = partiesByRfid.get(card.rfid);
      if (cardParties) await linkCardParties(tx, p, card.id, cardParties, now);
      await recordAudit(tx, p, {
        action: "card.register",
        entityType: "charge_card",
        entityId: card.id,
        after: card,
      });
    }
    await recordAudit(tx, p, {
      action: "card.import",
      entityType: "charge_card",
      after: { imported: inserted.length, attached, lines: rows.length },
    });
  });
  return { dryRun: false, imported: rows.length, attached };
}
