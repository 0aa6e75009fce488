import { Alert, Badge, Button, Group, Paper, Stack, Table, Text, TextInput, Title } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useQuery } from "@tanstack/react-query";
import type { BillingRecords, MandateView, VatEntityView } from "@voltlane/contracts";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api-client";
import { applyFieldErrors } from "../../lib/form-errors";
import { formatDate } from "../../lib/format";
import { useAction } from "../../routes/system/shared/use-action";
import type { Customer } from "../customers/customer.types";
import { QueryState } from "../export/query-state";

const billingKey = (customerId: string) => ["customers", "detail", customerId, "billing"];

export function useBillingRecords(customerId: string, enabled = true) {
  return useQuery({
    queryKey: billingKey(customerId),
    queryFn: () => api<BillingRecords>("GET", `/customers/${encodeURIComponent(customerId)}/billing`),
    enabled,
  });
}

/** System User View header (§6): the active mandate's reference and signing date, or "none". */
export function ActiveMandate({ customerId }: { customerId: string }) {
  const { t, i18n } = useTranslation();
  const records = useBillingRecords(customerId);
  if (!records.data) return <>…</>;
  const active = records.data.mandates.find((m) => m.status === "active");
  return (
    <>
      {active
        ? `${active.reference} (${formatDate(active.signedAt, i18n.language)})`
        : t("portal.profile.noMandateShort")}
    </>
  );
}

/** R12: the SEPA direct debit mandate (id, signed date, status); sign for the current IBAN or revoke. */
export function MandatePanel({ customer, readOnly }: { customer: Customer; readOnly: boolean }) {
  const { t } = useTranslation();
  const records = useBillingRecords(customer.id);
  const invalidate = [billingKey(customer.id)];
  const sign = useAction({
    run: () => api<MandateView>("POST", `/customers/${customer.id}/mandates`, {}),
    invalidate,
    success: "portal.profile.mandateSigned",
  });
  const revoke = useAction({
    run: (id: string) => api<MandateView>("POST", `/customers/${customer.id}/mandates/${id}/revoke`, {}),
    invalidate,
    success: "portal.profile.mandateRevoked",
  });
  return (
    <Stack gap="xs" mt="sm">
      <Title order={4}>{t("portal.profile.mandate")}</Title>
      <QueryState query={records}>
        {(data) => {
          const active = data.mandates.find((m) => m.status === "active");
          return (
            <>
              {data.mandates.length === 0 ? (
                <Text c="dimmed">{t("portal.profile.noMandate")}</Text>
              ) : (
                <MandateTable mandates={data.mandates} />
              )}
              {!readOnly && (
                <Group gap="xs">
                  <Button
                    size="xs"
                    disabled={!customer.iban}
                    loading={sign.isPending}
                    onClick={() => sign.mutate()}
                  >
                    {active ? t("portal.profile.signAgain") : t("portal.profile.signMandate")}
                  </Button>
                  {active && (
                    <Button
                      size="xs"
                      variant="default"
                      color="red"
                      loading={revoke.isPending}
                      onClick={() => revoke.mutate(active.id)}
                    >
                      {t("portal.profile.revokeMandate")}
                    </Button>
                  )}
                </Group>
              )}
            </>
          );
        }}
      </QueryState>
    </Stack>
  );
}

function MandateTable({ mandates }: { mandates: MandateView[] }) {
  const { t, i18n } = useTranslation();
  return (
    <Table.ScrollContainer minWidth={420}>
      <Table aria-label={t("portal.profile.mandate")}>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t("portal.profile.mandateId")}</Table.Th>
            <Table.Th>{t("portal.profile.signedAt")}</Table.Th>
            <Table.Th>{t("customer.iban")}</Table.Th>
            <Table.Th>{t("portal.profile.scheme")}</Table.Th>
            <Table.Th>{t("portal.profile.mandateStatus")}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {mandates.map((m) => (
            <Table.Tr key={m.id}>
              <Table.Td>{m.reference}</Table.Td>
              <Table.Td>{formatDate(m.signedAt, i18n.language)}</Table.Td>
              <Table.Td>{m.iban}</Table.Td>
              <Table.Td>{m.scheme.toUpperCase()}</Table.Td>
              <Table.Td>
                <Badge variant="light" color={m.status === "active" ? "green" : "gray"}>
                  {t(`portal.profile.mandateStatuses.${m.status}`)}
                </Badge>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}

/** R13: a company's VAT entities (name on the invoice, VAT number, VIES status); add another. */
export function VatEntitiesPanel({ customer, readOnly }: { customer: Customer; readOnly: boolean }) {
  const { t, i18n } = useTranslation();
  const records = useBillingRecords(customer.id);
  const form = useForm({ mode: "controlled", initialValues: { invoiceName: customer.name, vatNumber: "" } });
  const add = useAction({
    run: (values: typeof form.values) =>
      api<VatEntityView>("POST", `/customers/${customer.id}/vat-entities`, values),
    invalidate: [billingKey(customer.id), ["customers"]],
    success: "portal.profile.vatAdded",
    handleError: (error) => applyFieldErrors(form, error),
    onSuccess: () => form.setFieldValue("vatNumber", ""),
  });
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm">
        {t("portal.profile.vatEntities")}
      </Title>
      <QueryState query={records}>
        {(data) =>
          data.vatEntities.length === 0 ? (
            <Alert color="yellow">{t("portal.profile.noVat")}</Alert>
          ) : (
            <Table.ScrollContainer minWidth={420}>
              <Table aria-label={t("portal.profile.vatEntities")}>
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>{t("portal.profile.invoiceName")}</Table.Th>
                    <Table.Th>{t("portal.profile.vatNumber")}</Table.Th>
                    <Table.Th>{t("portal.profile.vatStatus")}</Table.Th>
                    <Table.Th>{t("portal.profile.checkedAt")}</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {data.vatEntities.map((v) => (
                    <Table.Tr key={v.id}>
                      <Table.Td>{v.invoiceName}</Table.Td>
                      <Table.Td>{v.vatNumber}</Table.Td>
                      <Table.Td>
                        <Badge
                          variant="light"
                          color={v.status === "valid" ? "green" : v.status === "invalid" ? "red" : "gray"}
                        >
                          {t(`portal.profile.vatStatuses.${v.status}`)}
                        </Badge>
                      </Table.Td>
                      <Table.Td>{formatDate(v.checkedAt, i18n.language)}</Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
            </Table.ScrollContainer>
          )
        }
      </QueryState>
      {!readOnly && (
        <form onSubmit={form.onSubmit((values) => add.mutate(values))}>
          <Group align="flex-end" mt="sm" wrap="wrap">
            <TextInput
              label={t("portal.profile.invoiceName")}
              required
              {...form.getInputProps("invoiceName")}
            />
            <TextInput
              label={t("portal.profile.newVatNumber")}
              placeholder="NL123456789B01"
              required
              {...form.getInputProps("vatNumber")}
            />
            <Button type="submit" loading={add.isPending}>
              {t("portal.profile.addVat")}
            </Button>
          </Group>
        </form>
      )}
    </Paper>
  );
}
