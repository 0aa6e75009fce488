import { Button, Group, Stack, Switch, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { ChargeCardDto } from "@voltlane/contracts";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api-client";
import { applyFieldErrors } from "../../lib/form-errors";
import { CustomerSelect } from "../../routes/system/shared/customer-select";
import { useAction } from "../../routes/system/shared/use-action";

const invalidate = [["charge-cards"]];

export function RegisterCardForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: "controlled",
    initialValues: { externalId: "", rfid: "", label: "", roaming: false, customerId: null as string | null },
  });
  const save = useAction({
    run: (v: typeof form.values) =>
      api<ChargeCardDto>("POST", "/charge-cards", {
        externalId: v.externalId,
        rfid: v.rfid,
        label: v.label || null,
        roaming: v.roaming,
        customerId: v.customerId ?? undefined,
      }),
    invalidate,
    success: "bo.cards.registered",
    handleError: (error) => applyFieldErrors(form, error),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack>
        <TextInput label={t("bo.cards.externalId")} required {...form.getInputProps("externalId")} />
        <TextInput label={t("bo.cards.rfid")} required {...form.getInputProps("rfid")} />
        <TextInput label={t("bo.cards.label")} {...form.getInputProps("label")} />
        <CustomerSelect label={t("bo.cards.user")} {...form.getInputProps("customerId")} />
        <Switch label={t("bo.cards.roaming")} {...form.getInputProps("roaming", { type: "checkbox" })} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t("bo.cards.register")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

/** R26: attaching sets user and payer and activates the card. */
export function AttachCardForm({ card, onDone }: { card: ChargeCardDto; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: "controlled",
    initialValues: { customerId: card.customerId, payerCustomerId: card.payerCustomerId },
  });
  const save = useAction({
    run: (v: typeof form.values) =>
      api("POST", `/charge-cards/${card.id}/attach`, {
        customerId: v.customerId,
        payerCustomerId: v.payerCustomerId ?? undefined,
      }),
    invalidate,
    success: "bo.cards.attached",
    handleError: (error) => applyFieldErrors(form, error),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack>
        <CustomerSelect label={t("bo.cards.user")} required {...form.getInputProps("customerId")} />
        <CustomerSelect
          label={t("bo.cards.payer")}
          description={t("bo.cards.payerHint")}
          {...form.getInputProps("payerCustomerId")}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t("bo.cards.attach")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}

export function BlockCardForm({ card, onDone }: { card: ChargeCardDto; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({ mode: "controlled", initialValues: { reason: "" } });
  const save = useAction({
    run: (v: { reason: string }) => api("POST", `/charge-cards/${card.id}/block`, v),
    invalidate,
    success: "bo.cards.blocked",
    handleError: (error) => applyFieldErrors(form, error),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack>
        <TextInput label={t("bo.cards.reason")} required {...form.getInputProps("reason")} />
        <Group justify="flex-end">
          <Button color="red" type="submit" loading={save.isPending}>
            {t("bo.cards.block")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
