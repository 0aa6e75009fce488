import { keepPreviousData, queryOptions, useMutation, useQuery, useQueryClient } from "@tanstack/react-query";
import { api, type Page, queryString } from "../../lib/api-client";
import type { CustomerType } from "../auth/me.types";
import type { Attachments, Customer, CustomerListParams, CustomerPatch, NewCustomer } from "./customer.types";

export const customerKeys = {
  all: ["customers"] as const,
  list: (params: CustomerListParams) => ["customers", "list", params] as const,
  detail: (id: string) => ["customers", "detail", id] as const,
  attachments: (id: string) => ["customers", "detail", id, "attachments"] as const,
};

export function useCustomers(params: CustomerListParams, enabled = true) {
  return useQuery({
    queryKey: customerKeys.list(params),
    queryFn: () => api<Page<Customer>>("GET", `/customers${queryString({ ...params })}`),
    placeholderData: keepPreviousData,
    enabled,
  });
}

export const customerQuery = (id: string) =>
  queryOptions({
    queryKey: customerKeys.detail(id),
    queryFn: () => api<Customer>("GET", `/customers/${encodeURIComponent(id)}`),
  });

export function useCustomer(id: string | undefined) {
  return useQuery({ ...customerQuery(id ?? ""), enabled: Boolean(id) });
}

export function useAttachments(id: string) {
  return useQuery({
    queryKey: customerKeys.attachments(id),
    queryFn: () => api<Attachments>("GET", `/customers/${encodeURIComponent(id)}/attachments`),
  });
}

export function useCreateCustomer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: NewCustomer) => api<Customer>("POST", "/customers", input),
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKeys.detail(customer.id), customer);
      return queryClient.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
}

export function useUpdateCustomer(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (patch: CustomerPatch) =>
      api<Customer>("PATCH", `/customers/${encodeURIComponent(id)}`, patch),
    onSuccess: (customer) => {
      queryClient.setQueryData(customerKeys.detail(id), customer);
      return queryClient.invalidateQueries({ queryKey: customerKeys.all });
    },
  });
}

export function useChangeCustomerType(id: string) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: { type: CustomerType; companyId?: string }) =>
      api<Customer>("POST", `/customers/${encodeURIComponent(id)}/change-type`, input),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: customerKeys.all }),
  });
}
