import type { CustomerView } from "@voltlane/contracts";
import { recordAudit } from "../audit/record-audit";
import type { Principal } from "../auth/principal";
import { businessRule, forbidden } from "../errors/app-error";
import type { CoreDeps } from "../platform/deps";
import { assertCan, scopeOf } from "../policy/can";
import { assertNotViewAs, lockVisibleCustomer } from "./customer-scope";
import { toCustomerViewOne } from "./customer-view";
import { endEmployment } from "./end-employment";

/** POST /customers/{id}/off-board (R65, W7): staff or the employee's own company admin. */
export async function offBoardEmployee(deps: CoreDeps, p: Principal, id: string): Promise<CustomerView> {
  assertNotViewAs(p);
  if (scopeOf(p, "employees") === "none") throw forbidden("not allowed: employees write");
  return deps.db.transaction(async (tx) => {
    const before = await lockVisibleCustomer(tx, p, id);
    assertCan(p, "employees", "write", { customerIds: [before.companyId] });
    if (before.type !== "employee") throw businessRule("R65", "only employees are off-boarded");
    const after = await endEmployment(tx, p, before, deps.clock.now());
    await recordAudit(tx, p, {
      action: "employee.off_board",
      entityType: "customer",
      entityId: id,
      before,
      after,
    });
    return toCustomerViewOne(tx, after);
  });
}
