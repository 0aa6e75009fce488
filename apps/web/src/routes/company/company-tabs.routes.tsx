import { EmployeesPage } from "../../features/employees/employees-page";
import { MyDashboardPage } from "../my/dashboard-page";
import { portalTabRoute } from "../private/portal.route";

/** Tabs only company admins have (DOMAIN.md §6). */
export const companyDashboardRoute = portalTabRoute("dashboard", MyDashboardPage);
export const employeesRoute = portalTabRoute("employees", EmployeesPage);
