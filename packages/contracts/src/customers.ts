import { z } from "zod";
import { sortQuery } from "./pagination";
import { customerRoleSchema, customerTypeSchema, languageSchema } from "./roles";

const name = z.string().trim().min(1).max(200);
const email = z.email().max(320);
const optionalText = (max: number) => z.string().trim().max(max).optional();
const password = z.string().min(10, "at least 10 characters").max(256);

export const addressSchema = z
  .strictObject({
    line1: optionalText(200),
    line2: optionalText(200),
    postalCode: optionalText(20),
    city: optionalText(100),
    /** ISO 3166-1 alpha-2. */
    country: z
      .string()
      .regex(/^[A-Z]{2}$/, "ISO country code")
      .optional(),
  })
  .meta({ id: "Address" });
export type AddressInput = z.infer<typeof addressSchema>;

/** R14: terms acceptance may be recorded at creation. */
const terms = {
  termsAcceptedAt: z.iso.datetime({ offset: true }).optional(),
  termsVersion: optionalText(50),
};

/** Fields every customer type may carry at creation (system users only for customerNumber/reference). */
const common = {
  name,
  email,
  customerNumber: z.string().trim().min(1).max(40).optional(),
  contractId: optionalText(60),
  invoiceEmail: email.optional(),
  phone: optionalText(40),
  language: languageSchema.optional(),
  reference: optionalText(100),
  iban: z.string().max(50).optional(),
  bic: z.string().trim().max(11).optional(),
  accountHolder: optionalText(200),
  ...terms,
};

export const createPrivateCustomerSchema = z.strictObject({
  type: z.literal("private"),
  ...common,
  address: addressSchema,
  password: password.optional(),
});

export const createCompanySchema = z.strictObject({
  type: z.literal("company"),
  ...common,
  address: addressSchema,
  vatNumber: z.string().max(30).optional(),
  cocNumber: optionalText(30),
  admin: z.strictObject({ email, name, password: password.optional(), language: languageSchema.optional() }),
});

export const createEmployeeSchema = z.strictObject({
  type: z.literal("employee"),
  companyId: z.uuid(),
  ...common,
  address: addressSchema.optional(),
  webAccess: z.boolean(),
  employeeNumber: optionalText(40),
  password: password.optional(),
});

export const createCustomerBodySchema = z
  .discriminatedUnion("type", [createPrivateCustomerSchema, createCompanySchema, createEmployeeSchema])
  .meta({ id: "CreateCustomer" });
export type CreateCustomerInput = z.infer<typeof createCustomerBodySchema>;

export const customerSchema = z
  .object({
    id: z.uuid(),
    customerNumber: z.string(),
    contractId: z.string().nullable(),
    type: customerTypeSchema,
    status: z.enum(["active", "closed"]),
    name: z.string(),
    email: z.string().nullable(),
    invoiceEmail: z.string().nullable(),
    phone: z.string().nullable(),
    address: z.record(z.string(), z.string().optional()),
    language: languageSchema,
    reference: z.string().nullable(),
    companyId: z.uuid().nullable(),
    iban: z.string().nullable(),
    bic: z.string().nullable(),
    accountHolder: z.string().nullable(),
    cocNumber: z.string().nullable(),
    /** The latest VAT entity; status stays `unchecked` until a VIES check (R13). */
    vatNumber: z.string().nullable(),
    vatStatus: z.enum(["unchecked", "pending", "valid", "invalid"]).nullable(),
    termsAcceptedAt: z.string().nullable(),
    termsVersion: z.string().nullable(),
    /** Employees: the open employment link (R10). */
    employment: z
      .object({ validFrom: z.string(), employeeNumber: z.string().nullable(), webAccess: z.boolean() })
      .nullable(),
    createdAt: z.string(),
    updatedAt: z.string(),
  })
  .meta({ id: "Customer" });
export type CustomerView = z.infer<typeof customerSchema>;

export const customerSortFields = ["customerNumber", "name", "email", "type", "status", "createdAt"] as const;

export const customerListQuerySchema = z.object({
  ...sortQuery(customerSortFields),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  q: z.string().trim().max(200).optional(),
  type: customerTypeSchema.optional(),
  companyId: z.uuid().optional(),
  status: z.enum(["active", "closed"]).optional(),
});
export type CustomerListQuery = z.infer<typeof customerListQuerySchema>;

