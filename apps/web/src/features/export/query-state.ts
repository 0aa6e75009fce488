/** Loading, error and empty states around a query: the shared component of the web app. */
export { QueryState } from "../../routes/system/shared/query-state";
