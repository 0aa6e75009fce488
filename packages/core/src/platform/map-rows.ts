import type { Column } from "drizzle-orm";

/**
 * Rows of a raw query (`db.execute`, keyed by column name) as drizzle would hand them out: each
 * value through its column's own mapping (timestamps to Date, bigint to number, jsonb parsed).
 * For statements drizzle's builders make too costly to build at volume (the invoice run).
 */
export function mapRows<T>(columns: Record<string, Column>, rows: readonly Record<string, unknown>[]): T[] {
  const entries = Object.entries(columns);
  return rows.map((row) => {
    const mapped: Record<string, unknown> = {};
    for (const [key, column] of entries) {
      const value = row[column.name];
      mapped[key] = value === null || value === undefined ? null : column.mapFromDriverValue(value);
    }
    return mapped as T;
  });
}

/** The rows of a `db.execute` result (node-postgres and PGlite both answer `{ rows }`). */
export function rowsOf(result: unknown): Record<string, unknown>[] {
  return (result as { rows: Record<string, unknown>[] }).rows;
}
