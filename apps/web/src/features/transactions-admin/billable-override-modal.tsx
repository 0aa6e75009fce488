import { Button, Group, Modal, Stack, Switch, Text, Textarea } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { applyFieldErrors } from "../../lib/form-errors";
import { useAction } from "../../routes/system/shared/use-action";
import { type Transaction, transactionApi, transactionKeys } from "./transactions.api";

/** R37: operations or finance may override the billable flag before invoicing, with a reason (audited). */
export function BillableOverrideModal({
  transaction,
  onClose,
}: {
  transaction: Transaction | null;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const form = useForm({ mode: "controlled", initialValues: { billable: true, reason: "" } });
  const save = useAction({
    run: (values: { billable: boolean; reason: string }) =>
      transactionApi.overrideBillable(transaction!.id, values.billable, values.reason),
    invalidate: [transactionKeys.all],
    success: "bo.transactions.overridden",
    handleError: (error) => applyFieldErrors(form, error),
    onSuccess: () => {
      form.reset();
      onClose();
    },
  });
  return (
    <Modal opened={transaction !== null} onClose={onClose} title={t("bo.transactions.override")}>
      {transaction && (
        <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
          <Stack>
            <Text size="sm">
              #{transaction.ocppTransactionId} · {transaction.chargePointId}
            </Text>
            <Switch
              label={t("bo.transactions.billable")}
              {...form.getInputProps("billable", { type: "checkbox" })}
            />
            <Textarea label={t("bo.transactions.reason")} required {...form.getInputProps("reason")} />
            <Group justify="flex-end">
              <Button variant="default" onClick={onClose}>
                {t("common.cancel")}
              </Button>
              <Button type="submit" loading={save.isPending}>
                {t("common.save")}
              </Button>
            </Group>
          </Stack>
        </form>
      )}
    </Modal>
  );
}
