// A small static server for the built site, mounted under the site's base path the way GitHub
// Pages serves it: "dir/" serves dir/index.html, "dir" redirects to "dir/", unknown paths get
// 404.html with status 404, text compressed with gzip when the browser accepts it and files
// cacheable for 10 minutes (so Lighthouse and the first-visit timings see what GitHub Pages
// sends). Used by `npm start`, the benchmarks and the end-to-end tests (port 0: the OS picks).
import { createReadStream } from 'node:fs';
import { readFile, stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { promisify } from 'node:util';
import { gzip } from 'node:zlib';

const gzipBuffer = promisify(gzip);

const contentTypes = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.pdf': 'application/pdf',
  '.woff2': 'font/woff2',
  '.wasm': 'application/wasm',
  '.txt': 'text/plain; charset=utf-8',
};
const compressibleTypes = new Set(['.html', '.js', '.mjs', '.css', '.json', '.svg', '.txt']);

/** @typedef {{ path: string, size: number, mtimeMs: number }} FoundFile */

/** @param {string} path @returns {Promise<FoundFile | null>} */
async function fileAt(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? { path, size: info.size, mtimeMs: info.mtimeMs } : null;
  } catch {
    return null;
  }
}

/**
 * Each text file compressed once, not on every request: the end-to-end suite loads the same pages
 * hundreds of times. An entry is used only while the file's size and modification time are those
 * it was compressed from, so a rebuild while serving is picked up.
 * @type {Map<string, { size: number, mtimeMs: number, body: Promise<Buffer> }>}
 */
const gzipped = new Map();

/** @param {FoundFile} file */
function gzippedFile({ path, size, mtimeMs }) {
  const cached = gzipped.get(path);
  if (cached?.size === size && cached.mtimeMs === mtimeMs) return cached.body;
  const body = readFile(path).then((content) => gzipBuffer(content));
  gzipped.set(path, { size, mtimeMs, body });
  body.catch(() => gzipped.delete(path));
  return body;
}

/** @param {{ root: string, base?: string, port?: number, host?: string }} options */
export async function startServer({ root, base = '/', port = 0, host = '127.0.0.1' }) {
  const rootDir = resolve(root);
  /** @param {import('node:http').IncomingMessage} request @param {import('node:http').ServerResponse} response */
  const respond = async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    /** @param {number} status @param {FoundFile} file */
    const send = async (status, file) => {
      const { path } = file;
      const compressible = compressibleTypes.has(extname(path));
      const body = compressible && gzip ? await gzippedFile(file) : null;
      response.writeHead(status, {
        // As GitHub Pages does: a browser keeps each file for 10 minutes, so a page's scripts,
        // stylesheet and fonts are fetched once per visit, not once per page.
        'cache-control': 'max-age=600',
        'content-type': contentTypes[extname(path)] ?? 'application/octet-stream',
        ...(compressible ? { vary: 'accept-encoding' } : {}),
        ...(body ? { 'content-encoding': 'gzip' } : {}),
      });
      if (body) response.end(body);
      else createReadStream(path).pipe(response);
    };
    const notFound = async () => {
      const page = await fileAt(join(rootDir, '404.html'));
      if (page) return send(404, page);
      response.writeHead(404).end('Not found');
    };
    if (!url.pathname.startsWith(base)) return notFound();
    const relative = normalize(decodeURIComponent(url.pathname.slice(base.length))).replace(/^(\.\.[/\\])+/, '');
    const target = join(rootDir, relative);
    if (!target.startsWith(rootDir)) return notFound();
    const file = await fileAt(target);
    if (file) return send(200, file);
    if (url.pathname.endsWith('/')) {
      const index = await fileAt(join(target, 'index.html'));
      return index ? send(200, index) : notFound();
    }
    if (await fileAt(join(target, 'index.html'))) {
      response.writeHead(301, { location: `${url.pathname}/${url.search}` }).end();
      return;
    }
    return notFound();
  };
  // A failed read must answer the request, not leave it hanging with an unhandled rejection.
  const server = createServer((request, response) => {
    respond(request, response).catch((/** @type {unknown} */ error) => {
      response.writeHead(500).end(String(error));
    });
  });
  await new Promise((resolveListen) => server.listen(port, host, resolveListen));
  const address = server.address();
  const actualPort = typeof address === 'object' && address ? address.port : port;
  return {
    server,
    url: `http://${host}:${actualPort}${base}`,
    close: () =>
      new Promise((done) => {
        // A browser's keep-alive connections would hold close() open indefinitely.
        server.close(done);
        server.closeAllConnections();
      }),
  };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const { normalizeBasePath } = await import('../src/exams/base-path.ts');
  const base = normalizeBasePath(process.env.BASE_PATH);
  const port = Number(process.env.PORT ?? 4321);
  const { url } = await startServer({
    root: process.env.OUT_DIR ?? 'dist',
    base,
    port,
    host: process.env.HOST ?? '127.0.0.1',
  });
  console.log(`Serving the built site at ${url} (Ctrl+C to stop)`);
}
