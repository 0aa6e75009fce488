export * from "./attachments";
export * from "./auth";
export * from "./customers";
export * from "./errors";
export * from "./pagination";
export * from "./roles";
export * from "./providers";
export * from "./system-users";
