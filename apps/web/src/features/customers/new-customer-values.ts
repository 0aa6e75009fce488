import type { TFunction } from "i18next";
import type { CustomerType } from "../auth/me.types";
import type { Address, NewCustomer } from "./customer.types";

export interface NewCustomerValues {
  type: CustomerType;
  name: string;
  email: string;
  address: Required<{ [K in keyof Address]: string }>;
  iban: string;
  vatNumber: string;
  cocNumber: string;
  password: string;
  companyId: string | null;
  webAccess: boolean;
  admin: { name: string; email: string; password: string };
}

export const emptyNewCustomer: NewCustomerValues = {
  type: "company",
  name: "",
  email: "",
  address: { line1: "", postalCode: "", city: "", country: "NL" },
  iban: "",
  vatNumber: "",
  cocNumber: "",
  password: "",
  companyId: null,
  webAccess: true,
  admin: { name: "", email: "", password: "" },
};

const optional = (value: string) => (value.trim() ? value.trim() : undefined);
const EMAIL = /^\S+@\S+\.\S+$/;

/** Client-side checks for what the server needs anyway; the server's 400 details are shown too. */
export function validateNewCustomer(values: NewCustomerValues, t: TFunction): Record<string, string> {
  const errors: Record<string, string> = {};
  const required = (path: string, value: string) => {
    if (!value.trim()) errors[path] = t("validation.required");
  };
  const email = (path: string, value: string) => {
    if (!EMAIL.test(value.trim())) errors[path] = t("validation.email");
  };
  required("name", values.name);
  email("email", values.email);
  if (values.type === "company") {
    required("admin.name", values.admin.name);
    email("admin.email", values.admin.email);
  }
  if (values.type === "employee" && !values.companyId) errors.companyId = t("validation.required");
  return errors;
}

export function toNewCustomer(values: NewCustomerValues): NewCustomer {
  const base = { name: values.name.trim(), email: values.email.trim(), iban: optional(values.iban) };
  const address = Object.fromEntries(
    Object.entries(values.address).map(([key, value]) => [
      key,
      optional(key === "country" ? value.toUpperCase() : value),
    ]),
  ) as Address;
  if (values.type === "company")
    return {
      type: "company",
      ...base,
      address,
      vatNumber: optional(values.vatNumber),
      cocNumber: optional(values.cocNumber),
      admin: {
        name: values.admin.name.trim(),
        email: values.admin.email.trim(),
        password: optional(values.admin.password),
      },
    };
  if (values.type === "employee")
    return {
      type: "employee",
      ...base,
      companyId: values.companyId ?? "",
      webAccess: values.webAccess,
      password: optional(values.password),
    };
  return { type: "private", ...base, address, password: optional(values.password) };
}
