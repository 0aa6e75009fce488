import { Select, type SelectProps } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { api, type Page } from "../../../lib/api-client";

type Listable = "/tariffs" | "/charge-groups" | "/locations" | "/grids" | "/system-users";

interface Named {
  id: string;
  name: string;
  code?: string;
  version?: number;
}

/** Options for a small back-office list (tariffs, groups, locations, grids, staff). */
export function useOptions(path: Listable) {
  return useQuery({
    queryKey: [path.slice(1), "options"],
    queryFn: () => api<Page<Named>>("GET", `${path}?pageSize=500`),
    select: (page) =>
      page.items.map((item) => ({
        value: item.id,
        label: item.code ? `${item.name} (${item.code})` : item.name,
      })),
    staleTime: 30_000,
  });
}

/** A searchable select over one of those lists. */
export function EntitySelect({ path, ...props }: { path: Listable } & Omit<SelectProps, "data">) {
  const { t } = useTranslation();
  const options = useOptions(path);
  return (
    <Select
      searchable
      clearable
      nothingFoundMessage={t("bo.common.noMatches")}
      {...props}
      data={options.data ?? []}
    />
  );
}

/** The label of one option, for tables that carry only ids. */
export function useOptionLabel(path: Listable) {
  const options = useOptions(path);
  return (id: string | null | undefined) =>
    id ? (options.data?.find((option) => option.value === id)?.label ?? "…") : "—";
}
