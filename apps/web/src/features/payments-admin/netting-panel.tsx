import { Button, Group, Paper, Select, Stack, Text, TextInput, Title } from "@mantine/core";
import { useQuery } from "@tanstack/react-query";
import type { nettingCandidateSchema, nettingResultSchema } from "@voltlane/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { api } from "../../lib/api-client";
import { notifySuccess } from "../../lib/error-message";
import { formatMoney, parseMoneyToMinor } from "../../routes/system/shared/format";
import { useAction } from "../../routes/system/shared/use-action";

type Candidate = z.infer<typeof nettingCandidateSchema>;
type NettingResult = z.infer<typeof nettingResultSchema>;

/** Back office "Payments (… netting)": customers that can net, one form each (R59). */
export function NettingPanel({ canWrite }: { canWrite: boolean }) {
  const { t } = useTranslation();
  const candidates = useQuery({
    queryKey: ["payments", "netting"],
    queryFn: () => api<Candidate[]>("GET", "/payments/netting/candidates"),
  });
  return (
    <Stack>
      <Text c="dimmed">{t("bo.payments.nettingHelp")}</Text>
      {candidates.data?.length === 0 && (
        <Paper withBorder p="md">
          <Title order={4}>{t("bo.payments.nettingNone")}</Title>
          <Text c="dimmed">{t("bo.payments.nettingNoneHint")}</Text>
        </Paper>
      )}
      {candidates.data?.map((c) => (
        <NettingForm key={c.customerId} candidate={c} canWrite={canWrite} />
      ))}
    </Stack>
  );
}

function NettingForm({ candidate, canWrite }: { candidate: Candidate; canWrite: boolean }) {
  const { t, i18n } = useTranslation();
  const money = (minor: number) => formatMoney(minor, candidate.currency, i18n.language);
  const option = (i: Candidate["debits"][number]) => ({
    value: i.id,
    label: t("bo.payments.openAmount", {
      number: i.number,
      amount: money(i.open),
      settlement: t(`bo.status.${i.settlement}`, { defaultValue: i.settlement }),
    }),
  });
  const [debit, setDebit] = useState<string | null>(candidate.debits[0]?.id ?? null);
  const [credit, setCredit] = useState<string | null>(candidate.credits[0]?.id ?? null);
  const [amount, setAmount] = useState("");
  const [invalid, setInvalid] = useState(false);
  const net = useAction({
    run: (input: { debitInvoiceId: string; creditInvoiceId: string; amount?: number }) =>
      api<NettingResult>("POST", "/payments/netting", input),
    invalidate: [["payments"], ["payouts"], ["invoices"]],
    onSuccess: (result) => {
      setAmount("");
      notifySuccess(t("bo.payments.netted", { amount: money(result.amount), reference: result.reference }));
    },
  });
  const submit = (event: React.FormEvent) => {
    event.preventDefault();
    const minor = amount.trim() ? parseMoneyToMinor(amount) : undefined;
    setInvalid(minor === null || minor === 0);
    if (!debit || !credit || minor === null || minor === 0) return;
    net.mutate({ debitInvoiceId: debit, creditInvoiceId: credit, ...(minor ? { amount: minor } : {}) });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit}>
      <Title order={4} mb="sm">
        {candidate.customerName}
      </Title>
      <Group align="flex-end" wrap="wrap">
        <Select
          label={t("bo.payments.debitInvoice")}
          data={candidate.debits.map(option)}
          value={debit}
          onChange={setDebit}
          allowDeselect={false}
        />
        <Select
          label={t("bo.payments.creditInvoice")}
          data={candidate.credits.map(option)}
          value={credit}
          onChange={setCredit}
          allowDeselect={false}
        />
        <TextInput
          label={t("bo.payments.nettingAmount")}
          description={t("bo.payments.nettingAmountHint")}
          value={amount}
          inputMode="decimal"
          onChange={(e) => setAmount(e.currentTarget.value)}
          error={invalid ? t("bo.payments.amountInvalid") : undefined}
        />
        <Button type="submit" loading={net.isPending} disabled={!canWrite}>
          {t("bo.payments.net")}
        </Button>
      </Group>
    </Paper>
  );
}
