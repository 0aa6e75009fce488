import type {
  CreateTariffInput,
  Page,
  TariffDto,
  TariffListQuery,
  UpdateTariffInput,
} from "@voltlane/contracts";
import { chargeGroups, type Db, providers, tariffExceptions, tariffs } from "@voltlane/db";
import { and, asc, count, eq, ilike, inArray, or, type SQL } from "drizzle-orm";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { AppError, businessRule, isUniqueViolation, notFound } from "../errors/app-error";
import { parsePrice } from "../money/price";
import { parseVatRate } from "../money/vat-rate";
import type { CoreDeps } from "../platform/deps";
import { sortOrder } from "../platform/sort-order";
import { assertCan } from "../policy/can";
import { validateTariffForGroup } from "./validate-tariff-for-group";

type TariffRow = typeof tariffs.$inferSelect;

export function toTariffDto(t: TariffRow): TariffDto {
  return {
    id: t.id,
    name: t.name,
    currency: t.currency,
    startFee: t.startFee,
    energyPrice: t.energyPrice,
    timePrice: t.timePrice,
    idleFee: t.idleFee,
    idleGraceMinutes: t.idleGraceMinutes,
    idleFeeCap: t.idleFeeCap,
    marginPerKwh: t.marginPerKwh,
    vatRate: t.vatRate,
    validFrom: t.validFrom?.toISOString() ?? null,
    validTo: t.validTo?.toISOString() ?? null,
    version: t.version,
    status: t.status as TariffDto["status"],
  };
}

/** R1: prices normalised to 4 decimals, VAT to 2, before they reach the table. */
function normalise(input: UpdateTariffInput) {
  const price = (field: "startFee" | "energyPrice" | "timePrice" | "idleFee" | "marginPerKwh") => {
    const value = input[field];
    return value === undefined ? undefined : parsePrice(value, { field });
  };
  const date = (v: string | null | undefined) =>
    v === undefined ? undefined : v === null ? null : new Date(v);
  const values = {
    name: input.name,
    currency: input.currency,
    startFee: price("startFee"),
    energyPrice: price("energyPrice"),
    timePrice: price("timePrice"),
    idleFee: price("idleFee"),
    idleGraceMinutes: input.idleGraceMinutes,
    idleFeeCap: input.idleFeeCap,
    marginPerKwh: price("marginPerKwh"),
    vatRate: input.vatRate === undefined ? undefined : parseVatRate(input.vatRate),
    validFrom: date(input.validFrom),
    validTo: date(input.validTo),
  };
  return Object.fromEntries(Object.entries(values).filter(([, v]) => v !== undefined)) as Partial<TariffRow>;
}

function assertValidPeriod(t: Pick<TariffRow, "validFrom" | "validTo">) {
  if (t.validFrom && t.validTo && t.validTo <= t.validFrom) {
    throw new AppError("validation_failed", "validTo must be after validFrom", [
      { path: "validTo", message: "before validFrom" },
    ]);
  }
}

function duplicateName(error: unknown): never {
  if (isUniqueViolation(error, "tariffs_name_uq"))
    throw new AppError("duplicate", "a tariff with this name exists");
  throw error;
}

export async function loadTariff(db: Db, p: Principal, id: string): Promise<TariffRow> {
  const [row] = await db
    .select()
    .from(tariffs)
    .where(and(eq(tariffs.id, id), eq(tariffs.providerId, p.providerId)));
  if (!row) throw notFound("tariff");
  return row;
}

export async function createTariff(
  deps: CoreDeps,
  p: Principal,
  input: CreateTariffInput,
): Promise<TariffDto> {
  assertCan(p, "tariffs", "write");
  return deps.db.transaction(async (tx) => {
    const [provider] = await tx
      .select({ currency: providers.currency })
      .from(providers)
      .where(eq(providers.id, p.providerId));
    const values = { currency: provider!.currency, ...normalise(input) } as TariffRow;
    assertValidPeriod(values);
    const [row] = await tx
      .insert(tariffs)
      .values({ ...values, providerId: p.providerId })
      .returning()
      .catch(duplicateName);
    await recordAudit(tx, p, {
      action: "tariff.create",
      entityType: "tariff",
      entityId: row!.id,
      after: row,
    });
    return toTariffDto(row!);
  });
}

