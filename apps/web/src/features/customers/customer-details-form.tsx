import { Alert, Button, Fieldset, Group, Select, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { errorMessage, notifySuccess } from "../../lib/error-message";
import { applyFieldErrors } from "../../lib/form-errors";
import type { Language } from "../auth/me.types";
import { AddressFields } from "./address-fields";
import type { Customer, CustomerPatch } from "./customer.types";
import { useUpdateCustomer } from "./customers.api";

const text = (value: string | null | undefined) => value ?? "";

function initialValues(customer: Customer) {
  return {
    name: customer.name,
    email: customer.email,
    phone: text(customer.phone),
    invoiceEmail: text(customer.invoiceEmail),
    language: customer.language,
    address: {
      line1: text(customer.address?.line1),
      postalCode: text(customer.address?.postalCode),
      city: text(customer.address?.city),
      country: text(customer.address?.country),
    },
    iban: text(customer.iban),
    bic: text(customer.bic),
    accountHolder: text(customer.accountHolder),
    vatNumber: text(customer.vatNumber),
    cocNumber: text(customer.cocNumber),
  };
}

type Values = ReturnType<typeof initialValues>;

/** The API wants absent address parts left out, not empty strings. */
function cleanAddress(address: Values["address"]) {
  return Object.fromEntries(
    Object.entries(address).flatMap(([key, value]) =>
      value.trim() ? [[key, key === "country" ? value.trim().toUpperCase() : value.trim()]] : [],
    ),
  );
}

/** Only what changed is sent (PATCH); empty optional fields are cleared with null. */
function toPatch(values: Values, before: Values): CustomerPatch {
  const patch: Record<string, unknown> = {};
  for (const key of Object.keys(values) as (keyof Values)[]) {
    if (JSON.stringify(values[key]) === JSON.stringify(before[key])) continue;
    const value = values[key];
    if (typeof value === "string") patch[key] = value.trim() === "" ? null : value.trim();
    else if (key === "address") patch[key] = cleanAddress(values.address);
    else patch[key] = value;
  }
  return patch as CustomerPatch;
}

interface Props {
  customer: Customer;
  readOnly?: boolean;
  onSaved?: (customer: Customer) => void;
}

/** Customer data as edited by system users (Edit) and by the customer itself (Profile tab). */
export function CustomerDetailsForm({ customer, readOnly, onSaved }: Props) {
  const { t } = useTranslation();
  const update = useUpdateCustomer(customer.id);
  const before = initialValues(customer);
  const form = useForm<Values>({ mode: "uncontrolled", initialValues: before });
  const field = (path: keyof Values, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput
      label={label}
      disabled={readOnly}
      key={form.key(path)}
      {...form.getInputProps(path)}
      {...extra}
    />
  );
  const onSubmit = form.onSubmit((values) =>
    update.mutate(toPatch(values, before), {
      onSuccess: (saved) => {
        form.resetDirty(values);
        notifySuccess(t("customers.saved"));
        onSaved?.(saved);
      },
      onError: (error) => applyFieldErrors(form, error),
    }),
  );
  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack>
        {update.error && (
          <Alert color="red" role="alert">
            {errorMessage(update.error, t)}
          </Alert>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {field("name", customer.type === "company" ? t("customer.companyName") : t("customer.name"), {
            required: true,
          })}
          {field("email", t("customer.email"), { required: true, type: "email" })}
          {field("phone", t("customer.phone"), { type: "tel" })}
          {field("invoiceEmail", t("customer.invoiceEmail"), { type: "email" })}
          <Select
            label={t("customer.language")}
            disabled={readOnly}
            allowDeselect={false}
            data={[
              { value: "en", label: "English" },
              { value: "nl", label: "Nederlands" },
            ]}
            key={form.key("language")}
            {...form.getInputProps("language")}
            onChange={(value) => form.setFieldValue("language", (value ?? "en") as Language)}
          />
        </SimpleGrid>
        <Fieldset legend={t("customer.address")} disabled={readOnly}>
          <AddressFields form={form} disabled={readOnly} />
        </Fieldset>
        <Fieldset legend={t("customer.billing")} disabled={readOnly}>
          <SimpleGrid cols={{ base: 1, sm: 2 }}>
            {field("iban", t("customer.iban"))}
            {field("bic", t("customer.bic"))}
            {field("accountHolder", t("customer.accountHolder"))}
            {customer.type === "company" && field("vatNumber", t("customer.vatNumber"))}
            {customer.type === "company" && field("cocNumber", t("customer.cocNumber"))}
          </SimpleGrid>
        </Fieldset>
        {!readOnly && (
          <Group>
            <Button type="submit" loading={update.isPending}>
              {t("common.save")}
            </Button>
          </Group>
        )}
      </Stack>
    </form>
  );
}
