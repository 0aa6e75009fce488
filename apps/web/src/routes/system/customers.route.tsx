import { Alert, Button, Group, Loader, Pagination, Text } from "@mantine/core";
import { IconPlus } from "@tabler/icons-react";
import { createRoute, Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { allRowsOf } from "../../components/fetch-all-rows";
import type { TableSort } from "../../components/table-sort";
import type { CustomerType } from "../../features/auth/me.types";
import type { Customer } from "../../features/customers/customer.types";
import { CustomerFilters } from "../../features/customers/customer-filters";
import { useCustomers } from "../../features/customers/customers.api";
import { CustomersTable } from "../../features/customers/customers-table";
import { EmptyState } from "../../features/ui/empty-state";
import { PageTitle } from "../../features/ui/page-title";
import { errorMessage } from "../../lib/error-message";
import { systemRoute } from "./system.route";

const PAGE_SIZE = 25;
const TYPES: readonly string[] = ["private", "company", "employee"];

interface CustomersSearch {
  page?: number;
  q?: string;
  type?: CustomerType;
  /** `?sort=&order=` of GET /customers (an unknown field is the API's 400). */
  sort?: string;
  order?: "asc" | "desc";
}

/** Search, filter and page live in the URL, so a list can be bookmarked and the back button works. */
export const customersRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/customers",
  validateSearch: (search: Record<string, unknown>): CustomersSearch => ({
    page: Number(search.page) > 1 ? Math.floor(Number(search.page)) : undefined,
    q: typeof search.q === "string" && search.q ? search.q : undefined,
    type:
      typeof search.type === "string" && TYPES.includes(search.type)
        ? (search.type as CustomerType)
        : undefined,
    sort: typeof search.sort === "string" && /^[a-zA-Z]+$/.test(search.sort) ? search.sort : undefined,
    order: search.order === "desc" ? "desc" : search.order === "asc" ? "asc" : undefined,
  }),
  component: CustomersPage,
});

function CustomersPage() {
  const { t } = useTranslation();
  const search = customersRoute.useSearch();
  const navigate = customersRoute.useNavigate();
  const page = search.page ?? 1;
  const filters = { q: search.q, type: search.type, sort: search.sort, order: search.order };
  const customers = useCustomers({ page, pageSize: PAGE_SIZE, ...filters });
  const sort: TableSort = search.sort ? { id: search.sort, dir: search.order ?? "asc" } : null;
  const pages = customers.data ? Math.max(1, Math.ceil(customers.data.total / PAGE_SIZE)) : 1;
  return (
    <>
      <PageTitle
        actions={
          <Button component={Link} to="/customers/new" leftSection={<IconPlus size={16} aria-hidden />}>
            {t("customers.new")}
          </Button>
        }
      >
        {t("customers.title")}
      </PageTitle>
      <CustomerFilters
        value={{ q: search.q, type: search.type }}
        onChange={(next) =>
          void navigate({ search: { ...next, sort: search.sort, order: search.order, page: undefined } })
        }
      />
      {customers.isPending && <Loader aria-label={t("common.loading")} />}
      {customers.isError && (
        <Alert color="red" role="alert">
          {errorMessage(customers.error, t)}
        </Alert>
      )}
      {customers.data && customers.data.items.length === 0 && (
        <EmptyState title={t("customers.none")} description={t("customers.noneHint")} />
      )}
      {customers.data && customers.data.items.length > 0 && (
        <>
          <CustomersTable
            customers={customers.data.items}
            sort={sort}
            onSort={(next) =>
              void navigate({
                search: (prev) => ({ ...prev, sort: next?.id, order: next?.dir, page: undefined }),
              })
            }
            exportAll={allRowsOf<Customer>("customers", filters)}
          />
          <Group justify="space-between" mt="md" wrap="wrap">
            <Text size="sm" c="dimmed">
              {t("common.total", { count: customers.data.total })}
            </Text>
            <Pagination
              total={pages}
              value={page}
              onChange={(next) =>
                void navigate({ search: (prev) => ({ ...prev, page: next > 1 ? next : undefined }) })
              }
              getControlProps={(control) => ({ "aria-label": t(`pagination.${control}`) })}
            />
          </Group>
        </>
      )}
    </>
  );
}
