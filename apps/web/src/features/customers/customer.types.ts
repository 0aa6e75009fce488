import type { CustomerType, Language } from "../auth/me.types";

export interface Address {
  line1?: string | null;
  postalCode?: string | null;
  city?: string | null;
  country?: string | null;
}

export interface Customer {
  id: string;
  customerNumber: string;
  type: CustomerType;
  name: string;
  email: string;
  phone?: string | null;
  companyId?: string | null;
  companyName?: string | null;
  status: string;
  iban?: string | null;
  bic?: string | null;
  accountHolder?: string | null;
  invoiceEmail?: string | null;
  vatNumber?: string | null;
  cocNumber?: string | null;
  address: Address;
  language: Language;
  createdAt: string;
}

export interface Attachment {
  id: string;
  name: string;
  role: string;
  validFrom?: string | null;
  validTo?: string | null;
}

export interface Attachments {
  chargePoints: Attachment[];
  chargeCards: Attachment[];
  chargeGroups: Attachment[];
  grids: Attachment[];
  employees: Attachment[];
}

export interface CustomerListParams {
  page: number;
  pageSize: number;
  q?: string;
  type?: CustomerType;
  companyId?: string;
  sort?: string;
  order?: "asc" | "desc";
}

export type NewCustomer =
  | {
      type: "company";
      name: string;
      email: string;
      address: Address;
      vatNumber?: string;
      cocNumber?: string;
      iban?: string;
      admin: { email: string; name: string; password?: string };
    }
  | { type: "private"; name: string; email: string; address: Address; iban?: string; password?: string }
  | {
      type: "employee";
      companyId: string;
      name: string;
      email: string;
      webAccess: boolean;
      iban?: string;
      password?: string;
    };

export type CustomerPatch = Partial<
  Omit<Customer, "id" | "customerNumber" | "type" | "status" | "createdAt">
>;
