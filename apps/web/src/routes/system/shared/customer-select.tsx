import { Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCustomer, useCustomers } from "../../../features/customers/customers.api";

/** Pick any customer of the provider by searching its name or number. */
export function CustomerSelect(props: Omit<SelectProps, "data" | "searchable" | "onSearchChange">) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 250);
  const customers = useCustomers({ q: q || undefined, page: 1, pageSize: 20 });
  const data = (customers.data?.items ?? []).map((customer) => ({
    value: customer.id,
    label: `${customer.name} (${customer.customerNumber})`,
  }));
  return (
    <Select
      {...props}
      searchable
      clearable
      data={data}
      onSearchChange={setSearch}
      nothingFoundMessage={customers.isFetching ? t("common.loading") : t("bo.common.noMatches")}
    />
  );
}

/** A customer's name for tables that carry only its id. */
export function CustomerName({ id }: { id: string | null | undefined }) {
  const customer = useCustomer(id ?? undefined);
  if (!id) return <>—</>;
  return <>{customer.data?.name ?? "…"}</>;
}
