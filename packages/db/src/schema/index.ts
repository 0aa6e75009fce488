// Every area's tables; drizzle-kit reads this file. One file per area, exported here.
export * from "./accounts";
export * from "./charging-assets";
export * from "./charging-sessions";
export * from "./customers";
export * from "./grids";
export * from "./invoicing";
export * from "./platform";
export * from "./smart-charging";
export * from "./tenancy";
export * from "./tickets";
export * from "./wallets";
