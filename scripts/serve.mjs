// A small static server for the built site, mounted under the site's base path the way GitHub
// Pages serves it: "dir/" serves dir/index.html, "dir" redirects to "dir/", unknown paths get
// 404.html with status 404, text compressed with gzip when the browser accepts it (so Lighthouse
// and the first-visit timings see the bytes GitHub Pages would send). Used by `npm start`, the
// benchmarks and the end-to-end tests (port 0: the OS picks).
import { createReadStream } from 'node:fs';
import { stat } from 'node:fs/promises';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createGzip } from 'node:zlib';

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

async function fileAt(path) {
  try {
    const info = await stat(path);
    return info.isFile() ? path : null;
  } catch {
    return null;
  }
}

/** @param {{ root: string, base?: string, port?: number, host?: string }} options */
export async function startServer({ root, base = '/', port = 0, host = '127.0.0.1' }) {
  const rootDir = resolve(root);
  /** @param {import('node:http').IncomingMessage} request @param {import('node:http').ServerResponse} response */
  const respond = async (request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost');
    const gzip = /\bgzip\b/.test(request.headers['accept-encoding'] ?? '');
    const send = (status, path) => {
      const compressible = compressibleTypes.has(extname(path));
      response.writeHead(status, {
        'content-type': contentTypes[extname(path)] ?? 'application/octet-stream',
        ...(compressible ? { vary: 'accept-encoding' } : {}),
        ...(compressible && gzip ? { 'content-encoding': 'gzip' } : {}),
      });
      const file = createReadStream(path);
      (compressible && gzip ? file.pipe(createGzip()) : file).pipe(response);
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
