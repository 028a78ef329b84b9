// The playground server: `npm run demo`. Bundles demo/app.ts (with the library from source) once at start,
// then serves the page, the bundle and the demo avatar from 127.0.0.1, and stands in for an app's own server in
// the WeChat fill-in: `POST /avatars` keeps an uploaded SVG avatar in memory and answers the URL it is served from.
// No dependencies besides esbuild.
import { readFile } from 'node:fs/promises'
import { createServer } from 'node:http'
import { fileURLToPath, pathToFileURL } from 'node:url'
import { build } from 'esbuild'

const HOST = '127.0.0.1'
const DEFAULT_PORT = 5173

// Everything the page needs comes from this server: no external scripts, styles, fonts or images.
const SECURITY_HEADERS = {
  'Cache-Control': 'no-store',
  'X-Content-Type-Options': 'nosniff',
  'Content-Security-Policy': "default-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self'; object-src 'none'",
}

function demoFile(name) {
  return fileURLToPath(new URL(name, import.meta.url))
}

async function bundleApp() {
  const result = await build({
    entryPoints: [demoFile('./app.ts')],
    bundle: true,
    format: 'iife',
    target: 'es2015',
    platform: 'browser',
    charset: 'utf8',
    write: false,
    logLevel: 'silent',
  })
  return result.outputFiles[0].text
}

async function loadRoutes() {
  const [html, appJs, avatar, standIn] = await Promise.all([
    readFile(demoFile('./index.html'), 'utf8'),
    bundleApp(),
    readFile(demoFile('./avatar.svg'), 'utf8'),
    // Shown in place of a host's own avatar (WeChat's grey one, Baidu's default): the page stays offline.
    readFile(demoFile('./stand-in-avatar.svg'), 'utf8'),
  ])
  return new Map([
    ['/', { type: 'text/html; charset=utf-8', body: html }],
    ['/index.html', { type: 'text/html; charset=utf-8', body: html }],
    ['/app.js', { type: 'text/javascript; charset=utf-8', body: appJs }],
    ['/avatar.svg', { type: 'image/svg+xml; charset=utf-8', body: avatar }],
    ['/stand-in-avatar.svg', { type: 'image/svg+xml; charset=utf-8', body: standIn }],
  ])
}

function send(req, res, status, type, body, extraHeaders = {}) {
  res.writeHead(status, {
    ...SECURITY_HEADERS,
    ...extraHeaders,
    'Content-Type': type,
    'Content-Length': Buffer.byteLength(body),
  })
  res.end(req.method === 'HEAD' ? undefined : body)
}

// The fill-in's uploads: a few small SVGs in memory, the oldest dropped first; nothing is written to disk.
const MAX_UPLOAD_BYTES = 64 * 1024
const MAX_UPLOADS = 50
// An uploaded file is the page's, not ours: served as an image that can run nothing.
const UPLOAD_HEADERS = { 'Content-Security-Policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox" }

function receiveUpload(uploads, origin, req, res) {
  const chunks = []
  let size = 0
  req.on('data', (chunk) => {
    size += chunk.length
    if (size <= MAX_UPLOAD_BYTES) chunks.push(chunk)
  })
  req.on('end', () => {
    const body = Buffer.concat(chunks).toString('utf8')
    if (size > MAX_UPLOAD_BYTES || !/^\s*<svg[\s>]/.test(body)) {
      send(req, res, 400, 'text/plain; charset=utf-8', 'Expected an SVG image of at most 64 KB\n')
      return
    }
    uploads.count += 1
    const path = `/avatars/${uploads.count}.svg`
    uploads.files.set(path, body)
    if (uploads.files.size > MAX_UPLOADS) uploads.files.delete(uploads.files.keys().next().value)
    send(req, res, 201, 'application/json; charset=utf-8', JSON.stringify({ url: `${origin}${path}` }))
  })
}

function handle(routes, uploads, origin, req, res) {
  if (req.method === 'POST' && req.url === '/avatars') {
    receiveUpload(uploads, origin, req, res)
    return
  }
  if (req.method !== 'GET' && req.method !== 'HEAD') {
    send(req, res, 405, 'text/plain; charset=utf-8', 'Method not allowed\n', { Allow: 'GET, HEAD' })
    return
  }
  let pathname
  try {
    pathname = new URL(req.url || '/', `http://${HOST}`).pathname
  } catch {
    pathname = ''
  }
  const route = routes.get(pathname)
  const upload = uploads.files.get(pathname)
  if (route) send(req, res, 200, route.type, route.body)
  else if (upload !== undefined) send(req, res, 200, 'image/svg+xml; charset=utf-8', upload, UPLOAD_HEADERS)
  else send(req, res, 404, 'text/plain; charset=utf-8', 'Not found\n')
}

/**
 * Starts the playground server. `port` 0 picks a free port.
 * @returns {Promise<{ url: string, close(): Promise<void> }>}
 */
export async function startDemoServer({ port = DEFAULT_PORT } = {}) {
  const routes = await loadRoutes()
  const uploads = { count: 0, files: new Map() }
  let origin = ''
  const server = createServer((req, res) => handle(routes, uploads, origin, req, res))
  await new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(port, HOST, () => {
      server.off('error', reject)
      resolve(undefined)
    })
  })
  const address = server.address()
  origin = `http://${HOST}:${typeof address === 'object' && address ? address.port : port}`
  const url = `${origin}/`
  let closing
  const close = () => {
    closing ??= new Promise((resolve) => {
      server.close(() => resolve(undefined))
      server.closeAllConnections() // keep-alive sockets would otherwise hold close() open
    })
    return closing
  }
  return { url, close }
}

function readPortFromEnv() {
  const raw = process.env.PORT
  if (raw === undefined || raw.trim() === '') return DEFAULT_PORT
  const port = Number(raw)
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be 0-65535 (0: any free port), got "${raw}"`)
  return port
}

async function main() {
  const { url, close } = await startDemoServer({ port: readPortFromEnv() })
  console.log(url)
  const stop = () => {
    close().then(() => process.exit(0))
  }
  process.once('SIGINT', stop)
  process.once('SIGTERM', stop)
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  main().catch((error) => {
    console.error(`demo server failed to start: ${error instanceof Error ? error.message : String(error)}`)
    process.exit(1)
  })
}
