import { Button, Group, Select, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { errorMessage, notifySuccess } from "../../lib/error-message";
import { applyFieldErrors } from "../../lib/form-errors";
import { useCustomers } from "../customers/customers.api";
import { cardActions, useCardAction } from "./charge-cards.api";

/** R28: a company admin attaches an unattached card of the provider to the company or an employee. */
export function AttachCardForm({ companyId, companyName }: { companyId: string; companyName: string }) {
  const { t } = useTranslation();
  const employees = useCustomers({ companyId, type: "employee", page: 1, pageSize: 500 });
  const attach = useCardAction(cardActions.attach);
  const form = useForm({
    initialValues: { cardId: "", customerId: companyId },
    validate: {
      cardId: (v) => (v.trim().length > 0 ? null : t("portal.cards.cardIdInvalid")),
    },
  });
  const options = [
    { value: companyId, label: companyName },
    ...(employees.data?.items ?? []).map((e) => ({ value: e.id, label: e.name })),
  ];
  const submit = form.onSubmit(({ cardId, customerId }) =>
    attach.mutate(
      { id: cardId.trim(), customerId },
      {
        onSuccess: () => {
          notifySuccess(t("portal.cards.attached"));
          form.reset();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error)) form.setFieldError("cardId", errorMessage(error, t));
        },
      },
    ),
  );
  return (
    <form onSubmit={submit} aria-label={t("portal.cards.attach")}>
      <Group align="end" wrap="wrap">
        <TextInput label={t("portal.cards.cardId")} {...form.getInputProps("cardId")} />
        <Select
          label={t("portal.cards.attachTo")}
          data={options}
          allowDeselect={false}
          {...form.getInputProps("customerId")}
        />
        <Button type="submit" loading={attach.isPending}>
          {t("portal.cards.attach")}
        </Button>
      </Group>
    </form>
  );
}
