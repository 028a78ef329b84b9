// Types for demo/server.mjs, so test/demo.test.ts typechecks under `npm run typecheck`.
export interface DemoServer {
  /** `http://127.0.0.1:<port>/` */
  url: string
  close(): Promise<void>
}

/** Bundles demo/app.ts and serves the playground on 127.0.0.1; `port` 0 picks a free port (default 5173). */
export function startDemoServer(options?: { port?: number }): Promise<DemoServer>
