import { useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import type { paymentMethodSchema } from "@voltlane/contracts";
import type { z } from "zod";
import { api, type Page, queryString } from "../../lib/api-client";

export type PaymentMethod = z.infer<typeof paymentMethodSchema>;
export interface Payment {
  id: string;
  invoiceId: string;
  amount: number;
  method: string;
  status: string;
  externalRef: string | null;
  receivedAt: string | null;
  /** ISO 4217: `amount` is in its minor units. */
  currency: string;
}

export function usePayments(customerId: string) {
  return useQuery({
    queryKey: ["payments", customerId],
    queryFn: () => api<Page<Payment>>("GET", `/payments${queryString({ customerId, pageSize: 200 })}`),
  });
}

export function useRecordPayment() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({
      invoiceId,
      ...body
    }: {
      invoiceId: string;
      amount: number;
      method: PaymentMethod;
      receivedAt: string;
      externalRef?: string;
    }) => api<Payment>("POST", `/invoices/${encodeURIComponent(invoiceId)}/payments`, body),
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["payments"] }),
        queryClient.invalidateQueries({ queryKey: ["invoices"] }),
      ]),
  });
}
