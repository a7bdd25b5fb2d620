// The exported project as one zip (fflate), in a folder named after the project so unzipping
// never spills files into the current directory.
import { strToU8, zipSync } from 'fflate';
import type { Zippable } from 'fflate';
import type { Board } from '../model';
import { compileTopology } from '../topology';
import type { ExportedFiles, ExportOptions } from './exportProject';
import { exportProject } from './exportProject';

/** A fixed timestamp keeps the zip byte-for-byte reproducible for the same board. */
const ZIP_MTIME = new Date('2024-01-01T00:00:00Z');

export async function exportZip(board: Board, options: ExportOptions = {}): Promise<Uint8Array> {
  const topology = options.topology ?? compileTopology(board);
  return zipProject(await exportProject(board, { ...options, topology }), topology.projectName);
}

/** Zips files already exported (the preview has them) under `root/`. */
export function zipProject(files: ExportedFiles, root: string): Uint8Array {
  const tree: Zippable = {};
  for (const [path, content] of Object.entries(files)) {
    tree[`${root}/${path}`] = [typeof content === 'string' ? strToU8(content) : content, { mtime: ZIP_MTIME }];
  }
  return zipSync(tree, { level: 6 });
}
