import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterAll, describe, expect, it } from 'vitest';
import { lockDataDir } from '../src/platform/db/lock.ts';

const BIN = fileURLToPath(new URL('../bin/marque.js', import.meta.url));
const dirs: string[] = [];
function tempDataDir(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'marque-cli-'));
  dirs.push(dir);
  return dir;
}
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

function marque(args: string[], env: Record<string, string> = {}) {
  const { DATABASE_URL: _ignored, ...inherited } = process.env;
  const result = spawnSync(process.execPath, [BIN, ...args], {
    env: { ...inherited, LOG_LEVEL: 'warn', ...env },
    encoding: 'utf8',
    timeout: 60_000,
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('marque CLI', () => {
  it('--help lists every command', () => {
    const { code, stdout } = marque(['--help']);
    expect(code).toBe(0);
    for (const command of ['start', 'migrate', 'seed']) expect(stdout).toContain(command);
  });

  it('stops with a one-line explanation on a bad configuration value', () => {
    const { code, stderr } = marque(['migrate'], { PORT: 'abc', DATA_DIR: tempDataDir() });
    expect(code).toBe(1);
    expect(stderr).toContain('PORT:');
    expect(stderr).not.toContain('    at ');
  });

  it('migrates and seeds an embedded database, then says it is up to date', () => {
    const dataDir = tempDataDir();
    const seeded = marque(['seed', '--demo'], { DATA_DIR: dataDir });
    expect(seeded.stderr).toBe('');
    expect(seeded.stdout).toContain('Demo data created: 6 customers, 7 contracts');
    expect(fs.existsSync(path.join(dataDir, 'keys.json'))).toBe(true);
    expect(fs.statSync(path.join(dataDir, 'keys.json')).mode & 0o077).toBe(0);
    expect(marque(['migrate'], { DATA_DIR: dataDir }).stdout).toContain('up to date');
    expect(marque(['seed', '--demo'], { DATA_DIR: dataDir }).stdout).toContain('already present');
  });

  it('refuses to open an embedded database another process holds, without touching it', async () => {
    const dataDir = tempDataDir();
    const release = await lockDataDir(dataDir);
    try {
      const { code, stderr } = marque(['migrate'], { DATA_DIR: dataDir });
      expect(code).toBe(1);
      expect(stderr).toContain('in use by another Marque process');
      expect(fs.existsSync(path.join(dataDir, 'pglite'))).toBe(false);
    } finally {
      await release();
    }
  });

  it('asks what to seed when given nothing', () => {
    const { code, stderr } = marque(['seed'], { DATA_DIR: tempDataDir() });
    expect(code).toBe(2);
    expect(stderr).toContain('--demo');
  });

  it('start serves the API, and on SIGTERM finishes, closes the database and releases the lock', async () => {
    const dataDir = tempDataDir();
    const { DATABASE_URL: _ignored, ...inherited } = process.env;
    const child = spawn(process.execPath, [BIN, 'start'], {
      env: {
        ...inherited,
        DATA_DIR: dataDir,
        PORT: '0',
        HOST: '127.0.0.1',
        WEB_DIST: dataDir,
        LOG_LEVEL: 'warn',
      },
    });
    let output = '';
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 50_000);
      child.stdout.on('data', (chunk) => {
        output += String(chunk);
        const match = /running at (http:\/\/[^\s]+)/.exec(output);
        if (match?.[1]) {
          clearTimeout(timer);
          resolve(match[1]);
        }
      });
    });
    const ready = await fetch(`${url}/api/v1/ready`);
    expect(ready.status).toBe(200);
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    child.kill('SIGTERM');
    expect(await exited).toBe(0);
    expect(marque(['migrate'], { DATA_DIR: dataDir }).stdout).toContain('up to date');
  });
});
