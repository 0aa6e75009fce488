import { Button, Checkbox, Group, MultiSelect, PasswordInput, Stack, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { systemRoles } from "@voltlane/contracts";
import { useTranslation } from "react-i18next";
import { api } from "../../lib/api-client";
import { applyFieldErrors } from "../../lib/form-errors";
import { useAction } from "../../routes/system/shared/use-action";

export function InviteSystemUserForm({ onDone }: { onDone: () => void }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: "controlled",
    initialValues: { email: "", name: "", roles: [] as string[], isSuper: false, password: "" },
  });
  const save = useAction({
    run: (v: typeof form.values) => api("POST", "/system-users", { ...v, password: v.password || undefined }),
    invalidate: [["system-users"]],
    success: "bo.systemUsers.invited",
    handleError: (error) => applyFieldErrors(form, error),
    onSuccess: onDone,
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <Stack>
        <TextInput label={t("bo.systemUsers.email")} type="email" required {...form.getInputProps("email")} />
        <TextInput label={t("bo.systemUsers.name")} required {...form.getInputProps("name")} />
        <MultiSelect
          label={t("bo.systemUsers.roles")}
          data={[...systemRoles]}
          {...form.getInputProps("roles")}
        />
        <Checkbox
          label={t("bo.systemUsers.isSuper")}
          {...form.getInputProps("isSuper", { type: "checkbox" })}
        />
        <PasswordInput
          label={t("bo.systemUsers.password")}
          description={t("bo.systemUsers.passwordHint")}
          autoComplete="new-password"
          {...form.getInputProps("password")}
        />
        <Group justify="flex-end">
          <Button type="submit" loading={save.isPending}>
            {t("bo.systemUsers.invite")}
          </Button>
        </Group>
      </Stack>
    </form>
  );
}
