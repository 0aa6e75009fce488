export * from "./auth";
export * from "./errors";
export * from "./pagination";
export * from "./roles";
export * from "./providers";
