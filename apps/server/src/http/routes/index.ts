import type { App, ServerDeps } from "../types";
import { authRoutes } from "./auth.routes";
import { providersRoutes } from "./providers.routes";

/** Every feature's routes under /api/v1; one line per feature. */
export const apiRoutes: ((app: App, deps: ServerDeps) => Promise<void>)[] = [authRoutes, providersRoutes];