export const updateCustomerBodySchema = z
  .strictObject({
    // Profile: the customer itself (and company admins for their employees) may edit these.
    name: name.optional(),
    phone: z.string().trim().max(40).nullable().optional(),
    address: addressSchema.optional(),
    language: languageSchema.optional(),
    invoiceEmail: email.nullable().optional(),
    // Billing data (§2 "Billing data": O for customers).
    iban: z.string().max(50).nullable().optional(),
    bic: z.string().trim().max(11).nullable().optional(),
    accountHolder: z.string().trim().max(200).nullable().optional(),
    /** A new number adds a VAT entity (R13); entities are never removed. */
    vatNumber: z.string().max(30).optional(),
    // Employees: company admins and staff ("Employees: create, web access, off-board").
    webAccess: z.boolean().optional(),
    employeeNumber: z.string().trim().max(40).nullable().optional(),
    // Staff only.
    email: email.optional(),
    contractId: z.string().trim().max(60).nullable().optional(),
    reference: z.string().trim().max(100).nullable().optional(),
    cocNumber: z.string().trim().max(30).nullable().optional(),
    status: z.enum(["active", "closed"]).optional(),
    ...terms,
  })
  .meta({ id: "UpdateCustomer" });
export type UpdateCustomerInput = z.infer<typeof updateCustomerBodySchema>;

export const changeCustomerTypeBodySchema = z.strictObject({
  type: customerTypeSchema,
  /** Required for `employee` (R11). */
  companyId: z.uuid().optional(),
  employeeNumber: optionalText(40),
  /** For `company`. */
  cocNumber: optionalText(30),
  vatNumber: z.string().max(30).optional(),
});
export type ChangeCustomerTypeInput = z.infer<typeof changeCustomerTypeBodySchema>;

export const loginUserSchema = z
  .object({
    id: z.uuid(),
    customerId: z.uuid(),
    email: z.string(),
    name: z.string(),
    role: customerRoleSchema,
    enabled: z.boolean(),
    /** False until the invitation link was used. */
    passwordSet: z.boolean(),
    otpEnabled: z.boolean(),
    language: languageSchema,
    lastLoginAt: z.string().nullable(),
    createdAt: z.string(),
  })
  .meta({ id: "LoginUser" });
export type LoginUserView = z.infer<typeof loginUserSchema>;

export const createLoginUserBodySchema = z.strictObject({
  email,
  name,
  password: password.optional(),
  language: languageSchema.optional(),
});
export type CreateLoginUserInput = z.infer<typeof createLoginUserBodySchema>;

export const updateLoginUserBodySchema = z.strictObject({
  name: name.optional(),
  enabled: z.boolean().optional(),
  language: languageSchema.optional(),
});
export type UpdateLoginUserInput = z.infer<typeof updateLoginUserBodySchema>;

/** §3 VatEntity: the names and VAT numbers a company is invoiced under (R13). */
export const vatEntitySchema = z
  .object({
    id: z.uuid(),
    invoiceName: z.string(),
    vatNumber: z.string(),
    status: z.enum(["unchecked", "pending", "valid", "invalid"]),
    checkedAt: z.iso.datetime().nullable(),
    createdAt: z.iso.datetime(),
  })
  .meta({ id: "VatEntity" });
export type VatEntityView = z.infer<typeof vatEntitySchema>;

/** §3 DirectDebitMandate (R12: direct debit needs an active one). */
export const mandateSchema = z
  .object({
    id: z.uuid(),
    reference: z.string(),
    scheme: z.enum(["core", "b2b"]),
    signedAt: z.iso.datetime(),
    iban: z.string(),
    status: z.enum(["active", "revoked"]),
  })
  .meta({ id: "DirectDebitMandate" });
export type MandateView = z.infer<typeof mandateSchema>;

export const billingRecordsSchema = z
  .object({ vatEntities: z.array(vatEntitySchema), mandates: z.array(mandateSchema) })
  .meta({ id: "BillingRecords" });
export type BillingRecords = z.infer<typeof billingRecordsSchema>;

export const addVatEntitySchema = z.strictObject({
  invoiceName: z.string().trim().min(1).max(200),
  vatNumber: z.string().trim().min(1).max(30),
});
export type AddVatEntityInput = z.infer<typeof addVatEntitySchema>;

export const signMandateSchema = z.strictObject({ scheme: z.enum(["core", "b2b"]).optional() });
export type SignMandateInput = z.infer<typeof signMandateSchema>;
