import { ActionIcon, Button, Group, Menu, Modal, Select, Switch, TextInput } from "@mantine/core";
import { useDebouncedValue } from "@mantine/hooks";
import { IconDots, IconFileImport, IconPlus, IconSearch } from "@tabler/icons-react";
import { createRoute } from "@tanstack/react-router";
import type { ChargeCardDto } from "@voltlane/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { type Column, DataTable } from "../../components/data-table";
import { usePermissions } from "../../features/auth/permissions.query";
import { AttachCardForm, BlockCardForm, RegisterCardForm } from "../../features/cards-admin/card-dialogs";
import { CardImportForm } from "../../features/cards-admin/card-import-form";
import { PageTitle } from "../../features/ui/page-title";
import { CardWalletDialog, useCanDepositToWallet } from "../../features/wallets/card-wallet-dialog";
import { api } from "../../lib/api-client";
import { CustomerName } from "./shared/customer-select";
import { PageFooter } from "./shared/page-footer";
import { QueryState } from "./shared/query-state";
import { StatusBadge } from "./shared/status-badge";
import { useAction } from "./shared/use-action";
import { useListSort, usePagedList } from "./shared/use-list";
import { systemRoute } from "./system.route";

export const chargeCardsRoute = createRoute({
  getParentRoute: () => systemRoute,
  path: "/charge-cards",
  component: CardsPage,
});

type Dialog = { kind: "register" | "import" } | { kind: "attach" | "block"; card: ChargeCardDto } | null;

