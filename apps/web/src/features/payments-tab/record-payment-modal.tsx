import { Button, Modal, Select, Stack, Text, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { paymentMethodSchema } from "@voltlane/contracts";
import { useTranslation } from "react-i18next";
import { notifyError, notifySuccess } from "../../lib/error-message";
import { applyFieldErrors } from "../../lib/form-errors";
import { formatMoney, parseMoneyToMinor } from "../export/portal-format";
import type { Invoice } from "../invoices/invoices.api";
import { useRecordPayment } from "./payments.api";

/** Record a received payment against one debit invoice; the amount is typed in major units, sent in minor (R1). */
export function RecordPaymentModal({ invoice, onClose }: { invoice: Invoice | null; onClose: () => void }) {
  const { t, i18n } = useTranslation();
  const record = useRecordPayment();
  const form = useForm({
    initialValues: {
      amount: "",
      method: "bank_transfer",
      receivedAt: new Date().toISOString().slice(0, 10),
      externalRef: "",
    },
    validate: {
      amount: (v) => ((parseMoneyToMinor(v) ?? 0) > 0 ? null : t("portal.payments.amountInvalid")),
      receivedAt: (v) => (v ? null : t("validation.required")),
    },
  });
  if (!invoice) return null;
  const submit = form.onSubmit((v) =>
    record.mutate(
      {
        invoiceId: invoice.id,
        amount: parseMoneyToMinor(v.amount) ?? 0,
        method: v.method as never,
        receivedAt: new Date(`${v.receivedAt}T12:00:00`).toISOString(),
        externalRef: v.externalRef.trim() || undefined,
      },
      {
        onSuccess: () => {
          notifySuccess(t("portal.payments.recorded"));
          onClose();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error)) notifyError(error, t);
        },
      },
    ),
  );
  return (
    <Modal opened onClose={onClose} title={t("portal.payments.record")}>
      <form onSubmit={submit}>
        <Stack>
          <Text size="sm">
            {invoice.number} · {formatMoney(invoice.total, invoice.currency, i18n.language)}
          </Text>
          <TextInput
            label={t("portal.payments.amount")}
            inputMode="decimal"
            placeholder="12.50"
            {...form.getInputProps("amount")}
          />
          <Select
            label={t("portal.payments.method")}
            allowDeselect={false}
            data={paymentMethodSchema.options.map((value) => ({
              value,
              label: t(`portal.payments.methods.${value}`),
            }))}
            {...form.getInputProps("method")}
          />
          <TextInput
            type="date"
            label={t("portal.payments.receivedAt")}
            {...form.getInputProps("receivedAt")}
          />
          <TextInput label={t("portal.payments.reference")} {...form.getInputProps("externalRef")} />
          <Button type="submit" loading={record.isPending}>
            {t("portal.payments.record")}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
