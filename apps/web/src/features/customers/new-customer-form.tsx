import {
  Alert,
  Button,
  Fieldset,
  Group,
  PasswordInput,
  SegmentedControl,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { errorMessage } from "../../lib/error-message";
import { applyFieldErrors } from "../../lib/form-errors";
import type { CustomerType } from "../auth/me.types";
import { AddressFields } from "./address-fields";
import { CompanySelect } from "./company-select";
import type { Customer } from "./customer.types";
import { useCreateCustomer } from "./customers.api";
import {
  emptyNewCustomer,
  type NewCustomerValues,
  toNewCustomer,
  validateNewCustomer,
} from "./new-customer-values";

/** New private user, company (with its first company admin) or employee of a company. */
export function NewCustomerForm({ onCreated }: { onCreated: (customer: Customer) => void }) {
  const { t } = useTranslation();
  const create = useCreateCustomer();
  const form = useForm<NewCustomerValues>({
    initialValues: emptyNewCustomer,
    validate: (values) => validateNewCustomer(values, t),
  });
  const type = form.values.type;
  const onSubmit = form.onSubmit((values) =>
    create.mutate(toNewCustomer(values), {
      onSuccess: onCreated,
      onError: (error) => applyFieldErrors(form, error),
    }),
  );
  const text = (path: string, label: string, extra: Record<string, unknown> = {}) => (
    <TextInput label={label} key={form.key(path)} {...form.getInputProps(path)} {...extra} />
  );
  const passwordHint = t("customers.passwordHint");

  return (
    <form onSubmit={onSubmit} noValidate>
      <Stack maw={720}>
        {create.error && (
          <Alert color="red" role="alert">
            {errorMessage(create.error, t)}
          </Alert>
        )}
        <SegmentedControl
          aria-label={t("customer.type")}
          value={type}
          onChange={(value) => form.setFieldValue("type", value as CustomerType)}
          data={[
            { value: "company", label: t("customerType.company") },
            { value: "private", label: t("customerType.private") },
            { value: "employee", label: t("customerType.employee") },
          ]}
        />
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text("name", type === "company" ? t("customer.companyName") : t("customer.name"), {
            required: true,
          })}
          {text("email", t("customer.email"), { required: true, type: "email" })}
        </SimpleGrid>
        {type === "employee" && (
          <Group align="flex-end" wrap="wrap">
            <CompanySelect
              label={t("customer.company")}
              required
              style={{ flex: "1 1 260px" }}
              key={form.key("companyId")}
              {...form.getInputProps("companyId")}
            />
            <Switch
              label={t("customer.webAccess")}
              key={form.key("webAccess")}
              {...form.getInputProps("webAccess", { type: "checkbox" })}
            />
          </Group>
        )}
        {type !== "employee" && (
          <Fieldset legend={t("customer.address")}>
            <AddressFields form={form} />
          </Fieldset>
        )}
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {text("iban", t("customer.iban"))}
          {type === "company" && text("vatNumber", t("customer.vatNumber"))}
          {type === "company" && text("cocNumber", t("customer.cocNumber"))}
        </SimpleGrid>
        {type === "company" ? (
          <Fieldset legend={t("customers.companyAdmin")}>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {text("admin.name", t("customers.adminName"), { required: true })}
              {text("admin.email", t("customers.adminEmail"), { required: true, type: "email" })}
              <PasswordInput
                label={t("customers.adminPassword")}
                description={passwordHint}
                autoComplete="new-password"
                key={form.key("admin.password")}
                {...form.getInputProps("admin.password")}
              />
            </SimpleGrid>
          </Fieldset>
        ) : (
          <PasswordInput
            label={t("auth.password")}
            description={passwordHint}
            autoComplete="new-password"
            maw={340}
            key={form.key("password")}
            {...form.getInputProps("password")}
          />
        )}
        <Group>
          <Button type="submit" loading={create.isPending}>
            {t("customers.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
