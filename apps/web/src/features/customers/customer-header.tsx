import { Button, Group, Paper, SimpleGrid, Stack, Text, Title } from "@mantine/core";
import { useDisclosure } from "@mantine/hooks";
import { IconArrowsExchange, IconEye, IconPencil } from "@tabler/icons-react";
import type { ReactNode } from "react";
import { useTranslation } from "react-i18next";
import { usePermissions } from "../auth/permissions.query";
import { ActiveMandate } from "../profile/billing-records";
import { AnchorLink } from "../ui/anchor-link";
import { ChangeTypeModal } from "./change-type-modal";
import type { Customer } from "./customer.types";
import { CustomerTypeBadge } from "./customer-type-badge";
import { EditCustomerModal } from "./edit-customer-modal";
import { formatAddress } from "./format-address";

interface Props {
  customer: Customer;
  onViewAs: () => void;
  viewAsPending: boolean;
}

/** System User View header (DOMAIN.md §6): details, type, number, VAT, IBAN; edit, change type, view as. */
export function CustomerHeader({ customer, onViewAs, viewAsPending }: Props) {
  const { t } = useTranslation();
  const [editOpened, edit] = useDisclosure();
  const [typeOpened, changeType] = useDisclosure();
  const { canWrite, canRead } = usePermissions();
  return (
    <Paper withBorder p="md" mb="md">
      <Stack gap="sm">
        <Group justify="space-between" wrap="wrap">
          <Group gap="sm">
            <Title order={2}>{customer.name}</Title>
            <CustomerTypeBadge type={customer.type} />
          </Group>
          <Group gap="xs">
            {(canWrite("customers") || canWrite("billing_data")) && (
              <Button variant="light" leftSection={<IconPencil size={16} aria-hidden />} onClick={edit.open}>
                {t("customers.edit")}
              </Button>
            )}
            {canWrite("customer_type") && (
              <Button
                variant="light"
                leftSection={<IconArrowsExchange size={16} aria-hidden />}
                onClick={changeType.open}
              >
                {t("customers.changeType")}
              </Button>
            )}
            <Button
              leftSection={<IconEye size={16} aria-hidden />}
              onClick={onViewAs}
              loading={viewAsPending}
            >
              {t("customers.viewAs")}
            </Button>
          </Group>
        </Group>
        <SimpleGrid cols={{ base: 1, xs: 2, md: 4 }} spacing="xs">
          <Detail label={t("customer.number")}>{customer.customerNumber}</Detail>
          <Detail label={t("customer.email")}>{customer.email}</Detail>
          <Detail label={t("customer.status")}>{customer.status}</Detail>
          <Detail label={t("customer.address")}>{formatAddress(customer.address)}</Detail>
          {customer.type === "company" && (
            <Detail label={t("customer.vatNumber")}>{customer.vatNumber}</Detail>
          )}
          <Detail label={t("customer.iban")}>{customer.iban}</Detail>
          {canRead("billing_data") && (
            <Detail label={t("portal.profile.mandate")}>
              <ActiveMandate customerId={customer.id} />
            </Detail>
          )}
          {customer.type === "employee" && customer.companyId && (
            <Detail label={t("customer.company")}>
              <AnchorLink to="/customers/$customerId" params={{ customerId: customer.companyId }}>
                {customer.companyName ?? customer.companyId}
              </AnchorLink>
            </Detail>
          )}
        </SimpleGrid>
      </Stack>
      <EditCustomerModal customer={customer} opened={editOpened} onClose={edit.close} />
      <ChangeTypeModal customer={customer} opened={typeOpened} onClose={changeType.close} />
    </Paper>
  );
}

function Detail({ label, children }: { label: string; children: ReactNode }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{children || "—"}</Text>
    </div>
  );
}
