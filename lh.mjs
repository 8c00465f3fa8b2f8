import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { startServer } from './scripts/serve.mjs';
const [dir, rounds, ...paths] = process.argv.slice(2);
const server = await startServer({ root: dir, base: '/', port: 0 });
for (const p of paths) {
  const rows = [];
  for (let i = 0; i < Number(rounds); i++) {
    execFileSync('npx', ['--yes', 'lighthouse@13.5.0', server.url + p, '--output=json', '--output-path=/tmp/lh.json', '--only-categories=performance', '--chrome-flags=--headless=new --no-sandbox', '--quiet'], { env: { ...process.env, CHROME_PATH: '/usr/bin/chromium' } });
    const r = JSON.parse(readFileSync('/tmp/lh.json', 'utf8'));
    const a = r.audits;
    rows.push(`score ${Math.round(r.categories.performance.score * 100)} FCP ${a['first-contentful-paint'].numericValue.toFixed(0)} LCP ${a['largest-contentful-paint'].numericValue.toFixed(0)} TBT ${a['total-blocking-time'].numericValue.toFixed(0)}`);
  }
  console.log(p); for (const r of rows) console.log('  ', r);
}
await server.close(); process.exit(0);
