import { Select, type SelectProps } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useCustomers } from "./customers.api";

/** Pick a company customer by searching its name. */
export function CompanySelect(props: Omit<SelectProps, "data" | "searchable" | "onSearchChange">) {
  const { t } = useTranslation();
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 250);
  const companies = useCustomers({ type: "company", q: q || undefined, page: 1, pageSize: 20 });
  const data = (companies.data?.items ?? []).map((company) => ({
    value: company.id,
    label: `${company.name} (${company.customerNumber})`,
  }));
  return (
    <Select
      {...props}
      searchable
      data={data}
      onSearchChange={setSearch}
      nothingFoundMessage={companies.isFetching ? t("common.loading") : t("customers.noCompanies")}
    />
  );
}
