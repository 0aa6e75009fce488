import { z } from "zod";

export const pageQuerySchema = z.object({
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(500).default(50),
});
export type PageQuery = z.infer<typeof pageQuerySchema>;

export const sortOrderSchema = z.enum(["asc", "desc"]);
export type SortOrder = z.infer<typeof sortOrderSchema>;

/**
 * `?sort=<field>&order=asc|desc` for one list: `fields` is its whitelist, so an unknown field is a 400
 * (`validation_failed`). Without `sort` the list keeps its own default order; ties are broken by id.
 */
export function sortQuery<const F extends readonly [string, ...string[]]>(fields: F) {
  return {
    sort: z
      .enum(fields)
      .optional()
      .describe(`Sort the whole list on this field (ties by id): ${fields.join(", ")}`),
    order: sortOrderSchema.optional().describe("asc (the default when sort is given) or desc"),
  };
}
export type SortQuery<F extends string> = { sort?: F | undefined; order?: SortOrder | undefined };

export function pageOf<T extends z.ZodType>(item: T) {
  return z.object({
    items: z.array(item),
    total: z.number().int(),
    page: z.number().int(),
    pageSize: z.number().int(),
  });
}

export type Page<T> = { items: T[]; total: number; page: number; pageSize: number };
