// Small builders for ticket tests: customers, logins and staff as rows, so that these tests do not
// depend on the customers feature's API.
import { randomBytes } from "node:crypto";
import { customers, type Db, employmentLinks, loginUsers, providers, systemUsers } from "@voltlane/db";
import { eq } from "drizzle-orm";
import { hashPassword } from "../auth/passwords";
import { defaultProviderSettings } from "../providers/bootstrap";

export const fixturePassword = "fixture-password-1";
const suffix = () => randomBytes(4).toString("hex");

export async function defaultProviderId(db: Db): Promise<string> {
  const [row] = await db
    .select({ id: providers.id })
    .from(providers)
    .where(eq(providers.isPlatformOperator, true));
  return row!.id;
}

export async function insertProvider(db: Db, overrides: { ticketAutoCloseDays?: number } = {}) {
  const tag = suffix();
  const [row] = await db
    .insert(providers)
    .values({
      slug: `p-${tag}`,
      name: `Provider ${tag}`,
      invoicePrefix: `P${tag}`.toUpperCase(),
      settings: { ...defaultProviderSettings, ...overrides },
    })
    .returning();
  return row!;
}

type LoginSpec = { email: string; name?: string; language?: "en" | "nl" };

async function insertLogin(db: Db, providerId: string, customerId: string, role: string, login: LoginSpec) {
  const [row] = await db
    .insert(loginUsers)
    .values({
      providerId,
      customerId,
      email: login.email,
      name: login.name ?? login.email.split("@")[0]!,
      passwordHash: await hashPassword(fixturePassword),
      role,
      language: login.language ?? "en",
    })
    .returning();
  return row!;
}

export async function insertCompany(db: Db, providerId: string, name: string, admin: LoginSpec) {
  const [company] = await db
    .insert(customers)
    .values({ providerId, customerNumber: `C-${suffix()}`, type: "company", name })
    .returning();
  const login = await insertLogin(db, providerId, company!.id, "company_admin", admin);
  return { customer: company!, login };
}

export async function insertEmployee(db: Db, providerId: string, companyId: string, login: LoginSpec) {
  const [employee] = await db
    .insert(customers)
    .values({
      providerId,
      customerNumber: `E-${suffix()}`,
      type: "employee",
      name: login.name ?? login.email,
      companyId,
    })
    .returning();
  await db
    .insert(employmentLinks)
    .values({ providerId, companyId, employeeId: employee!.id, webAccess: true });
  return { customer: employee!, login: await insertLogin(db, providerId, employee!.id, "employee", login) };
}

export async function insertSystemUser(
  db: Db,
  providerId: string,
  spec: { email: string; roles: string[]; ticketNotify?: string; language?: "en" | "nl"; name?: string },
) {
  const [row] = await db
    .insert(systemUsers)
    .values({
      providerId,
      email: spec.email,
      name: spec.name ?? spec.email.split("@")[0]!,
      passwordHash: await hashPassword(fixturePassword),
      roles: spec.roles,
      ticketNotify: spec.ticketNotify ?? "email",
      language: spec.language ?? "en",
    })
    .returning();
  return row!;
}
