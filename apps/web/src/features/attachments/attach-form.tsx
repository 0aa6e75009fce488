import { Button, Group, Select, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { notifyError, notifySuccess } from "../../lib/error-message";
import { applyFieldErrors } from "../../lib/form-errors";
import { type AttachableAsset, rolesByAsset, useAttach } from "./attachments.api";

/** Attach an asset to the customer by its id (OCPP identity, card or group id) with a role. */
export function AttachForm({ customerId }: { customerId: string }) {
  const { t } = useTranslation();
  const attach = useAttach(customerId);
  const form = useForm({
    initialValues: {
      assetType: "charge_point" as AttachableAsset,
      assetId: "",
      role: "cp_receiver" as string,
    },
    validate: { assetId: (v) => (v.trim() ? null : t("validation.required")) },
    onValuesChange: (values, previous) => {
      if (values.assetType !== previous.assetType)
        form.setFieldValue("role", rolesByAsset[values.assetType][0]);
    },
  });
  const submit = form.onSubmit((values) =>
    attach.mutate(
      { assetType: values.assetType, assetId: values.assetId.trim(), role: values.role as never },
      {
        onSuccess: () => {
          notifySuccess(t("portal.attachments.attached"));
          form.setFieldValue("assetId", "");
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error)) notifyError(error, t);
        },
      },
    ),
  );
  return (
    <form onSubmit={submit} aria-label={t("portal.attachments.attach")}>
      <Group align="end" wrap="wrap">
        <Select
          label={t("portal.attachments.assetType")}
          allowDeselect={false}
          w={180}
          data={(Object.keys(rolesByAsset) as AttachableAsset[]).map((value) => ({
            value,
            label: t(`portal.attachments.assetTypes.${value}`),
          }))}
          {...form.getInputProps("assetType")}
        />
        <TextInput label={t("portal.attachments.assetId")} {...form.getInputProps("assetId")} />
        <Select
          label={t("attachments.role")}
          allowDeselect={false}
          w={200}
          data={rolesByAsset[form.values.assetType].map((value) => ({
            value,
            label: t(`portal.attachments.roles.${value}`),
          }))}
          {...form.getInputProps("role")}
        />
        <Button type="submit" loading={attach.isPending}>
          {t("portal.attachments.attach")}
        </Button>
      </Group>
    </form>
  );
}
