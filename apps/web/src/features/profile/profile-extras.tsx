import {
  Alert,
  Anchor,
  Badge,
  Button,
  Group,
  Paper,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api-client";
import { applyFieldErrors } from "../../lib/form-errors";
import { useAction } from "../../routes/system/shared/use-action";
import type { Customer } from "../customers/customer.types";
import { QueryState } from "../export/query-state";
import { MandatePanel } from "./billing-records";

/** Payment details at a glance (R12: without an IBAN a customer is invoiced but never debited). */
export function PaymentDetails({ customer, readOnly }: { customer: Customer; readOnly: boolean }) {
  const { t } = useTranslation();
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm">
        {t("portal.profile.payment")}
      </Title>
      <Stack gap={4}>
        <Group gap="xs">
          <Text c="dimmed">{t("customer.iban")}:</Text>
          <Text>{customer.iban ?? "—"}</Text>
        </Group>
        <Group gap="xs">
          <Text c="dimmed">{t("customer.accountHolder")}:</Text>
          <Text>{customer.accountHolder ?? "—"}</Text>
        </Group>
        {!customer.iban && (
          <Alert color="yellow" mt="xs">
            {t("portal.profile.noIban")}
          </Alert>
        )}
        <MandatePanel customer={customer} readOnly={readOnly} />
        {!readOnly && (
          <Anchor component={Link} to="/account" size="sm" mt="xs">
            {t("portal.profile.security")}
          </Anchor>
        )}
      </Stack>
    </Paper>
  );
}

interface LoginUser {
  id: string;
  email: string;
  name: string;
  role: string;
  enabled: boolean;
  otpEnabled: boolean;
}

/** Company admins see the company's admin logins and add another (an e-mail invites them). */
export function AdminLogins({ customerId, readOnly }: { customerId: string; readOnly: boolean }) {
  const { t } = useTranslation();
  const users = useQuery({
    queryKey: usersKey(customerId),
    queryFn: () => api<{ items: LoginUser[] }>("GET", `/customers/${encodeURIComponent(customerId)}/users`),
  });
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm">
        {t("portal.profile.logins")}
      </Title>
      <QueryState query={users}>
        {(data) => (
          <Table.ScrollContainer minWidth={400}>
            <Table aria-label={t("portal.profile.logins")}>
              <Table.Tbody>
                {data.items.map((u) => (
                  <Table.Tr key={u.id}>
                    <Table.Td>{u.name}</Table.Td>
                    <Table.Td>{u.email}</Table.Td>
                    <Table.Td>
                      <Badge variant="light" color={u.enabled ? "green" : "gray"}>
                        {u.otpEnabled
                          ? "2FA"
                          : t(u.enabled ? "portal.profile.enabled" : "portal.profile.disabled")}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Table.ScrollContainer>
        )}
      </QueryState>
      {!readOnly && <AddAdminForm customerId={customerId} />}
    </Paper>
  );
}

const usersKey = (customerId: string) => ["customers", "detail", customerId, "users"];

function AddAdminForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const form = useForm({ mode: "controlled", initialValues: { name: "", email: "" } });
  const add = useAction({
    run: (values: typeof form.values) => api<LoginUser>("POST", `/customers/${customerId}/users`, values),
    invalidate: [usersKey(customerId)],
    success: "portal.profile.adminAdded",
    handleError: (error) => applyFieldErrors(form, error),
    onSuccess: () => form.reset(),
  });
  return (
    <form onSubmit={form.onSubmit((values) => add.mutate(values))}>
      <Title order={4} mt="md" mb="xs">
        {t("portal.profile.addAdmin")}
      </Title>
      <Group align="flex-end" wrap="wrap">
        <TextInput label={t("portal.profile.adminName")} required {...form.getInputProps("name")} />
        <TextInput
          label={t("portal.profile.adminEmail")}
          type="email"
          required
          {...form.getInputProps("email")}
        />
        <Button type="submit" loading={add.isPending}>
          {t("portal.profile.addAdmin")}
        </Button>
      </Group>
      <Text size="xs" c="dimmed" mt={4}>
        {t("portal.profile.adminInviteHint")}
      </Text>
    </form>
  );
}
