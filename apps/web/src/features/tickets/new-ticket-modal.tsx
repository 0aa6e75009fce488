import { Button, Modal, Select, Stack, Textarea, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { ticketCategories } from "@voltlane/contracts";
import { useTranslation } from "react-i18next";
import { notifyError, notifySuccess } from "../../lib/error-message";
import { applyFieldErrors } from "../../lib/form-errors";
import { useOpenTicket } from "./tickets.api";

/** W5 step 1: subject, category and the first message. */
export function NewTicketModal({ opened, onClose }: { opened: boolean; onClose: () => void }) {
  const { t } = useTranslation();
  const open = useOpenTicket();
  const form = useForm({
    initialValues: { subject: "", category: "question", message: "" },
    validate: {
      subject: (v) => (v.trim() ? null : t("validation.required")),
      message: (v) => (v.trim() ? null : t("validation.required")),
    },
  });
  const submit = form.onSubmit((values) =>
    open.mutate(
      { ...values, category: values.category as (typeof ticketCategories)[number] },
      {
        onSuccess: () => {
          notifySuccess(t("portal.tickets.opened"));
          form.reset();
          onClose();
        },
        onError: (error) => {
          if (!applyFieldErrors(form, error)) notifyError(error, t);
        },
      },
    ),
  );
  return (
    <Modal opened={opened} onClose={onClose} title={t("portal.tickets.new")}>
      <form onSubmit={submit}>
        <Stack>
          <TextInput label={t("portal.tickets.subject")} {...form.getInputProps("subject")} />
          <Select
            label={t("portal.tickets.category")}
            allowDeselect={false}
            data={ticketCategories.map((value) => ({
              value,
              label: t(`portal.tickets.categories.${value}`),
            }))}
            {...form.getInputProps("category")}
          />
          <Textarea
            label={t("portal.tickets.message")}
            autosize
            minRows={4}
            {...form.getInputProps("message")}
          />
          <Button type="submit" loading={open.isPending}>
            {t("portal.tickets.send")}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
