// Types of bench/size.mjs, for test/bench/size-budget.test.ts (the test tsconfig has no allowJs).

export interface LibraryEntry {
  /** `mini-user-profile` or `mini-user-profile/<subpath>`. */
  specifier: string
  kind: 'root' | 'runtime' | 'countries'
  /** The one-line consumer that is bundled and measured. */
  consumer: string
}

export interface Size {
  /** Bytes of the minified bundle. */
  minified: number
  /** Bytes of that bundle after gzip -9. */
  gzip: number
}

export interface Budget {
  /** The gzip bytes `npm test` enforces. */
  budget: number
}

export const ROOT: string
export const PLATFORMS: readonly string[]
export function ensureBuilt(): void
export function libraryEntries(): LibraryEntry[]
export function consumerProject(): string
export function bundleSource(
  source: string,
  resolveDir: string,
  extra?: Record<string, unknown>,
  options?: { minify?: boolean },
): Promise<Size & { code: string }>
export function measureEntry(entry: LibraryEntry): Promise<Size>
export function fileConsumer(file: string): string
export function readBudgets(): { entries: Record<string, Budget>; runtimeCeiling: number }
export function measureSizes(): Promise<unknown>
export function kb(bytes: number): string
export function formatTable(header: string[], rows: unknown[][]): string
export function sizeReport(sizes: unknown): string
