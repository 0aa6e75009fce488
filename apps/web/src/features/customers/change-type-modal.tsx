import { Alert, Button, Group, Modal, SegmentedControl, Stack, Text } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { errorMessage, notifySuccess } from "../../lib/error-message";
import type { CustomerType } from "../auth/me.types";
import { CompanySelect } from "./company-select";
import type { Customer } from "./customer.types";
import { useChangeCustomerType } from "./customers.api";

export function ChangeTypeModal({
  customer,
  opened,
  onClose,
}: {
  customer: Customer;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const change = useChangeCustomerType(customer.id);
  const [type, setType] = useState<CustomerType>(customer.type);
  const [companyId, setCompanyId] = useState<string | null>(customer.companyId ?? null);
  const valid = type !== customer.type && (type !== "employee" || Boolean(companyId));
  const submit = () =>
    change.mutate(
      { type, companyId: type === "employee" ? (companyId ?? undefined) : undefined },
      {
        onSuccess: () => {
          notifySuccess(t("customers.typeChanged"));
          onClose();
        },
      },
    );
  return (
    <Modal opened={opened} onClose={onClose} title={t("customers.changeType")}>
      <Stack>
        <Text size="sm">{t("customers.changeTypeHint")}</Text>
        {change.error && (
          <Alert color="red" role="alert">
            {errorMessage(change.error, t)}
          </Alert>
        )}
        <SegmentedControl
          aria-label={t("customer.type")}
          value={type}
          onChange={(value) => setType(value as CustomerType)}
          data={(["private", "company", "employee"] as const).map((value) => ({
            value,
            label: t(`customerType.${value}`),
          }))}
        />
        {type === "employee" && (
          <CompanySelect label={t("customer.company")} required value={companyId} onChange={setCompanyId} />
        )}
        <Group justify="flex-end">
          <Button variant="default" onClick={onClose}>
            {t("common.cancel")}
          </Button>
          <Button onClick={submit} disabled={!valid} loading={change.isPending}>
            {t("customers.changeType")}
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}