/** Each edit makes a new version (R33: sessions keep the snapshot they started with). */
export async function updateTariff(
  deps: CoreDeps,
  p: Principal,
  id: string,
  input: UpdateTariffInput,
): Promise<TariffDto> {
  assertCan(p, "tariffs", "write");
  return deps.db.transaction(async (tx) => {
    const before = await loadTariff(tx, p, id);
    const changes = normalise(input);
    assertValidPeriod({ ...before, ...changes });
    if (changes.energyPrice !== undefined) await assertGroupsAllow(tx, id, changes.energyPrice);
    const [after] = await tx
      .update(tariffs)
      .set({ ...changes, version: before.version + 1, updatedAt: deps.clock.now() })
      .where(eq(tariffs.id, id))
      .returning()
      .catch(duplicateName);
    await recordAudit(tx, p, { action: "tariff.update", entityType: "tariff", entityId: id, before, after });
    return toTariffDto(after!);
  });
}

/** R23 for an edited energy price: every group using the tariff must still allow it. */
async function assertGroupsAllow(db: Db, tariffId: string, energyPrice: string) {
  const viaException = db
    .select({ id: tariffExceptions.chargeGroupId })
    .from(tariffExceptions)
    .where(eq(tariffExceptions.tariffId, tariffId));
  const groups = await db
    .select({ type: chargeGroups.type, access: chargeGroups.access })
    .from(chargeGroups)
    .where(or(eq(chargeGroups.tariffId, tariffId), inArray(chargeGroups.id, viaException)));
  for (const g of groups) {
    const check = validateTariffForGroup({ energyPrice }, g as Parameters<typeof validateTariffForGroup>[1]);
    if (!check.ok)
      throw businessRule(
        "R23",
        "energy price with more than 2 decimals only in home groups with access attached",
      );
  }
}

/** Tariffs are never deleted (snapshots and invoices refer to them): deleting archives. */
export async function archiveTariff(deps: CoreDeps, p: Principal, id: string): Promise<void> {
  assertCan(p, "tariffs", "write");
  await deps.db.transaction(async (tx) => {
    const before = await loadTariff(tx, p, id);
    const [inUse] = await tx.select({ n: count() }).from(chargeGroups).where(eq(chargeGroups.tariffId, id));
    if ((inUse?.n ?? 0) > 0) throw new AppError("conflict", "the tariff is used by a charge group");
    await tx
      .update(tariffs)
      .set({ status: "archived", updatedAt: deps.clock.now() })
      .where(eq(tariffs.id, id));
    await recordAudit(tx, p, {
      action: "tariff.archive",
      entityType: "tariff",
      entityId: id,
      before,
      after: { status: "archived" },
    });
  });
}

export async function getTariff(deps: CoreDeps, p: Principal, id: string): Promise<TariffDto> {
  assertCan(p, "tariffs", "read");
  return toTariffDto(await loadTariff(deps.db, p, id));
}

const tariffSortColumns = {
  name: tariffs.name,
  currency: tariffs.currency,
  status: tariffs.status,
  validFrom: tariffs.validFrom,
  createdAt: tariffs.createdAt,
};

export async function listTariffs(
  deps: CoreDeps,
  p: Principal,
  query: TariffListQuery,
): Promise<Page<TariffDto>> {
  assertCan(p, "tariffs", "read");
  const where: SQL[] = [eq(tariffs.providerId, p.providerId)];
  if (query.q) where.push(ilike(tariffs.name, `%${query.q}%`));
  if (query.status) where.push(eq(tariffs.status, query.status));
  const [rows, [total]] = await Promise.all([
    deps.db
      .select()
      .from(tariffs)
      .where(and(...where))
      .orderBy(...sortOrder(query, tariffSortColumns, tariffs.id, [asc(tariffs.name), asc(tariffs.id)]))
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize),
    deps.db
      .select({ n: count() })
      .from(tariffs)
      .where(and(...where)),
  ]);
  return { items: rows.map(toTariffDto), total: total?.n ?? 0, page: query.page, pageSize: query.pageSize };
}
