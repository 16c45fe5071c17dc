/**
 * Loads a custom template pack from a folder or an npm package spec. Imported only when
 * `--template` (or an answers file naming a pack) asks for one, so plain runs never load it.
 * Every layer file is read into memory here, so a package's temporary folder can be removed at once.
 */
import { execFile } from 'node:child_process';
import { lstat, mkdtemp, readdir, readFile, realpath, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { UsageError } from '../errors.js';
import type { TemplateFile } from '../generate/template-files.js';
import { PACK_MANIFEST, parsePackManifest } from './manifest.js';
import type { PackManifest, PackQuestion } from './types.js';

const run = promisify(execFile);

export interface PackLayer {
  /** The folder inside the pack, as the manifest names it. */
  dir: string;
  when: Record<string, string[]>;
  replaces?: string;
  files: TemplateFile[];
}

/** A loaded, validated pack: everything needed to render, held in memory. */
export interface TemplatePack {
  name: string;
  version: string;
  description?: string;
  /** What the user passed to `--template`, recorded in the answers file. */
  source: string;
  questions: PackQuestion[];
  layers: PackLayer[];
}

/** Reads every file of a layer folder; a symbolic link inside a pack is refused, not followed. */
async function readPackLayer(root: string, dir: string, label: string): Promise<TemplateFile[]> {
  const files: TemplateFile[] = [];
  const walk = async (folder: string, prefix: string): Promise<void> => {
    const entries = (await readdir(folder, { withFileTypes: true })).sort((a, b) => (a.name < b.name ? -1 : 1));
    for (const entry of entries) {
      const relativePath = prefix ? `${prefix}/${entry.name}` : entry.name;
      const full = path.join(folder, entry.name);
      if (entry.isSymbolicLink()) throw new UsageError(`${label}/${dir}/${relativePath}: symbolic links are not allowed in a pack`);
      if (entry.isDirectory()) await walk(full, relativePath);
      else if (entry.isFile()) files.push({ relativePath, sourcePath: `${label}/${dir}/${relativePath}`, content: await readFile(full) });
    }
  };
  await walk(path.join(root, dir), '');
  return files.sort((a, b) => (a.relativePath < b.relativePath ? -1 : 1));
}

/** A layer dir must be a relative folder inside the pack: no `..`, no absolute path, no link out. */
async function checkLayerDir(root: string, dir: string, where: string): Promise<void> {
  const normalised = path.posix.normalize(dir.replace(/\\/g, '/'));
  if (path.isAbsolute(dir) || /^[a-zA-Z]:/.test(dir) || normalised === '..' || normalised.startsWith('../') || normalised === '.') {
    throw new UsageError(`${where}: "${dir}" must be a folder inside the pack (relative, without "..")`);
  }
  const full = path.join(root, normalised);
  let info;
  try {
    info = await lstat(full);
  } catch {
    throw new UsageError(`${where}: the folder "${dir}" does not exist in the pack`);
  }
  if (info.isSymbolicLink()) throw new UsageError(`${where}: "${dir}" is a symbolic link; a layer must be a real folder`);
  if (!info.isDirectory()) throw new UsageError(`${where}: "${dir}" is not a folder`);
  const real = await realpath(full);
  if (!real.startsWith((await realpath(root)) + path.sep)) throw new UsageError(`${where}: "${dir}" resolves outside the pack`);
}

/** Loads a pack from its folder: the manifest, then every layer's files. */
export async function loadPackDirectory(root: string, source: string = root, label: string = path.basename(root)): Promise<TemplatePack> {
  const file = `${label}/${PACK_MANIFEST}`;
  let text: string;
  try {
    text = await readFile(path.join(root, PACK_MANIFEST), 'utf8');
  } catch {
    throw new UsageError(`${file}: not found; a template pack has a ${PACK_MANIFEST} at its root`);
  }
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch (error) {
    throw new UsageError(`${file}: not valid JSON (${(error as Error).message})`, { cause: error });
  }
  const manifest: PackManifest = parsePackManifest(json, file);
  const layers: PackLayer[] = [];
  for (const [index, layer] of manifest.layers.entries()) {
    await checkLayerDir(root, layer.dir, `${file}: layers[${index}].dir`);
    layers.push({
      dir: layer.dir,
      when: layer.when ?? {},
      ...(layer.replaces !== undefined ? { replaces: layer.replaces } : {}),
      files: await readPackLayer(root, layer.dir, label),
    });
  }
  return {
    name: manifest.name,
    version: manifest.version,
    ...(manifest.description !== undefined ? { description: manifest.description } : {}),
    source,
    questions: manifest.questions,
    layers,
  };
}

/** `npm pack <spec>` into a temporary folder, extract it with the system `tar`, load, clean up. */
async function loadPackPackage(spec: string, source: string): Promise<TemplatePack> {
  const work = await mkdtemp(path.join(tmpdir(), 'cfa-pack-'));
  try {
    const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';
    let stdout: string;
    try {
      ({ stdout } = await run(npm, ['pack', spec, '--pack-destination', work, '--json', '--ignore-scripts'], { cwd: work, shell: process.platform === 'win32' }));
    } catch (error) {
      const stderr = (error as { stderr?: string }).stderr ?? '';
      throw new UsageError(`--template ${spec}: npm pack failed: ${stderr.trim().split('\n').slice(-3).join(' ') || (error as Error).message}`, { cause: error });
    }
    const packed = JSON.parse(stdout) as { filename: string }[];
    const tarball = packed[0]?.filename;
    if (!tarball) throw new UsageError(`--template ${spec}: npm pack produced no tarball`);
    await run('tar', ['-xzf', path.join(work, path.basename(tarball)), '-C', work]);
    // errors name the package as the user wrote it, not the temporary folder
    return await loadPackDirectory(path.join(work, 'package'), source, path.basename(source));
  } finally {
    await rm(work, { recursive: true, force: true });
  }
}

/**
 * Loads and validates a template pack: a folder (`./my-pack`, `/abs/pack`) or anything
 * `npm pack` accepts (`my-pack`, `@scope/pack@1.2.0`, a tarball). A malformed pack throws a
 * UsageError naming the file and the field.
 */
export async function loadTemplatePack(source: string, { cwd = process.cwd() }: { cwd?: string } = {}): Promise<TemplatePack> {
  const local = path.resolve(cwd, source);
  const info = await stat(local).catch(() => undefined);
  if (info?.isDirectory()) return loadPackDirectory(local, source);
  // a tarball on disk goes through `npm pack` like a registry spec
  if (info?.isFile()) return loadPackPackage(local, source);
  if (/^(\.{1,2}[\\/]|[\\/]|[a-zA-Z]:[\\/]|~)/.test(source)) throw new UsageError(`--template ${source}: no such folder`);
  return loadPackPackage(source, source);
}
