import { Button, Group, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { ChargeGroupDto } from "@voltlane/contracts";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api-client";
import { applyFieldErrors } from "../../lib/form-errors";
import { EntitySelect } from "../../routes/system/shared/entity-select";
import { useAction } from "../../routes/system/shared/use-action";

interface Values {
  code: string;
  name: string;
  description: string;
  type: "home" | "other";
  access: "attached" | "provider" | "roaming";
  tariffId: string | null;
}

export function ChargeGroupForm({
  group,
  onDone,
}: {
  group?: ChargeGroupDto;
  onDone: (group: ChargeGroupDto) => void;
}) {
  const { t } = useTranslation();
  const form = useForm<Values>({
    mode: "controlled",
    initialValues: {
      code: group?.code ?? "",
      name: group?.name ?? "",
      description: group?.description ?? "",
      type: group?.type ?? "other",
      access: group?.access ?? "attached",
      tariffId: group?.tariffId ?? null,
    },
  });
  const save = useAction({
    run: (values: Values) => {
      const body = { ...values, description: values.description || null };
      return group
        ? api<ChargeGroupDto>("PATCH", `/charge-groups/${group.id}`, body)
        : api<ChargeGroupDto>("POST", "/charge-groups", body);
    },
    invalidate: [["charge-groups"]],
    success: "bo.chargeGroups.saved",
    handleError: (error) => applyFieldErrors(form, error),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={form.onSubmit((values) => save.mutate(values))}>
      <Stack>
        <Group grow>
          <TextInput label={t("bo.chargeGroups.code")} required {...form.getInputProps("code")} />
          <TextInput label={t("bo.chargeGroups.name")} required {...form.getInputProps("name")} />
        </Group>
        <Textarea label={t("bo.chargeGroups.description")} {...form.getInputProps("description")} />
        <Group grow>
          <Select
            label={t("bo.chargeGroups.type")}
            allowDeselect={false}
            data={["other", "home"].map((v) => ({ value: v, label: t(`bo.chargeGroups.types.${v}`) }))}
            {...form.getInputProps("type")}
          />
          <Select
            label={t("bo.chargeGroups.access")}
            allowDeselect={false}
            data={["attached", "provider", "roaming"].map((v) => ({
              value: v,
              label: t(`bo.chargeGroups.accesses.${v}`),
            }))}
            {...form.getInputProps("access")}
          />
        </Group>
        <EntitySelect
          path="/tariffs"
          label={t("bo.chargeGroups.tariff")}
          {...form.getInputProps("tariffId")}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {group ? t("common.save") : t("bo.common.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
