import { Group, SegmentedControl, TextInput } from "@mantine/core";
import { useDebouncedCallback } from "@mantine/hooks";
import { IconSearch } from "@tabler/icons-react";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { CustomerType } from "../auth/me.types";

export interface CustomerFilterValues {
  q?: string;
  type?: CustomerType;
}

/** Search (debounced) and type filter of the customers list. */
export function CustomerFilters({
  value,
  onChange,
}: {
  value: CustomerFilterValues;
  onChange: (next: CustomerFilterValues) => void;
}) {
  const { t } = useTranslation();
  const [q, setQ] = useState(value.q ?? "");
  const emitSearch = useDebouncedCallback(
    (text: string) => onChange({ ...value, q: text || undefined }),
    300,
  );
  return (
    <Group mb="md" wrap="wrap">
      <TextInput
        leftSection={<IconSearch size={16} aria-hidden />}
        placeholder={t("customers.searchPlaceholder")}
        aria-label={t("customers.search")}
        value={q}
        onChange={(event) => {
          setQ(event.currentTarget.value);
          emitSearch(event.currentTarget.value);
        }}
        style={{ flex: "1 1 240px" }}
      />
      <SegmentedControl
        aria-label={t("customers.typeFilter")}
        value={value.type ?? "all"}
        onChange={(type) => onChange({ ...value, type: type === "all" ? undefined : (type as CustomerType) })}
        data={[
          { value: "all", label: t("customers.allTypes") },
          { value: "private", label: t("customerType.private") },
          { value: "company", label: t("customerType.company") },
          { value: "employee", label: t("customerType.employee") },
        ]}
      />
    </Group>
  );
}
