export declare const CHROMIUM_NAMES: readonly string[];
export declare function isExecutable(file: string): boolean;
export declare function onPath(name: string): string | null;
export declare function findChromium(): { path: string | null; error?: string };
