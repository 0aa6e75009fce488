import { type CoreDeps, hashPassword, login, type Principal, resolvePrincipal } from "@voltlane/core";
import { customers, type Db, loginUsers } from "@voltlane/db";
import { and, eq } from "drizzle-orm";
import { SUBJECTS } from "./generate-report-data";

export const BENCH_PASSWORD = "bench-password-1";
export const SYSTEM_EMAIL = "bench@voltlane.test";

export type SubjectKey = "system" | "companyAdmin" | "privateUser";
export type Subject = { key: SubjectKey; label: string; email: string; customerId: string | null };
export type Subjects = Record<SubjectKey, Subject> & { bigCompanyId: string; privateCustomerId: string };

/**
 * The three kinds of user the reports serve: the provider's system user (made by bootstrapPlatform),
 * the big company's admin and a typical private customer (logins added here, once, with a real
 * argon2 password, so the HTTP part logs in the way a browser does).
 */
export async function ensureSubjects(db: Db, providerId: string): Promise<Subjects> {
  const customerId = async (number: string) => {
    const [row] = await db
      .select({ id: customers.id })
      .from(customers)
      .where(and(eq(customers.providerId, providerId), eq(customers.customerNumber, number)));
    if (!row) throw new Error(`customer ${number} missing: regenerate the data (--regenerate)`);
    return row.id;
  };
  const bigCompanyId = await customerId(SUBJECTS.bigCompany);
  const privateCustomerId = await customerId(SUBJECTS.privateCustomer);
  const passwordHash = await hashPassword(BENCH_PASSWORD);
  const logins = [
    { customerId: bigCompanyId, email: "admin@big.bench.test", name: "Big admin", role: "company_admin" },
    {
      customerId: privateCustomerId,
      email: "private@bench.test",
      name: "Private user",
      role: "private_user",
    },
  ];
  await db
    .insert(loginUsers)
    .values(logins.map((l) => ({ ...l, providerId, passwordHash })))
    .onConflictDoNothing();
  return {
    bigCompanyId,
    privateCustomerId,
    system: { key: "system", label: "system user", email: SYSTEM_EMAIL, customerId: null },
    companyAdmin: {
      key: "companyAdmin",
      label: "company admin",
      email: logins[0]!.email,
      customerId: bigCompanyId,
    },
    privateUser: {
      key: "privateUser",
      label: "private user",
      email: logins[1]!.email,
      customerId: privateCustomerId,
    },
  };
}

/** The principal of each subject, resolved exactly as the HTTP auth plugin does (login → token → principal). */
export async function principalsOf(
  deps: CoreDeps,
  subjects: Subjects,
): Promise<Record<SubjectKey, Principal>> {
  const resolve = async (s: Subject) => {
    const { sessionToken } = await login(deps, { email: s.email, password: BENCH_PASSWORD });
    const resolved = await resolvePrincipal(deps.db, deps.clock, sessionToken);
    if (!resolved) throw new Error(`no principal for ${s.email}`);
    return resolved.principal;
  };
  return {
    system: await resolve(subjects.system),
    companyAdmin: await resolve(subjects.companyAdmin),
    privateUser: await resolve(subjects.privateUser),
  };
}
