// Types of scripts/chromium.mjs, for test/support/browser.ts.
export declare function findChromium(env?: NodeJS.ProcessEnv): string | undefined;
export declare const QUIET_FLAGS: readonly string[];