function CardsPage() {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [search, setSearch] = useState("");
  const [q] = useDebouncedValue(search, 300);
  const [status, setStatus] = useState<string | null>(null);
  const [dialog, setDialog] = useState<Dialog>(null);
  const [walletCard, setWalletCard] = useState<ChargeCardDto | null>(null);
  const canDeposit = useCanDepositToWallet();
  const { canWrite } = usePermissions();
  const sorting = useListSort<ChargeCardDto>("charge-cards", () => setPage(1));
  const filters = { q: q || undefined, status };
  const cards = usePagedList<ChargeCardDto>("charge-cards", {
    page,
    pageSize: 50,
    ...filters,
    ...sorting.params,
  });
  const invalidate = [["charge-cards"]];
  const post = useAction({
    run: (input: { card: ChargeCardDto; action: "detach" | "unblock" }) =>
      api("POST", `/charge-cards/${input.card.id}/${input.action}`),
    invalidate,
    success: "bo.common.done",
  });
  const roaming = useAction({
    run: (input: { card: ChargeCardDto; roaming: boolean }) =>
      api("PATCH", `/charge-cards/${input.card.id}`, { roaming: input.roaming }),
    invalidate,
    success: "bo.cards.roamingSaved",
  });
  const columns: Column<ChargeCardDto>[] = [
    {
      id: "ext",
      header: t("bo.cards.externalId"),
      cell: (c) => c.externalId,
      sortKey: "externalId",
      csv: (c) => c.externalId,
    },
    { id: "rfid", header: t("bo.cards.rfid"), cell: (c) => c.rfid, sortKey: "rfid", csv: (c) => c.rfid },
    {
      id: "label",
      header: t("bo.cards.label"),
      cell: (c) => c.label ?? "—",
      sortKey: "label",
      csv: (c) => c.label,
    },
    {
      id: "user",
      header: t("bo.cards.user"),
      cell: (c) => <CustomerName id={c.customerId} />,
      csv: (c) => c.customerId,
    },
    {
      id: "payer",
      header: t("bo.cards.payer"),
      cell: (c) => <CustomerName id={c.payerCustomerId} />,
      csv: (c) => c.payerCustomerId,
    },
    {
      id: "status",
      header: t("bo.common.status"),
      cell: (c) => <StatusBadge value={c.status} />,
      sortKey: "status",
      csv: (c) => c.status,
    },
    {
      id: "roaming",
      header: t("bo.cards.roaming"),
      cell: (c) => (
        <Switch
          aria-label={`${t("bo.cards.roaming")} ${c.externalId}`}
          checked={c.roaming}
          disabled={!canWrite("cards_attach")}
          onChange={(e) => roaming.mutate({ card: c, roaming: e.currentTarget.checked })}
        />
      ),
      csv: (c) => (c.roaming ? "yes" : "no"),
    },
    {
      id: "wallet",
      header: t("bo.wallets.wallet"),
      cell: (c) => (
        <Button size="compact-sm" variant="subtle" onClick={() => setWalletCard(c)}>
          {t("bo.wallets.show")}
        </Button>
      ),
    },
    {
      id: "actions",
      header: "",
      cell: (c) => (
        <Menu position="bottom-end" disabled={!canWrite("cards_attach") && !canWrite("cards_block")}>
          <Menu.Target>
            <ActionIcon variant="subtle" aria-label={t("bo.cards.actionsFor", { id: c.externalId })}>
              <IconDots size={16} aria-hidden />
            </ActionIcon>
          </Menu.Target>
          <Menu.Dropdown>
            {canWrite("cards_attach") && (
              <Menu.Item onClick={() => setDialog({ kind: "attach", card: c })}>
                {t("bo.cards.attach")}
              </Menu.Item>
            )}
            {canWrite("cards_attach") && c.customerId && (
              <Menu.Item onClick={() => post.mutate({ card: c, action: "detach" })}>
                {t("bo.cards.detach")}
              </Menu.Item>
            )}
            {c.status === "blocked"
              ? canWrite("cards") && (
                  <Menu.Item onClick={() => post.mutate({ card: c, action: "unblock" })}>
                    {t("bo.cards.unblock")}
                  </Menu.Item>
                )
              : canWrite("cards_block") && (
                  <Menu.Item color="red" onClick={() => setDialog({ kind: "block", card: c })}>
                    {t("bo.cards.block")}
                  </Menu.Item>
                )}
          </Menu.Dropdown>
        </Menu>
      ),
    },
  ];
  const close = () => setDialog(null);
  return (
    <>
      <PageTitle
        actions={
          canWrite("cards") && (
            <Group gap="xs">
              <Button
                variant="default"
                leftSection={<IconFileImport size={16} aria-hidden />}
                onClick={() => setDialog({ kind: "import" })}
              >
                {t("bo.cards.import")}
              </Button>
              <Button
                leftSection={<IconPlus size={16} aria-hidden />}
                onClick={() => setDialog({ kind: "register" })}
              >
                {t("bo.cards.register")}
              </Button>
            </Group>
          )
        }
      >
        {t("bo.cards.title")}
      </PageTitle>
      <Group mb="md" wrap="wrap">
        <TextInput
          aria-label={t("bo.cards.search")}
          placeholder={t("bo.cards.search")}
          leftSection={<IconSearch size={14} aria-hidden />}
          value={search}
          onChange={(e) => {
            setSearch(e.currentTarget.value);
            setPage(1);
          }}
        />
        <Select
          aria-label={t("bo.common.status")}
          placeholder={t("bo.common.status")}
          clearable
          value={status}
          onChange={(v) => {
            setStatus(v);
            setPage(1);
          }}
          data={["active", "inactive", "blocked"].map((value) => ({ value, label: t(`bo.status.${value}`) }))}
        />
      </Group>
      <QueryState
        query={cards}
        isEmpty={(d) => d.items.length === 0}
        emptyTitle={t("bo.cards.none")}
        emptyDescription={t("bo.cards.noneHint")}
      >
        {(data) => (
          <>
            <DataTable
              rows={data.items}
              columns={columns}
              rowKey={(c) => c.id}
              label={t("bo.cards.title")}
              csvFileName="charge-cards.csv"
              {...sorting.tableProps(filters)}
            />
            <PageFooter total={data.total} page={page} pageSize={50} onPage={setPage} />
          </>
        )}
      </QueryState>
      {walletCard && (
        <CardWalletDialog card={walletCard} canDeposit={canDeposit} onClose={() => setWalletCard(null)} />
      )}
      <Modal
        opened={dialog !== null}
        onClose={close}
        size={dialog?.kind === "import" ? "xl" : "md"}
        title={dialog ? t(dialog.kind === "import" ? "bo.cards.importTitle" : `bo.cards.${dialog.kind}`) : ""}
      >
        {dialog?.kind === "register" && <RegisterCardForm onDone={close} />}
        {dialog?.kind === "import" && <CardImportForm onDone={close} />}
        {dialog?.kind === "attach" && <AttachCardForm card={dialog.card} onDone={close} />}
        {dialog?.kind === "block" && <BlockCardForm card={dialog.card} onDone={close} />}
      </Modal>
    </>
  );
}
