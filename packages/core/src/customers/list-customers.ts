import type { CustomerListQuery, CustomerView, Page } from "@voltlane/contracts";
import { customers } from "@voltlane/db";
import { and, asc, count, eq, ilike, or } from "drizzle-orm";
import type { Principal } from "../auth/principal";
import type { CoreDeps } from "../platform/deps";
import { sortOrder } from "../platform/sort-order";
import { loadVisibleCustomer, visibleCustomersWhere } from "./customer-scope";
import { toCustomerViewOne, toCustomerViews } from "./customer-view";

const sortColumns = {
  customerNumber: customers.customerNumber,
  name: customers.name,
  email: customers.email,
  type: customers.type,
  status: customers.status,
  createdAt: customers.createdAt,
};

/** Customers the principal may see (R4, §2), searched on name, e-mail and customer number. */
export async function listCustomers(
  deps: CoreDeps,
  p: Principal,
  query: CustomerListQuery,
): Promise<Page<CustomerView>> {
  const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%` : undefined;
  const where = and(
    visibleCustomersWhere(p),
    query.type ? eq(customers.type, query.type) : undefined,
    query.companyId ? eq(customers.companyId, query.companyId) : undefined,
    query.status ? eq(customers.status, query.status) : undefined,
    pattern
      ? or(
          ilike(customers.name, pattern),
          ilike(customers.email, pattern),
          ilike(customers.customerNumber, pattern),
        )
      : undefined,
  );
  const [{ total } = { total: 0 }] = await deps.db.select({ total: count() }).from(customers).where(where);
  const rows = await deps.db
    .select()
    .from(customers)
    .where(where)
    .orderBy(
      ...sortOrder(query, sortColumns, customers.id, [asc(customers.customerNumber), asc(customers.id)]),
    )
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize);
  return { items: await toCustomerViews(deps.db, rows), total, page: query.page, pageSize: query.pageSize };
}

export async function getCustomer(deps: CoreDeps, p: Principal, id: string): Promise<CustomerView> {
  return toCustomerViewOne(deps.db, await loadVisibleCustomer(deps.db, p, id));
}
