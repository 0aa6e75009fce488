import { randomBytes } from "node:crypto";
import { type Db, type ProviderSettings, platformSettings, providers, systemUsers } from "@voltlane/db";
import { eq, sql } from "drizzle-orm";
import { hashPassword } from "../auth/passwords";

export const defaultProviderSettings: ProviderSettings = {
  invoiceRunDay: 15,
  paymentTermDays: 14,
  selfBillPayoutDays: 45,
  reimbursementPayoutDays: 30,
  minSessionSeconds: 120,
  minSessionWh: 200,
  maxPlausibleSessionWh: 250_000,
  acceptUnknownChargePoints: false,
  reviewBeforeIssue: false,
  ticketAutoCloseDays: 7,
  requireTwoFactor: false,
};

export type BootstrapResult = {
  providerId: string;
  created: boolean;
  admin?: { email: string; generatedPassword?: string };
};

/**
 * R3: the first start on an empty database creates the default provider (the platform operator)
 * and one super system user. Safe to call on every start, and from several processes.
 */
export async function bootstrapPlatform(
  db: Db,
  input: { adminEmail?: string; adminPassword?: string; providerName?: string },
): Promise<BootstrapResult> {
  return db.transaction(async (tx) => {
    // One process at a time decides whether the platform is empty.
    await tx.execute(sql`select pg_advisory_xact_lock(727275)`);
    const [existing] = await tx.select().from(providers).where(eq(providers.isPlatformOperator, true));
    if (existing) return { providerId: existing.id, created: false };
    const [provider] = await tx
      .insert(providers)
      .values({
        slug: "default",
        name: input.providerName ?? "Voltlane",
        invoicePrefix: "VLT",
        isPlatformOperator: true,
        settings: defaultProviderSettings,
      })
      .returning();
    const email = (input.adminEmail ?? "admin@voltlane.local").trim().toLowerCase();
    const generated = input.adminPassword ? undefined : randomBytes(12).toString("base64url");
    await tx.insert(systemUsers).values({
      providerId: provider!.id,
      email,
      name: "Administrator",
      passwordHash: await hashPassword(input.adminPassword ?? generated!),
      roles: ["admin"],
      isSuper: true,
    });
    return { providerId: provider!.id, created: true, admin: { email, generatedPassword: generated } };
  });
}

/** The key that encrypts secrets at rest: from configuration, else generated once and kept. */
export async function loadSecretKey(db: Db, configured?: string): Promise<string> {
  if (configured) return configured;
  const fresh = randomBytes(32).toString("hex");
  await db.insert(platformSettings).values({ key: "secret_key", value: fresh }).onConflictDoNothing();
  const [row] = await db.select().from(platformSettings).where(eq(platformSettings.key, "secret_key"));
  return row!.value;
}
