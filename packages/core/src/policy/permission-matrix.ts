/**
 * DOMAIN.md §2, the permission matrix, as written there. F full, V view, O own scope
 * (company admins: also their employees), - none.
 * Columns: super, admin, operations, finance, support, viewer, company admin, employee, private user.
 */
const matrix = `
providers                 F - - - - - - - -
system_users              F - - - - - - - -
provider_settings         F F V V V V - - -
customers                 F F V V F V - - -
billing_data              F F - F F V O O O
customer_type             F F - - F - - - -
view_as_customer          F F F F F F - - -
attachments               F F F V F V - - -
charge_points             F F F V V V - - -
charge_point_settings     F F F - - - O - -
charge_point_details      F F F V V V O O O
charge_groups             F F F V V V - - -
grids                     F F F - V V O O O
cards                     F F F V F V - - -
cards_block               F F F - F - O O O
cards_attach              F F F - F - O - O
wallet                    F F - F - V - O O
tariffs                   F F V F V V - - -
transactions              F F F F F V O O O
billable_override         F F F F - - - - -
invoice_runs              F F - F - V - - -
invoices                  F F V F F V O O O
payments                  F F - F V V - - -
tickets_open              F F - - F - O O O
tickets_reply             F F F F F - O O O
tickets_manage            F F F F F - - - -
employees                 F F - - F - O - -
audit_log                 F F V V V - - - -
`;

export type Access = "F" | "V" | "O" | "-";
export const matrixColumns = [
  "super",
  "admin",
  "operations",
  "finance",
  "support",
  "viewer",
  "company_admin",
  "employee",
  "private_user",
] as const;
export type MatrixColumn = (typeof matrixColumns)[number];

function parse(text: string) {
  const rows: Record<string, Record<MatrixColumn, Access>> = {};
  for (const line of text.trim().split("\n")) {
    const [name, ...cells] = line.trim().split(/\s+/);
    if (!name || cells.length !== matrixColumns.length) throw new Error(`bad matrix row: ${line}`);
    rows[name] = Object.fromEntries(matrixColumns.map((c, i) => [c, cells[i] as Access])) as Record<
      MatrixColumn,
      Access
    >;
  }
  return rows;
}

export const permissionMatrix = parse(matrix);
export type Capability = keyof typeof permissionMatrix & string;
export const capabilities = Object.keys(permissionMatrix) as Capability[];
