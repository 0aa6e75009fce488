import { Alert, Anchor, Badge, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import { Link } from "@tanstack/react-router";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api-client";
import type { Customer } from "../customers/customer.types";
import { QueryState } from "../export/query-state";

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

/** Company admins see the company's admin logins. */
export function AdminLogins({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const users = useQuery({
    queryKey: ["customers", "detail", customerId, "users"],
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
    </Paper>
  );
}
