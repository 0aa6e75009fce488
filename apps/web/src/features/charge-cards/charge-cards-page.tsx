import { Badge, Button, Paper, Stack, Switch, Title } from "@mantine/core";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../components/data-table";
import { notifyError, notifySuccess } from "../../lib/error-message";
import { formatDate } from "../../lib/format";
import { useMe } from "../auth/me.query";
import { useCustomer, useCustomers } from "../customers/customers.api";
import { QueryState } from "../export/query-state";
import { effectiveCustomerId, effectiveView, isReadOnly } from "../navigation/views";
import { PageTitle } from "../ui/page-title";
import { WalletBalanceCell } from "../wallets/wallet-balance-cell";
import { AttachCardForm } from "./attach-card-form";
import { type ChargeCard, cardActions, useCardAction, useChargeCards } from "./charge-cards.api";
import { ClaimCardForm } from "./claim-card-form";

const statusColor = { active: "green", inactive: "gray", blocked: "red" } as const;

/**
 * Charge Cards tab (§6). Private users claim (R31), set roaming and report lost; employees only
 * report lost (R28); company admins attach (R28), set roaming and report lost. View-as is read-only.
 * Private users and employees see their cards' wallets (matrix row `wallet`: O); company admins do not.
 */
export function ChargeCardsPage() {
  const { t } = useTranslation();
  const me = useMe();
  const view = effectiveView(me);
  const readOnly = isReadOnly(me);
  const customerId = effectiveCustomerId(me);
  const cards = useChargeCards();
  const customer = useCustomer(customerId);
  const employees = useCustomers(
    { companyId: customerId, type: "employee", page: 1, pageSize: 500 },
    view === "company",
  );
  const names = new Map((employees.data?.items ?? []).map((e) => [e.id, e.name]));
  const canRoam = !readOnly && view !== "employee";
  return (
    <>
      <PageTitle>{t("nav.chargeCards")}</PageTitle>
      <Stack>
        {!readOnly && view === "private" && (
          <Paper withBorder p="md">
            <ClaimCardForm />
          </Paper>
        )}
        {!readOnly && view === "company" && customerId && (
          <Paper withBorder p="md">
            <Title order={3} mb="sm">
              {t("portal.cards.attach")}
            </Title>
            <AttachCardForm companyId={customerId} companyName={customer.data?.name ?? ""} />
          </Paper>
        )}
        <Paper withBorder p="md">
          <QueryState
            query={cards}
            isEmpty={(data) => data.items.length === 0}
            emptyTitle={t("portal.cards.none")}
            emptyDescription={t("portal.cards.noneHint")}
          >
            {(data) => (
              <CardsTable
                rows={data.items}
                userName={(id) => (id && names.get(id)) || (id === customerId ? t("portal.cards.you") : "—")}
                canRoam={canRoam}
                canBlock={!readOnly}
                showWallet={view !== "company"}
              />
            )}
          </QueryState>
        </Paper>
      </Stack>
    </>
  );
}

function CardsTable({
  rows,
  userName,
  canRoam,
  canBlock,
  showWallet,
}: {
  rows: ChargeCard[];
  userName: (id: string | null) => string;
  canRoam: boolean;
  canBlock: boolean;
  showWallet: boolean;
}) {
  const { t, i18n } = useTranslation();
  const roaming = useCardAction(cardActions.setRoaming);
  const block = useCardAction(cardActions.block);
  const reportLost = (card: ChargeCard) => {
    if (!window.confirm(t("portal.cards.confirmLost", { card: card.externalId }))) return;
    block.mutate(
      { id: card.id, reason: "reported lost" },
      { onSuccess: () => notifySuccess(t("portal.cards.blocked")), onError: (e) => notifyError(e, t) },
    );
  };
  const columns: Column<ChargeCard>[] = [
    {
      id: "externalId",
      header: t("portal.cards.externalId"),
      cell: (r) => r.externalId,
      sortValue: (r) => r.externalId,
      csv: (r) => r.externalId,
    },
    { id: "label", header: t("portal.cards.label"), cell: (r) => r.label ?? "—", csv: (r) => r.label },
    {
      id: "user",
      header: t("portal.cards.user"),
      cell: (r) => userName(r.customerId),
      sortValue: (r) => userName(r.customerId),
    },
    {
      id: "status",
      header: t("portal.cards.status"),
      cell: (r) => <Badge color={statusColor[r.status]}>{t(`portal.cards.statuses.${r.status}`)}</Badge>,
      sortValue: (r) => r.status,
      csv: (r) => r.status,
    },
    {
      id: "roaming",
      header: t("portal.cards.roaming"),
      cell: (r) => (
        <Switch
          checked={r.roaming}
          disabled={!canRoam || r.status === "blocked"}
          aria-label={t("portal.cards.roamingFor", { card: r.externalId })}
          onChange={(e) =>
            roaming.mutate(
              { id: r.id, roaming: e.currentTarget.checked },
              { onError: (err) => notifyError(err, t) },
            )
          }
        />
      ),
      csv: (r) => String(r.roaming),
    },
    {
      id: "validUntil",
      header: t("portal.cards.validUntil"),
      cell: (r) => formatDate(r.validUntil, i18n.language),
    },
  ];
  if (showWallet)
    columns.push({
      id: "wallet",
      header: t("bo.wallets.wallet"),
      cell: (r) => <WalletBalanceCell card={r} />,
    });
  if (canBlock)
    columns.push({
      id: "actions",
      header: "",
      cell: (r) =>
        r.status !== "blocked" && (
          <Button size="compact-sm" color="red" variant="subtle" onClick={() => reportLost(r)}>
            {t("portal.cards.reportLost")}
          </Button>
        ),
    });
  return (
    <DataTable
      rows={rows}
      columns={columns}
      rowKey={(r) => r.id}
      label={t("nav.chargeCards")}
      csvFileName="charge-cards.csv"
    />
  );
}
