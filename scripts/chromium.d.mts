/** Types of scripts/chromium.mjs, for the TypeScript scripts that launch Chromium (bench-quotes.ts). */
export declare const CHROMIUM_ARGS: string[];
export declare function findChromium(): string | undefined;
export declare function ensureChromium(options?: { log?: (line: string) => void }): string;
