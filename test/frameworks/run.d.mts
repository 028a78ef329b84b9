export declare const PROJECTS: Record<string, { heading: string; file: string; expected: Record<string, string> }>
export declare function readmeRecipe(readme: string, heading: string): string
export declare function adaptersIn(dir: string, runtimes: readonly string[]): string[]
