import { z } from "zod";

export const systemRoles = ["admin", "operations", "finance", "support", "viewer"] as const;
export const systemRoleSchema = z.enum(systemRoles);
export type SystemRole = z.infer<typeof systemRoleSchema>;

export const customerRoles = ["company_admin", "employee", "private_user"] as const;
export const customerRoleSchema = z.enum(customerRoles);
export type CustomerRole = z.infer<typeof customerRoleSchema>;

export const customerTypes = ["private", "company", "employee"] as const;
export const customerTypeSchema = z.enum(customerTypes);
export type CustomerType = z.infer<typeof customerTypeSchema>;

export const languageSchema = z.enum(["en", "nl"]);
export type Language = z.infer<typeof languageSchema>;
