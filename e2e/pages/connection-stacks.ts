/**
 * The remote connections that playwright.config.ts configures for the e2e
 * server. Stack-mode servers play the stacks on ports that follow E2E_PORT.
 */
export const e2eStackSecret = 'e2e-stack-secret-91c3f0a2d7';

/** Offsets from E2E_PORT of the stack-mode servers; nothing listens on `unreachable`. */
export const stackPortOffsets = { full: 1, v1: 2, expiring: 3, unreachable: 8 } as const;
