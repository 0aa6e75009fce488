import { Button, Group, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api-client";
import { applyFieldErrors } from "../../lib/form-errors";
import { parseMoneyToMinor } from "../../routes/system/shared/format";
import { useAction } from "../../routes/system/shared/use-action";

const methods = ["bank_transfer", "direct_debit", "card", "manual"];

/** Amount typed in major units, sent as integer minor units (R1). */
export function RecordPaymentForm({ invoiceId, onDone }: { invoiceId: string; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: "controlled",
    initialValues: {
      amount: "",
      method: "bank_transfer",
      receivedAt: new Date().toISOString().slice(0, 10),
      externalRef: "",
    },
    validate: { amount: (v) => (parseMoneyToMinor(v) ? null : t("bo.payments.amountInvalid")) },
  });
  const save = useAction({
    run: (v: typeof form.values) =>
      api("POST", `/invoices/${invoiceId}/payments`, {
        amount: parseMoneyToMinor(v.amount),
        method: v.method,
        receivedAt: new Date(`${v.receivedAt}T12:00:00Z`).toISOString(),
        externalRef: v.externalRef || undefined,
      }),
    invalidate: [["invoices"], ["payments"]],
    success: "bo.invoices.paymentRecorded",
    handleError: (error) => applyFieldErrors(form, error),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack>
        <TextInput
          label={t("bo.invoices.amount")}
          inputMode="decimal"
          required
          {...form.getInputProps("amount")}
        />
        <Select
          label={t("bo.invoices.method")}
          data={methods}
          allowDeselect={false}
          {...form.getInputProps("method")}
        />
        <TextInput
          type="date"
          label={t("bo.invoices.receivedAt")}
          required
          {...form.getInputProps("receivedAt")}
        />
        <TextInput label={t("bo.invoices.externalRef")} {...form.getInputProps("externalRef")} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t("bo.invoices.recordPayment")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
