import { Button, Group, TextInput } from "@mantine/core";
import { IconFileExport } from "@tabler/icons-react";
import type { sepaExportSchema } from "@voltlane/contracts";
import { useState } from "react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { downloadText } from "../../components/data-table";
import { api } from "../../lib/api-client";
import { notifySuccess } from "../../lib/error-message";
import { useAction } from "../../routes/system/shared/use-action";

type SepaFile = z.infer<typeof sepaExportSchema>;

/** pain.008 direct debits and pain.001 payouts, saved as XML files for the bank. */
export function SepaExport() {
  const { t } = useTranslation();
  const [date, setDate] = useState(() => new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10));
  const save = (file: SepaFile) => {
    downloadText(`${file.batchRef}.xml`, file.xml, "application/xml");
    notifySuccess(t("bo.payments.exported", { count: file.count }));
  };
  const debits = useAction({
    run: () => api<SepaFile>("POST", "/payments/direct-debits/export", { collectionDate: date }),
    invalidate: [["payments"], ["invoices"]],
    onSuccess: save,
  });
  const payouts = useAction({
    run: () => api<SepaFile>("POST", "/payouts/export", { executionDate: date }),
    invalidate: [["payouts"]],
    onSuccess: save,
  });
  return (
    <Group align="flex-end" mb="md" wrap="wrap">
      <TextInput
        type="date"
        label={t("bo.payments.date")}
        value={date}
        onChange={(e) => setDate(e.currentTarget.value)}
      />
      <Button
        variant="default"
        leftSection={<IconFileExport size={16} aria-hidden />}
        loading={debits.isPending}
        onClick={() => debits.mutate()}
      >
        {t("bo.payments.exportDebits")}
      </Button>
      <Button
        variant="default"
        leftSection={<IconFileExport size={16} aria-hidden />}
        loading={payouts.isPending}
        onClick={() => payouts.mutate()}
      >
        {t("bo.payments.exportPayouts")}
      </Button>
    </Group>
  );
}
