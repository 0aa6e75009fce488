import { z } from "zod";

const coordinate = (max: number) =>
  z
    .string()
    .regex(/^-?\d{1,3}(\.\d{1,6})?$/, "a decimal string with ≤ 6 decimals")
    .refine((v) => Math.abs(Number(v)) <= max, `within ±${max}`);

const addressSchema = z.strictObject({
  line1: z.string().max(200).optional(),
  line2: z.string().max(200).optional(),
  postalCode: z.string().max(20).optional(),
  city: z.string().max(100).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
});

export const locationSchema = z
  .object({
    id: z.uuid(),
    name: z.string(),
    address: z.record(z.string(), z.string()),
    lat: z.string().nullable(),
    lng: z.string().nullable(),
    publish: z.boolean(),
  })
  .meta({ id: "Location" });
export type LocationDto = z.infer<typeof locationSchema>;

export const createLocationSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  address: addressSchema.default({}),
  lat: coordinate(90).nullable().optional(),
  lng: coordinate(180).nullable().optional(),
  publish: z.boolean().default(false),
});
export type CreateLocationInput = z.infer<typeof createLocationSchema>;

export const updateLocationSchema = z.strictObject({
  name: z.string().trim().min(1).max(200).optional(),
  address: addressSchema.optional(),
  lat: coordinate(90).nullable().optional(),
  lng: coordinate(180).nullable().optional(),
  publish: z.boolean().optional(),
});
export type UpdateLocationInput = z.infer<typeof updateLocationSchema>;

export const locationListQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
  q: z.string().max(200).optional(),
});
export type LocationListQuery = z.infer<typeof locationListQuerySchema>;
