import { Button, Group, NumberInput, Select, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import type { GridView } from "@voltlane/contracts";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api-client";
import { applyFieldErrors } from "../../lib/form-errors";
import { EntitySelect } from "../../routes/system/shared/entity-select";
import { useAction } from "../../routes/system/shared/use-action";

export function GridForm({ grid, onDone }: { grid?: GridView; onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: "controlled",
    initialValues: {
      name: grid?.name ?? "",
      maxCurrent: (grid?.maxCurrent ?? "") as number | string,
      parentId: grid?.parentId ?? null,
      phases: String(grid?.phases ?? 3),
    },
  });
  const save = useAction({
    run: (v: typeof form.values) => {
      const body = {
        name: v.name,
        maxCurrent: Number(v.maxCurrent),
        parentId: v.parentId,
        phases: Number(v.phases),
      };
      return grid ? api("PATCH", `/grids/${grid.id}`, body) : api("POST", "/grids", body);
    },
    invalidate: [["grids"]],
    success: "bo.grids.saved",
    handleError: (error) => applyFieldErrors(form, error),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack>
        <TextInput label={t("bo.grids.name")} required {...form.getInputProps("name")} />
        <NumberInput
          label={t("bo.grids.maxCurrent")}
          required
          min={0}
          decimalScale={1}
          {...form.getInputProps("maxCurrent")}
        />
        <Select
          label={t("bo.grids.phases")}
          data={["1", "3"]}
          allowDeselect={false}
          {...form.getInputProps("phases")}
        />
        <EntitySelect path="/grids" label={t("bo.grids.parent")} {...form.getInputProps("parentId")} />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {grid ? t("common.save") : t("bo.common.create")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
