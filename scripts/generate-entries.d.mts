/** Every generated file, path (from the repository root) → content, as scripts/generate-entries.mjs would write it now. */
export function generatedFiles(): Promise<Map<string, string>>
