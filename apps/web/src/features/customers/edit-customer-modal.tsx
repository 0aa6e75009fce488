import { Modal } from "@mantine/core";
import { useTranslation } from "react-i18next";
import type { Customer } from "./customer.types";
import { CustomerDetailsForm } from "./customer-details-form";

export function EditCustomerModal({
  customer,
  opened,
  onClose,
}: {
  customer: Customer;
  opened: boolean;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  return (
    <Modal opened={opened} onClose={onClose} title={t("customers.edit")} size="xl">
      {opened && <CustomerDetailsForm customer={customer} onSaved={onClose} />}
    </Modal>
  );
}
