import { accessSync, constants, statSync } from 'node:fs';

/**
 * Which Chromium prints the exam papers and runs the end-to-end tests, with which flags. Browsers
 * cannot be downloaded here (see the README), so it is the system's.
 */

/**
 * Debian's `chromium-headless-shell` first: Chromium's old headless mode, made for automation. On
 * two cores it ran the end-to-end suite with about half the CPU time of the full browser (118
 * against 222 CPU-seconds), started in 0.3–0.5 s instead of 0.7 s and printed the real exam's
 * papers in 1.5 s instead of 1.7–2.0 s (PDFs that pass the same checks). Without it, the full
 * browser.
 */
export const chromiumCandidates = ['/usr/bin/chromium-headless-shell', '/usr/bin/chromium'] as const;

/** Flags for the system's Chromium under automation, as root, on a machine with a closed network. */
export const chromiumArgs = [
  '--no-sandbox',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Why Chromium cannot be used at `path`, or undefined when it is an executable file. */
export function chromiumProblem(path: string): string | undefined {
  try {
    if (!statSync(path).isFile()) return `${path} is not a file`;
    accessSync(path, constants.X_OK);
    return undefined;
  } catch {
    return `no Chromium at ${path}`;
  }
}

/** CHROMIUM_PATH when set, else the first installed candidate, else the full browser's path. */
export function chromiumPathFrom(
  env: NodeJS.ProcessEnv,
  isInstalled: (path: string) => boolean = (path) => chromiumProblem(path) === undefined,
): string {
  return env['CHROMIUM_PATH'] || (chromiumCandidates.find(isInstalled) ?? chromiumCandidates[1]);
}
