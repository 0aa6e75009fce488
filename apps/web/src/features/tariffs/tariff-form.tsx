import { Button, Group, NumberInput, SimpleGrid, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { TariffDto } from "@voltlane/contracts";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api-client";
import { applyFieldErrors } from "../../lib/form-errors";
import { useAction } from "../../routes/system/shared/use-action";

const priceFields = ["startFee", "energyPrice", "timePrice", "idleFee", "marginPerKwh"] as const;

type Values = Record<(typeof priceFields)[number] | "name" | "currency" | "vatRate", string> & {
  idleGraceMinutes: number | string;
};

const valuesOf = (tariff?: TariffDto): Values => ({
  name: tariff?.name ?? "",
  currency: tariff?.currency ?? "EUR",
  startFee: tariff?.startFee ?? "0",
  energyPrice: tariff?.energyPrice ?? "",
  timePrice: tariff?.timePrice ?? "0",
  idleFee: tariff?.idleFee ?? "0",
  marginPerKwh: tariff?.marginPerKwh ?? "0",
  vatRate: tariff?.vatRate ?? "21.00",
  idleGraceMinutes: tariff?.idleGraceMinutes ?? 0,
});

/** Create a tariff, or edit one: the server keeps the old version and answers with the new one. */
export function TariffForm({ tariff, onDone }: { tariff?: TariffDto; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm<Values>({ mode: "controlled", initialValues: valuesOf(tariff) });
  const save = useAction({
    // Prices stay decimal strings end to end (R1): no Number() on them.
    run: (values: Values) => {
      const body = {
        ...values,
        currency: values.currency.toUpperCase(),
        idleGraceMinutes: Number(values.idleGraceMinutes) || 0,
      };
      return tariff
        ? api<TariffDto>("PATCH", `/tariffs/${tariff.id}`, body)
        : api<TariffDto>("POST", "/tariffs", body);
    },
    invalidate: [["tariffs"]],
    success: tariff ? "bo.tariffs.saved" : "bo.tariffs.created",
    handleError: (error) => applyFieldErrors(form, error),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        <Group grow>
          <TextInput label={t("bo.tariffs.name")} required {...form.getInputProps("name")} />
          <TextInput label={t("bo.tariffs.currency")} maxLength={3} {...form.getInputProps("currency")} />
        </Group>
        <SimpleGrid cols={{ base: 1, sm: 2 }}>
          {priceFields.map((field) => (
            <TextInput
              key={field}
              label={t(`bo.tariffs.${field}`)}
              inputMode="decimal"
              required={field === "energyPrice"}
              {...form.getInputProps(field)}
            />
          ))}
          <TextInput
            label={t("bo.tariffs.vatRate")}
            inputMode="decimal"
            required
            {...form.getInputProps("vatRate")}
          />
          <NumberInput
            label={t("bo.tariffs.idleGraceMinutes")}
            min={0}
            {...form.getInputProps("idleGraceMinutes")}
          />
        </SimpleGrid>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {tariff ? t("bo.tariffs.saveVersion") : t("bo.common.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
