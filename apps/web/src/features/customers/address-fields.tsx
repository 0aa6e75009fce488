import { SimpleGrid, TextInput } from "@mantine/core";
import type { UseFormReturnType } from "@mantine/form";
import { useTranslation } from "react-i18next";

/** The four address inputs, bound to `address.*` of any Mantine form. */
// biome-ignore lint/suspicious/noExplicitAny: the form's value type varies; only `address.*` paths are used
export function AddressFields({ form, disabled }: { form: UseFormReturnType<any>; disabled?: boolean }) {
  const { t } = useTranslation();
  const field = (name: string, label: string, autoComplete: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      {...extra}
      label={label}
      autoComplete={autoComplete}
      disabled={disabled}
      key={form.key(`address.${name}`)}
      {...form.getInputProps(`address.${name}`)}
    />
  );
  return (
    <SimpleGrid cols={{ base: 1, sm: 2 }}>
      {field("line1", t("customer.addressLine1"), "street-address")}
      {field("postalCode", t("customer.postalCode"), "postal-code")}
      {field("city", t("customer.city"), "address-level2")}
      {field("country", t("customer.country"), "country", {
        maxLength: 2,
        description: t("customer.countryHint"),
        styles: { input: { textTransform: "uppercase" } },
      })}
    </SimpleGrid>
  );
}
