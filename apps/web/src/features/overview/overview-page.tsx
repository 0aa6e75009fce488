import { Badge, Group, Paper, SimpleGrid, Skeleton, Stack, Text, Title } from "@mantine/core";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import { useMe } from "../auth/me.query";
import { useChargeCards } from "../charge-cards/charge-cards.api";
import { thisMonth, useDashboard } from "../dashboard/dashboard.api";
import { DashboardTotals, EnergyChart } from "../dashboard/dashboard-panel";
import { formatMoney } from "../export/portal-format";
import { QueryState } from "../export/query-state";
import { InvoiceModal } from "../invoices/invoice-modal";
import { isOpen, useInvoices } from "../invoices/invoices.api";
import { InvoicesTable } from "../invoices/invoices-table";
import { effectiveView } from "../navigation/views";
import { PageTitle } from "../ui/page-title";

/**
 * Overview tab (§6): this month's usage and costs, open invoices and cards; employees also see
 * their reimbursements, company admins the company totals (energy, costs, revenue).
 */
export function OverviewPage() {
  const { t } = useTranslation();
  const me = useMe();
  const view = effectiveView(me);
  const [month] = useState(() => thisMonth());
  const dashboard = useDashboard({ interval: "day", ...month });
  return (
    <>
      <PageTitle>{t("nav.overview")}</PageTitle>
      <Stack>
        <Title order={3}>{t("portal.overview.thisMonth")}</Title>
        {dashboard.isPending ? (
          <Skeleton height={200} aria-label={t("common.loading")} />
        ) : (
          <QueryState query={dashboard}>
            {(data) => (
              <>
                <DashboardTotals data={data} deliveredToo={view === "company"} />
                <Paper withBorder p="md">
                  <EnergyChart data={data} deliveredToo={view === "company"} />
                </Paper>
              </>
            )}
          </QueryState>
        )}
        <OpenInvoices />
        {view === "employee" && <Reimbursements />}
        {view !== "company" && <CardsSummary />}
      </Stack>
    </>
  );
}

function OpenInvoices() {
  const { t } = useTranslation();
  const [openId, setOpenId] = useState<string | null>(null);
  const invoices = useInvoices({ status: "issued" }, 1, 100);
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm">
        {t("portal.overview.openInvoices")}
      </Title>
      <QueryState query={invoices}>
        {(data) => {
          const open = data.items.filter(isOpen);
          return open.length === 0 ? (
            <Text c="dimmed">{t("portal.overview.noOpenInvoices")}</Text>
          ) : (
            <InvoicesTable rows={open} onOpen={(i) => setOpenId(i.id)} />
          );
        }}
      </QueryState>
      <InvoiceModal id={openId} onClose={() => setOpenId(null)} />
    </Paper>
  );
}

function Reimbursements() {
  const { t, i18n } = useTranslation();
  const invoices = useInvoices({ kind: "reimbursement" }, 1, 12);
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm">
        {t("portal.overview.reimbursements")}
      </Title>
      <QueryState query={invoices}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t("portal.overview.noReimbursements")}</Text>
          ) : (
            <Stack gap={4}>
              {data.items.map((inv) => (
                <Group key={inv.id} justify="space-between">
                  <Text>
                    {inv.period} · {inv.number}
                  </Text>
                  <Text fw={600}>{formatMoney(inv.total, inv.currency, i18n.language)}</Text>
                </Group>
              ))}
            </Stack>
          )
        }
      </QueryState>
    </Paper>
  );
}

function CardsSummary() {
  const { t } = useTranslation();
  const cards = useChargeCards();
  return (
    <Paper withBorder p="md">
      <Title order={3} mb="sm">
        {t("nav.chargeCards")}
      </Title>
      <QueryState query={cards}>
        {(data) =>
          data.items.length === 0 ? (
            <Text c="dimmed">{t("portal.cards.none")}</Text>
          ) : (
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }}>
              {data.items.map((card) => (
                <Paper key={card.id} withBorder p="sm">
                  <Group justify="space-between">
                    <Text fw={600}>{card.externalId}</Text>
                    <Badge variant="light">{t(`portal.cards.statuses.${card.status}`)}</Badge>
                  </Group>
                  <Text size="sm" c="dimmed">
                    {card.label ?? ""} {card.roaming ? `· ${t("portal.cards.roaming")}` : ""}
                  </Text>
                </Paper>
              ))}
            </SimpleGrid>
          )
        }
      </QueryState>
    </Paper>
  );
}
