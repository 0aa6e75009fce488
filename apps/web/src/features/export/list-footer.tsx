/** Total and page switcher under a paginated list: the app's one pager. */
export { PageFooter as ListFooter } from "../../routes/system/shared/page-footer";
