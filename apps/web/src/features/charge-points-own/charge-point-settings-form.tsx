import { Button, Group, NumberInput, Select, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { useTranslation } from "react-i18next";
import { errorMessage, notifySuccess } from "../../lib/error-message";
import { applyFieldErrors } from "../../lib/form-errors";
import { type ChargePoint, chargePointApi } from "../charge-points/charge-points.api";

/** Company admins edit their chargers' owner settings: name, phases, max current (§2 "Charge point settings"). */
export function ChargePointSettingsForm({ cp }: { cp: ChargePoint }) {
  const { t } = useTranslation();
  const queryClient = useQueryClient();
  const form = useForm({
    initialValues: {
      name: cp.name,
      phases: cp.phases ? String(cp.phases) : "",
      maxCurrentA: cp.maxCurrentA ?? ("" as number | string),
    },
    validate: { name: (v) => (v.trim() ? null : t("validation.required")) },
  });
  const save = useMutation({
    mutationFn: (values: typeof form.values) =>
      chargePointApi.update(cp.id, {
        name: values.name.trim(),
        phases: values.phases ? (Number(values.phases) as 1 | 3) : null,
        maxCurrentA: values.maxCurrentA === "" ? null : Number(values.maxCurrentA),
      }),
    onSuccess: () => {
      notifySuccess(t("customers.saved"));
      return queryClient.invalidateQueries({ queryKey: ["charge-points"] });
    },
    onError: (error) => {
      if (!applyFieldErrors(form, error)) form.setFieldError("name", errorMessage(error, t));
    },
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))} aria-label={t("portal.cps.settings")}>
      <Group align="end" wrap="wrap">
        <TextInput label={t("portal.cps.name")} {...form.getInputProps("name")} />
        <Select
          label={t("portal.cps.phases")}
          data={[
            { value: "1", label: "1" },
            { value: "3", label: "3" },
          ]}
          clearable
          w={100}
          {...form.getInputProps("phases")}
        />
        <NumberInput
          label={t("portal.cps.maxCurrent")}
          min={1}
          max={1000}
          w={140}
          {...form.getInputProps("maxCurrentA")}
        />
        <Button type="submit" loading={save.isPending}>
          {t("common.save")}
        </Button>
      </Group>
    </form>
  );
}
