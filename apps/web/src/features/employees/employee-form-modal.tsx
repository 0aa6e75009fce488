import { Button, Modal, Stack, Switch, TextInput } from "@mantine/core";
import { useForm } from "@mantine/form";
import { useTranslation } from "react-i18next";
import { notifyError, notifySuccess } from "../../lib/error-message";
import { applyFieldErrors } from "../../lib/form-errors";
import type { Customer } from "../customers/customer.types";
import { useAddEmployee, useEditEmployee } from "./employees.api";

type Employee = Customer & { employment?: { employeeNumber: string | null; webAccess: boolean } | null };

/** Add an employee (W6: web access creates a login and an invitation e-mail) or edit one. */
export function EmployeeFormModal({
  companyId,
  employee,
  opened,
  onClose,
}: {
  companyId: string;
  employee?: Employee;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const add = useAddEmployee(companyId);
  const edit = useEditEmployee();
  const form = useForm({
    initialValues: {
      name: employee?.name ?? "",
      email: employee?.email ?? "",
      employeeNumber: employee?.employment?.employeeNumber ?? "",
      iban: employee?.iban ?? "",
      webAccess: employee?.employment?.webAccess ?? true,
    },
    validate: {
      name: (v) => (v.trim() ? null : t("validation.required")),
      email: (v) => (/^\S+@\S+\.\S+$/.test(v) ? null : t("validation.email")),
    },
  });
  const done = () => {
    notifySuccess(t("customers.saved"));
    form.reset();
    onClose();
  };
  const failed = (error: unknown) => {
    if (!applyFieldErrors(form, error)) notifyError(error, t);
  };
  const submit = form.onSubmit((v) => {
    const employeeNumber = v.employeeNumber.trim() || undefined;
    const iban = v.iban.trim() || undefined;
    if (employee) {
      edit.mutate(
        {
          id: employee.id,
          patch: {
            name: v.name,
            webAccess: v.webAccess,
            employeeNumber: employeeNumber ?? null,
            iban: iban ?? null,
          },
        },
        { onSuccess: done, onError: failed },
      );
    } else {
      add.mutate(
        { name: v.name, email: v.email, webAccess: v.webAccess, employeeNumber, iban },
        { onSuccess: done, onError: failed },
      );
    }
  });
  return (
    <Modal
      opened={opened}
      onClose={onClose}
      title={employee ? t("portal.employees.edit") : t("portal.employees.add")}
    >
      <form onSubmit={submit}>
        <Stack>
          <TextInput label={t("customer.name")} {...form.getInputProps("name")} />
          <TextInput
            label={t("customer.email")}
            disabled={Boolean(employee)}
            {...form.getInputProps("email")}
          />
          <TextInput label={t("portal.employees.number")} {...form.getInputProps("employeeNumber")} />
          <TextInput label={t("customer.iban")} {...form.getInputProps("iban")} />
          <Switch
            label={t("customer.webAccess")}
            {...form.getInputProps("webAccess", { type: "checkbox" })}
          />
          <Button type="submit" loading={add.isPending || edit.isPending}>
            {employee ? t("common.save") : t("portal.employees.add")}
          </Button>
        </Stack>
      </form>
    </Modal>
  );
}
