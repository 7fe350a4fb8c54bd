import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
export const WEB_DIST = path.join(REPO_ROOT, 'apps/web/dist');
const WEB_DIR = path.join(REPO_ROOT, 'apps/web');

function newestMtime(dir: string): number {
  let newest = 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestMtime(full) : fs.statSync(full).mtimeMs);
  }
  return newest;
}

/** True when the web app has never been built, or its sources (or the shared contracts) changed since. */
export function webBuildIsStale(): boolean {
  const index = path.join(WEB_DIST, 'index.html');
  if (!fs.existsSync(index)) return true;
  const built = fs.statSync(index).mtimeMs;
  const sources = [path.join(WEB_DIR, 'src'), path.join(REPO_ROOT, 'packages/contracts/src')].filter((d) =>
    fs.existsSync(d),
  );
  return sources.some((dir) => newestMtime(dir) > built);
}

/** `npm start` builds the web app when needed, so a fresh clone needs no separate build step. */
export function ensureWebBuilt(log: (message: string) => void): void {
  if (!fs.existsSync(path.join(WEB_DIR, 'package.json')) || !webBuildIsStale()) return;
  log('Building the web app (first start or sources changed)...');
  const result = spawnSync('npm', ['run', 'build', '-w', '@marque/web'], {
    cwd: REPO_ROOT,
    stdio: 'inherit',
  });
  if (result.status !== 0) throw new Error('The web app failed to build; see the output above.');
}
