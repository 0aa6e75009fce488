import { useMutation, useQueryClient } from "@tanstack/react-query";
import { api } from "../../lib/api-client";
import type { Customer } from "../customers/customer.types";

export interface NewEmployee {
  name: string;
  email: string;
  webAccess: boolean;
  employeeNumber?: string;
  iban?: string;
}

export interface EmployeePatch {
  name?: string;
  webAccess?: boolean;
  employeeNumber?: string | null;
  iban?: string | null;
}

/** Employees are customers of type `employee` (W6); every change refreshes the customer lists. */
function useEmployeeMutation<I>(run: (input: I) => Promise<unknown>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: run,
    onSuccess: () =>
      Promise.all([
        queryClient.invalidateQueries({ queryKey: ["customers"] }),
        queryClient.invalidateQueries({ queryKey: ["charge-cards"] }),
      ]),
  });
}

export const useAddEmployee = (companyId: string) =>
  useEmployeeMutation((input: NewEmployee) =>
    api<Customer>("POST", "/customers", { type: "employee", companyId, ...input }),
  );

export const useEditEmployee = () =>
  useEmployeeMutation(({ id, patch }: { id: string; patch: EmployeePatch }) =>
    api<Customer>("PATCH", `/customers/${encodeURIComponent(id)}`, patch),
  );

/** R65: one step; the person becomes a private user keeping the login. */
export const useOffBoard = () =>
  useEmployeeMutation((id: string) =>
    api<Customer>("POST", `/customers/${encodeURIComponent(id)}/off-board`),
  );
