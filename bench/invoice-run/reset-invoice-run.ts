import type pg from "pg";

/**
 * Bench only: returns the generated month to "nothing invoiced" so that the run can be measured
 * again without regenerating (~5 min). TRUNCATE fires no row triggers, which is how issued invoices
 * (immutable by trigger, R50) can go; never do this to a real database. Returns whether there was
 * anything to undo.
 */
export async function resetInvoiceRun(client: pg.Client): Promise<boolean> {
  const { rows } = await client.query<{ n: string }>(
    "select (select count(*) from invoice_runs) + (select count(*) from invoices) as n",
  );
  if (Number(rows[0]!.n) === 0) return false;
  await client.query("begin");
  await client.query("truncate invoice_lines, payouts, payments, invoices, invoice_runs cascade");
  await client.query("delete from audit_entries where action like 'invoice%'");
  await client.query("delete from notifications where template = 'invoice_issued'");
  await client.query("delete from sequences where name like 'invoice_series_%'");
  await client.query(
    "update transactions set payer_line_id = null, receiver_line_id = null where payer_line_id is not null or receiver_line_id is not null",
  );
  await client.query("commit");
  await client.query("vacuum analyze transactions");
  return true;
}
