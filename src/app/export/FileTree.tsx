// The export preview's file tree: folders open, files as buttons; the selected file is marked
// with aria-current so keyboard and screen-reader users know what the code view shows.
import { useMemo } from 'react';
import { buildTree } from './fileTree';
import type { TreeFolder } from './fileTree';

interface FileTreeProps {
  paths: readonly string[];
  selected: string;
  onSelect: (path: string) => void;
}

function Folder({ folder, selected, onSelect }: { folder: TreeFolder; selected: string; onSelect: (path: string) => void }) {
  return (
    <ul>
      {folder.folders.map((f) => (
        <li key={f.path}>
          <details open>
            <summary>{f.name}/</summary>
            <Folder folder={f} selected={selected} onSelect={onSelect} />
          </details>
        </li>
      ))}
      {folder.files.map((f) => (
        <li key={f.path}>
          <button
            type="button"
            className="sb-export-file"
            aria-current={f.path === selected ? 'true' : undefined}
            title={f.path}
            onClick={() => onSelect(f.path)}
          >
            {f.name}
          </button>
        </li>
      ))}
    </ul>
  );
}

export function FileTree({ paths, selected, onSelect }: FileTreeProps) {
  const tree = useMemo(() => buildTree(paths), [paths]);
  return (
    <nav className="sb-export-tree" aria-label="Exported files">
      <Folder folder={tree} selected={selected} onSelect={onSelect} />
    </nav>
  );
}
