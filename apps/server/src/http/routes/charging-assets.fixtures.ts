import { randomBytes } from "node:crypto";
import { hashPassword } from "@voltlane/core";
import { customers, loginUsers, providers, systemUsers } from "@voltlane/db";
import { eq } from "drizzle-orm";
import { type ApiClient, startTestServer, type TestServer } from "../../../../../test/helpers/test-server";

// Builders for the charging-asset route tests: rows go straight into the database, logins go
// through the real login endpoint.
const password = "fixture-password-1";
const tag = () => randomBytes(4).toString("hex");

/** A test server with its platform admin logged in and the default provider's id (route tests). */
export async function startAdminServer(): Promise<{
  server: TestServer;
  admin: ApiClient;
  providerId: string;
}> {
  const server = await startTestServer();
  const admin = await server.login(server.admin.email, server.admin.password);
  return { server, admin, providerId: await defaultProviderId(server) };
}

export async function defaultProviderId(server: TestServer): Promise<string> {
  const [row] = await server.core.db.select().from(providers).where(eq(providers.isPlatformOperator, true));
  return row!.id;
}

export async function anotherProvider(server: TestServer): Promise<string> {
  const [base] = await server.core.db.select().from(providers).where(eq(providers.isPlatformOperator, true));
  const t = tag();
  const [row] = await server.core.db
    .insert(providers)
    .values({ slug: `o-${t}`, name: "Other", invoicePrefix: t.toUpperCase(), settings: base!.settings })
    .returning();
  return row!.id;
}

export async function aStaff(server: TestServer, providerId: string, roles: string[]): Promise<ApiClient> {
  const email = `staff-${tag()}@x.test`;
  await server.core.db
    .insert(systemUsers)
    .values({ providerId, email, name: "Staff", roles, passwordHash: await hashPassword(password) });
  return server.login(email, password);
}

type CustomerValues = Partial<typeof customers.$inferInsert>;

export async function aCustomer(server: TestServer, providerId: string, values: CustomerValues = {}) {
  const [row] = await server.core.db
    .insert(customers)
    .values({ providerId, customerNumber: tag(), type: "private", name: "Customer", ...values })
    .returning();
  return row!;
}

/** A customer with a login; role follows the customer type. */
export async function aCustomerLogin(server: TestServer, providerId: string, values: CustomerValues = {}) {
  const customer = await aCustomer(server, providerId, values);
  const role = { private: "private_user", company: "company_admin", employee: "employee" }[customer.type]!;
  const email = `c-${tag()}@x.test`;
  await server.core.db.insert(loginUsers).values({
    providerId,
    customerId: customer.id,
    email,
    name: customer.name,
    role,
    passwordHash: await hashPassword(password),
  });
  return { customer, api: await server.login(email, password) };
}
