export type SystemRole = "super" | "admin" | "operations" | "finance" | "support" | "viewer";
export type CustomerRole = "company_admin" | "employee" | "private_user";
export type CustomerType = "private" | "company" | "employee";
export type Language = "en" | "nl";

export interface ViewAs {
  customerId: string;
  customerType: CustomerType;
  name: string;
}

export interface Me {
  id: string;
  email: string;
  name: string;
  kind: "system" | "customer";
  roles: string[];
  isSuper: boolean;
  providerId: string;
  customerId?: string | null;
  customerType?: CustomerType | null;
  language: Language;
  otpEnabled: boolean;
  otpEnrollmentRequired: boolean;
  viewAs?: ViewAs | null;
}
