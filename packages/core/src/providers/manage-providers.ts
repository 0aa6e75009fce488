import type { createProviderSchema, updateProviderSchema } from "@voltlane/contracts";
import { providers, systemUsers } from "@voltlane/db";
import { eq } from "drizzle-orm";
import type { z } from "zod";
import { recordAudit } from "../audit/record-audit";
import { hashPassword } from "../auth/passwords";
import { issueSetPasswordLink } from "../auth/passwords-flow";
import type { Principal } from "../auth/principal";
import { AppError, isUniqueViolation } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { assertCan } from "../policy/can";
import { defaultProviderSettings } from "./bootstrap";

type ProviderRow = typeof providers.$inferSelect;

export function presentProvider(p: ProviderRow) {
  return {
    id: p.id,
    slug: p.slug,
    name: p.name,
    legalName: p.legalName,
    address: p.address ?? null,
    vatNumber: p.vatNumber,
    cocNumber: p.cocNumber,
    iban: p.iban,
    bic: p.bic,
    country: p.country,
    currency: p.currency,
    timeZone: p.timeZone,
    invoicePrefix: p.invoicePrefix,
    isPlatformOperator: p.isPlatformOperator,
    status: p.status,
    settings: { ...defaultProviderSettings, ...p.settings },
  };
}

export async function getOwnProvider(deps: CoreDeps, p: Principal) {
  const [row] = await deps.db.select().from(providers).where(eq(providers.id, p.providerId));
  if (!row) throw new AppError("not_found", "provider not found");
  return row;
}

/** Provider settings: super and admin edit, other staff read (§2 "Provider settings"). */
export async function updateOwnProvider(
  deps: CoreDeps,
  p: Principal,
  input: z.infer<typeof updateProviderSchema>,
) {
  assertCan(p, "provider_settings", "write");
  if (input.timeZone) assertTimeZone(input.timeZone);
  return deps.db.transaction(async (tx) => {
    const [before] = await tx.select().from(providers).where(eq(providers.id, p.providerId)).for("update");
    if (!before) throw new AppError("not_found", "provider not found");
    const { settings, ...rest } = input;
    const [after] = await tx
      .update(providers)
      .set({
        ...rest,
        ...(settings ? { settings: { ...defaultProviderSettings, ...before.settings, ...settings } } : {}),
        updatedAt: deps.clock.now(),
      })
      .where(eq(providers.id, p.providerId))
      .returning();
    await recordAudit(tx, p, {
      action: "provider.update",
      entityType: "provider",
      entityId: p.providerId,
      before,
      after,
    });
    return after!;
  });
}

function assertTimeZone(tz: string) {
  try {
    new Intl.DateTimeFormat("en", { timeZone: tz });
  } catch {
    throw new AppError("validation_failed", "unknown time zone", [
      { path: "timeZone", message: "unknown time zone" },
    ]);
  }
}

function assertPlatformOperator(p: Principal) {
  if (p.kind !== "system" || !p.isPlatformOperator || !p.isSuper) {
    throw new AppError("forbidden", "only the platform operator's super users manage providers");
  }
}

export async function listProviders(deps: CoreDeps, p: Principal) {
  assertPlatformOperator(p);
  return deps.db.select().from(providers).orderBy(providers.createdAt);
}

/** A new white-label provider with its first super user (DOMAIN.md §2, platform operator only). */
export async function createProvider(
  deps: CoreDeps,
  p: Principal,
  input: z.infer<typeof createProviderSchema>,
) {
  assertPlatformOperator(p);
  assertTimeZone(input.timeZone);
  const created = await deps.db
    .transaction(async (tx) => {
      const [provider] = await tx
        .insert(providers)
        .values({
          slug: input.slug,
          name: input.name,
          invoicePrefix: input.invoicePrefix,
          country: input.country,
          currency: input.currency,
          timeZone: input.timeZone,
          settings: defaultProviderSettings,
        })
        .returning();
      const [admin] = await tx
        .insert(systemUsers)
        .values({
          providerId: provider!.id,
          email: input.admin.email.toLowerCase(),
          name: input.admin.name,
          passwordHash: input.admin.password ? await hashPassword(input.admin.password) : null,
          roles: ["admin"],
          isSuper: true,
        })
        .returning();
      await recordAudit(tx, p, {
        action: "provider.create",
        entityType: "provider",
        entityId: provider!.id,
        after: provider,
      });
      return { provider: provider!, admin: admin! };
    })
    .catch((error) => {
      if (isUniqueViolation(error))
        throw new AppError("duplicate", "slug or invoice prefix is already taken");
      throw error;
    });
  if (!input.admin.password) {
    await issueSetPasswordLink(
      deps,
      { ...created.admin, userKind: "system", language: created.admin.language },
      "invitation",
    );
  }
  return created.provider;
}
