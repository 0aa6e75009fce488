import { z } from "zod";
import { sortQuery } from "./pagination";

export const chargeGroupTypeSchema = z.enum(["home", "other"]);
export const chargeGroupAccessSchema = z.enum(["attached", "provider", "roaming"]);

export const chargeGroupSchema = z
  .object({
    id: z.uuid(),
    code: z.string(),
    name: z.string(),
    description: z.string().nullable(),
    type: chargeGroupTypeSchema,
    tariffId: z.uuid().nullable(),
    access: chargeGroupAccessSchema,
    members: z.array(z.object({ customerId: z.uuid(), validFrom: z.iso.datetime() })).optional(),
    exceptions: z.array(z.object({ customerId: z.uuid(), tariffId: z.uuid() })).optional(),
  })
  .meta({ id: "ChargeGroup" });
export type ChargeGroupDto = z.infer<typeof chargeGroupSchema>;

export const createChargeGroupSchema = z.strictObject({
  code: z.string().trim().min(1).max(50),
  name: z.string().trim().min(1).max(200),
  description: z.string().max(2000).nullable().optional(),
  type: chargeGroupTypeSchema.default("other"),
  tariffId: z.uuid().nullable().optional(),
  access: chargeGroupAccessSchema.default("attached"),
});
export type CreateChargeGroupInput = z.infer<typeof createChargeGroupSchema>;

export const updateChargeGroupSchema = z.strictObject({
  code: z.string().trim().min(1).max(50).optional(),
  name: z.string().trim().min(1).max(200).optional(),
  description: z.string().max(2000).nullable().optional(),
  type: chargeGroupTypeSchema.optional(),
  tariffId: z.uuid().nullable().optional(),
  access: chargeGroupAccessSchema.optional(),
});
export type UpdateChargeGroupInput = z.infer<typeof updateChargeGroupSchema>;

export const chargeGroupSortFields = ["code", "name", "type", "access"] as const;

export const chargeGroupListQuerySchema = z.object({
  ...sortQuery(chargeGroupSortFields),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  q: z.string().max(200).optional(),
  type: chargeGroupTypeSchema.optional(),
});
export type ChargeGroupListQuery = z.infer<typeof chargeGroupListQuerySchema>;

export const groupMemberBodySchema = z.strictObject({ customerId: z.uuid() });
export const tariffExceptionBodySchema = z.strictObject({ tariffId: z.uuid() });
