import { z } from "zod";

export const assetTypes = ["charge_point", "charge_card", "charge_group", "grid", "employee"] as const;
export const assetTypeSchema = z.enum(assetTypes);
export type AssetType = z.infer<typeof assetTypeSchema>;

export const attachmentRoles = [
  "card_user",
  "card_payer",
  "cp_receiver",
  "cp_subscription_payer",
  "group_member",
  "grid_viewer",
  "employee_of",
] as const;
export const attachmentRoleSchema = z.enum(attachmentRoles);
export type AttachmentRole = z.infer<typeof attachmentRoleSchema>;

export const attachmentItemSchema = z
  .object({
    id: z.uuid(),
    assetId: z.string(),
    name: z.string(),
    role: z.string(),
    validFrom: z.string(),
    validTo: z.string().nullable(),
  })
  .meta({ id: "AttachmentItem" });
export type AttachmentItem = z.infer<typeof attachmentItemSchema>;

/** The Attachments tab (§6): open and ended links, newest first. */
export const customerAttachmentsSchema = z
  .object({
    chargePoints: z.array(attachmentItemSchema),
    chargeCards: z.array(attachmentItemSchema),
    chargeGroups: z.array(attachmentItemSchema),
    grids: z.array(attachmentItemSchema),
    employees: z.array(attachmentItemSchema),
  })
  .meta({ id: "CustomerAttachments" });
export type CustomerAttachments = z.infer<typeof customerAttachmentsSchema>;

export const attachBodySchema = z.strictObject({
  assetType: assetTypeSchema.exclude(["employee"]),
  assetId: z.string().trim().min(1).max(100),
  role: attachmentRoleSchema,
});
export type AttachInput = z.infer<typeof attachBodySchema>;
