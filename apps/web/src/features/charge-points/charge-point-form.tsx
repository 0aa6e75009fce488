import { Button, Group, NumberInput, PasswordInput, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { applyFieldErrors } from "../../lib/form-errors";
import { CustomerSelect } from "../../routes/system/shared/customer-select";
import { EntitySelect } from "../../routes/system/shared/entity-select";
import { useAction } from "../../routes/system/shared/use-action";
import { type ChargePoint, chargePointApi, chargePointKeys } from "./charge-points.api";

interface Values {
  id: string;
  name: string;
  password: string;
  chargeGroupId: string | null;
  ownerCustomerId: string | null;
  locationId: string | null;
  phases: string | null;
  maxCurrentA: number | string;
}

const valuesOf = (cp?: ChargePoint): Values => ({
  id: cp?.id ?? "",
  name: cp?.name ?? "",
  password: "",
  chargeGroupId: cp?.chargeGroupId ?? null,
  ownerCustomerId: cp?.ownerCustomerId ?? null,
  locationId: cp?.locationId ?? null,
  phases: cp?.phases ? String(cp.phases) : null,
  maxCurrentA: cp?.maxCurrentA ?? "",
});

/** Register (no `chargePoint`) or edit the settings of one; R16 needs group, owner and location to activate. */
export function ChargePointForm({
  chargePoint,
  onDone,
}: {
  chargePoint?: ChargePoint;
  onDone: (cp: ChargePoint) => void;
}) {
  const { t } = useTranslation();
  const form = useForm<Values>({ mode: "controlled", initialValues: valuesOf(chargePoint) });
  const save = useAction({
    run: (values: Values) => {
      const settings = {
        name: values.name.trim() || undefined,
        password: values.password || undefined,
        chargeGroupId: values.chargeGroupId,
        ownerCustomerId: values.ownerCustomerId,
        locationId: values.locationId,
        phases: values.phases ? (Number(values.phases) as 1 | 3) : null,
        maxCurrentA: values.maxCurrentA === "" ? null : Number(values.maxCurrentA),
      };
      return chargePoint
        ? chargePointApi.update(chargePoint.id, settings)
        : chargePointApi.create({ id: values.id.trim(), ...settings });
    },
    invalidate: [chargePointKeys.all],
    success: chargePoint ? "bo.chargePoints.saved" : "bo.chargePoints.registered",
    onSuccess: onDone,
    handleError: (error) => applyFieldErrors(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        {!chargePoint && <TextInput label={t("bo.chargePoints.id")} required {...form.getInputProps("id")} />}
        <TextInput label={t("bo.chargePoints.name")} {...form.getInputProps("name")} />
        <PasswordInput
          label={t("bo.chargePoints.password")}
          description={t("bo.chargePoints.passwordHint")}
          autoComplete="new-password"
          {...form.getInputProps("password")}
        />
        <EntitySelect
          path="/charge-groups"
          label={t("bo.chargePoints.group")}
          {...form.getInputProps("chargeGroupId")}
        />
        <CustomerSelect label={t("bo.chargePoints.owner")} {...form.getInputProps("ownerCustomerId")} />
        <EntitySelect
          path="/locations"
          label={t("bo.chargePoints.location")}
          {...form.getInputProps("locationId")}
        />
        <Group grow>
          <Select
            label={t("bo.chargePoints.phases")}
            data={["1", "3"]}
            clearable
            {...form.getInputProps("phases")}
          />
          <NumberInput
            label={t("bo.chargePoints.maxCurrent")}
            min={1}
            max={1000}
            {...form.getInputProps("maxCurrentA")}
          />
        </Group>
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {chargePoint ? t("common.save") : t("bo.chargePoints.register")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
