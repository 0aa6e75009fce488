import { Button, Group, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { errorMessage, notifySuccess } from "../../lib/error-message";
import { applyFieldErrors } from "../../lib/form-errors";
import { cardActions, useCardAction } from "./charge-cards.api";

/** R31: a private user claims an unattached card of the provider by its printed number. */
export function ClaimCardForm() {
  const { t } = useTranslation();
  const claim = useCardAction(cardActions.claim);
  const form = useForm({
    initialValues: { externalId: "" },
    validate: { externalId: (v) => (v.trim() ? null : t("validation.required")) },
  });
  const submit = form.onSubmit(({ externalId }) =>
    claim.mutate(externalId.trim(), {
      onSuccess: () => {
        notifySuccess(t("portal.cards.claimed"));
        form.reset();
      },
      onError: (error) => {
        if (!applyFieldErrors(form, error)) form.setFieldError("externalId", errorMessage(error, t));
      },
    }),
  );
  return (
    <form onSubmit={submit} aria-label={t("portal.cards.claim")}>
      <Group align="end" wrap="wrap">
        <TextInput
          label={t("portal.cards.externalId")}
          placeholder="NL-VLT-000123-4"
          {...form.getInputProps("externalId")}
        />
        <Button type="submit" loading={claim.isPending}>
          {t("portal.cards.claim")}
        </Button>
      </Group>
    </form>
  );
}
