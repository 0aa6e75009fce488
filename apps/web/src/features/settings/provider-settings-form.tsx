import {
  Button,
  Group,
  NumberInput,
  Paper,
  SimpleGrid,
  Stack,
  Switch,
  TextInput,
  Title,
} from "@mantine/core";
import { useForm } from "@mantine/form";
import type { providerSchema } from "@voltlane/contracts";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { api } from "../../lib/api-client";
import { applyFieldErrors } from "../../lib/form-errors";
import { useAction } from "../../routes/system/shared/use-action";

export type Provider = z.infer<typeof providerSchema>;
type Settings = Provider["settings"];

const numberSettings = [
  "invoiceRunDay",
  "paymentTermDays",
  "selfBillPayoutDays",
  "reimbursementPayoutDays",
  "minSessionSeconds",
  "minSessionWh",
  "maxPlausibleSessionWh",
  "ticketAutoCloseDays",
] as const satisfies readonly (keyof Settings)[];
const flagSettings = [
  "acceptUnknownChargePoints",
  "reviewBeforeIssue",
  "requireTwoFactor",
] as const satisfies readonly (keyof Settings)[];
const textFields = ["name", "legalName", "vatNumber", "cocNumber", "iban", "bic", "timeZone"] as const;
const addressFields = ["line1", "postalCode", "city", "country"] as const;

/** PATCH /provider: company data, address and the settings of DOMAIN.md §3. */
export function ProviderSettingsForm({ provider, readOnly }: { provider: Provider; readOnly: boolean }) {
  const { t } = useTranslation();
  const form = useForm({
    mode: "controlled",
    initialValues: {
      ...Object.fromEntries(textFields.map((f) => [f, provider[f] ?? ""])),
      address: Object.fromEntries(addressFields.map((f) => [f, provider.address?.[f] ?? ""])),
      settings: { ...provider.settings },
    } as Record<(typeof textFields)[number], string> & {
      address: Record<string, string>;
      settings: Settings;
    },
  });
  const save = useAction({
    run: (v: typeof form.values) => {
      const nullable = (s: string) => s.trim() || null;
      return api<Provider>("PATCH", "/provider", {
        name: v.name,
        legalName: nullable(v.legalName),
        vatNumber: nullable(v.vatNumber),
        cocNumber: nullable(v.cocNumber),
        iban: nullable(v.iban),
        bic: nullable(v.bic),
        timeZone: v.timeZone,
        address: Object.fromEntries(Object.entries(v.address).filter(([, value]) => value.trim())),
        settings: v.settings,
      });
    },
    invalidate: [["provider"]],
    success: "bo.settings.saved",
    handleError: (error) => applyFieldErrors(form, error),
  });
  return (
    <form onSubmit={form.onSubmit((v) => save.mutate(v))}>
      <fieldset disabled={readOnly} style={{ border: 0, padding: 0, margin: 0 }}>
        <Stack>
          <Paper withBorder p="md">
            <Title order={3} mb="sm">
              {t("bo.settings.company")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {textFields.map((f) => (
                <TextInput
                  key={f}
                  label={t(`bo.settings.${f}`)}
                  required={f === "name"}
                  {...form.getInputProps(f)}
                />
              ))}
              {addressFields.map((f) => (
                <TextInput key={f} label={t(`bo.settings.${f}`)} {...form.getInputProps(`address.${f}`)} />
              ))}
            </SimpleGrid>
          </Paper>
          <Paper withBorder p="md">
            <Title order={3} mb="sm">
              {t("bo.settings.billing")}
            </Title>
            <SimpleGrid cols={{ base: 1, sm: 2 }}>
              {numberSettings.map((f) => (
                <NumberInput
                  key={f}
                  label={t(`bo.settings.${f}`)}
                  min={0}
                  allowDecimal={false}
                  {...form.getInputProps(`settings.${f}`)}
                />
              ))}
            </SimpleGrid>
            <Stack mt="md" gap="xs">
              {flagSettings.map((f) => (
                <Switch
                  key={f}
                  label={t(`bo.settings.${f}`)}
                  {...form.getInputProps(`settings.${f}`, { type: "checkbox" })}
                />
              ))}
            </Stack>
          </Paper>
          {!readOnly && (
            <Group justify="flex-end">
              <Button type="submit" loading={save.isPending}>
                {t("common.save")}
              </Button>
            </Group>
          )}
        </Stack>
      </fieldset>
    </form>
  );
}
