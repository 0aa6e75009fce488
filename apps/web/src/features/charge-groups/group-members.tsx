import { ActionIcon, Button, Group, Paper, Stack, Table, Text, Title } from "@mantine/core";
import { IconTrash } from "@tabler/icons-react";
import type { ChargeGroupDto } from "@voltlane/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api-client";
import { formatDate } from "../../lib/format";
import { CustomerName, CustomerSelect } from "../../routes/system/shared/customer-select";
import { EntitySelect, useOptionLabel } from "../../routes/system/shared/entity-select";
import { useAction } from "../../routes/system/shared/use-action";

const base = (id: string) => `/charge-groups/${id}`;

/** Members (R21 access `attached`) and per-customer tariff exceptions (R22). */
export function GroupMembers({ group }: { group: ChargeGroupDto }) {
  const { t, i18n } = useTranslation();
  const [customerId, setCustomerId] = useState<string | null>(null);
  const invalidate = [["charge-groups"]];
  const add = useAction({
    run: (id: string) => api("POST", `${base(group.id)}/members`, { customerId: id }),
    invalidate,
    success: "bo.chargeGroups.memberAdded",
    onSuccess: () => setCustomerId(null),
  });
  const remove = useAction({
    run: (id: string) => api("DELETE", `${base(group.id)}/members/${id}`),
    invalidate,
  });
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm">
        {t("bo.chargeGroups.members")}
      </Title>
      <Group align="flex-end" mb="sm">
        <CustomerSelect label={t("bo.chargeGroups.customer")} value={customerId} onChange={setCustomerId} />
        <Button
          disabled={!customerId}
          loading={add.isPending}
          onClick={() => customerId && add.mutate(customerId)}
        >
          {t("bo.chargeGroups.addMember")}
        </Button>
      </Group>
      {(group.members ?? []).length === 0 ? (
        <Text c="dimmed">{t("bo.chargeGroups.noMembers")}</Text>
      ) : (
        <Table aria-label={t("bo.chargeGroups.members")}>
          <Table.Tbody>
            {(group.members ?? []).map((m) => (
              <Table.Tr key={m.customerId}>
                <Table.Td>
                  <CustomerName id={m.customerId} />
                </Table.Td>
                <Table.Td>{formatDate(m.validFrom, i18n.language)}</Table.Td>
                <Table.Td>
                  <ActionIcon
                    variant="subtle"
                    color="red"
                    aria-label={t("bo.common.remove")}
                    onClick={() => remove.mutate(m.customerId)}
                  >
                    <IconTrash size={16} aria-hidden />
                  </ActionIcon>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}

export function TariffExceptions({ group }: { group: ChargeGroupDto }) {
  const { t } = useTranslation();
  const tariffLabel = useOptionLabel("/tariffs");
  const [customerId, setCustomerId] = useState<string | null>(null);
  const [tariffId, setTariffId] = useState<string | null>(null);
  const invalidate = [["charge-groups"]];
  const set = useAction({
    run: (input: { customerId: string; tariffId: string }) =>
      api("PUT", `${base(group.id)}/exceptions/${input.customerId}`, { tariffId: input.tariffId }),
    invalidate,
    success: "bo.chargeGroups.exceptionSaved",
  });
  const remove = useAction({
    run: (id: string) => api("DELETE", `${base(group.id)}/exceptions/${id}`),
    invalidate,
  });
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm">
        {t("bo.chargeGroups.exceptions")}
      </Title>
      <Stack gap="xs">
        <Group align="flex-end" wrap="wrap">
          <CustomerSelect label={t("bo.chargeGroups.customer")} value={customerId} onChange={setCustomerId} />
          <EntitySelect
            path="/tariffs"
            label={t("bo.chargeGroups.tariff")}
            value={tariffId}
            onChange={setTariffId}
          />
          <Button
            disabled={!customerId || !tariffId}
            loading={set.isPending}
            onClick={() => customerId && tariffId && set.mutate({ customerId, tariffId })}
          >
            {t("bo.common.add")}
          </Button>
        </Group>
        {(group.exceptions ?? []).map((e) => (
          <Group key={e.customerId} justify="space-between">
            <Text>
              <CustomerName id={e.customerId} /> → {tariffLabel(e.tariffId)}
            </Text>
            <ActionIcon
              variant="subtle"
              color="red"
              aria-label={t("bo.common.remove")}
              onClick={() => remove.mutate(e.customerId)}
            >
              <IconTrash size={16} aria-hidden />
            </ActionIcon>
          </Group>
        ))}
      </Stack>
    </Paper>
  );
}
