// Compiles apps/, libs/ and test/ to dist/ with swc (seconds, not minutes); type checking is
// `npm run typecheck`. Only changed files are recompiled.
import { transformFile } from '@swc/core';
import { mkdir, readdir, stat, writeFile, copyFile } from 'node:fs/promises';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { rootDir, swcOptions } from './swc-options.mjs';

const SOURCE_DIRS = ['apps', 'libs', 'test'];
const COPIED_EXTENSIONS = new Set(['.json', '.html', '.css', '.csv', '.gz', '.txt', '.sql']);

async function* walk(dir) {
  let entries;
  try {
    entries = await readdir(dir, { withFileTypes: true });
  } catch {
    return;
  }
  for (const entry of entries) {
    if (entry.name === 'node_modules' || entry.name.startsWith('.')) continue;
    const full = path.join(dir, entry.name);
    // The web application is built by Vite (npm run build:web), not compiled for Node.
    if (path.relative(rootDir, full) === path.join('apps', 'web')) continue;
    if (entry.isDirectory()) yield* walk(full);
    else yield full;
  }
}

async function isFresh(source, target) {
  try {
    const [s, t] = await Promise.all([stat(source), stat(target)]);
    return t.mtimeMs >= s.mtimeMs;
  } catch {
    return false;
  }
}

export async function build({ quiet = false } = {}) {
  const started = Date.now();
  const options = swcOptions();
  const outDir = path.join(rootDir, 'dist');
  let compiled = 0;
  let copied = 0;
  const jobs = [];
  for (const dir of SOURCE_DIRS) {
    for await (const file of walk(path.join(rootDir, dir))) {
      const relative = path.relative(rootDir, file);
      const ext = path.extname(file);
      if (ext === '.ts' && !file.endsWith('.d.ts')) {
        const target = path.join(outDir, relative.replace(/\.ts$/, '.js'));
        jobs.push(
          (async () => {
            if (await isFresh(file, target)) return;
            const output = await transformFile(file, {
              ...options,
              filename: file,
              sourceFileName: path.relative(path.dirname(target), file),
            });
            await mkdir(path.dirname(target), { recursive: true });
            await writeFile(target, `${output.code}\n//# sourceMappingURL=${path.basename(target)}.map\n`);
            if (output.map) await writeFile(`${target}.map`, output.map);
            compiled += 1;
          })(),
        );
      } else if (COPIED_EXTENSIONS.has(ext)) {
        const target = path.join(outDir, relative);
        jobs.push(
          (async () => {
            if (await isFresh(file, target)) return;
            await mkdir(path.dirname(target), { recursive: true });
            await copyFile(file, target);
            copied += 1;
          })(),
        );
      }
    }
  }
  await Promise.all(jobs);
  // dist/ is an ES module tree like the sources.
  await writeFile(path.join(outDir, 'package.json'), '{ "type": "module" }\n');
  if (!quiet || compiled > 0) {
    process.stderr.write(`build: ${compiled} compiled, ${copied} copied in ${Date.now() - started} ms\n`);
  }
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  build({ quiet: process.argv.includes('--quiet') }).catch((error) => {
    // swc's message carries a Rust backtrace; the code frame above it is what a developer needs.
    process.stderr.write(`build failed: ${String(error.message).split('\n\nCaused by')[0]}\n`);
    process.exit(1);
  });
}
