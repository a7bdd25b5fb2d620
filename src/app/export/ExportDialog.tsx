// "Export services": preview of the exported project (file tree and code) before the zip
// download. Generation yields between services, so large boards show progress instead of
// freezing the page; a board with compile errors gets the list of what to fix.
import { useEffect, useMemo, useRef, useState } from 'react';
import { DEFAULT_KAFKA_CLIENT, ExportBlockedError, exportProject, KAFKA_CLIENTS, zipProject } from '../../codegen';
import type { ExportedFiles, ExportProgress, KafkaClientChoice } from '../../codegen';
import type { Board } from '../../model';
import { compileTopology } from '../../topology';
import type { Problem } from '../../topology';
import { download } from '../files/download';
import { FileTree } from './FileTree';
import './ExportDialog.css';

export interface ExportDialogProps {
  board: Board;
  onClose: () => void;
}

type State =
  | { status: 'working'; progress: ExportProgress | null }
  | { status: 'ready'; files: ExportedFiles; projectName: string; warnings: readonly Problem[] }
  | { status: 'blocked'; problems: readonly Problem[] }
  | { status: 'failed'; message: string };

const FIRST_FILE = 'README.md';

function fileText(content: string | Uint8Array | undefined): string {
  if (content === undefined) return '';
  return typeof content === 'string' ? content : new TextDecoder().decode(content);
}

export default function ExportDialog({ board, onClose }: ExportDialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const [state, setState] = useState<State>({ status: 'working', progress: null });
  const [selected, setSelected] = useState<string>(FIRST_FILE);
  const [client, setClient] = useState<KafkaClientChoice>(DEFAULT_KAFKA_CLIENT);

  useEffect(() => {
    const dialog = ref.current;
    if (dialog && !dialog.open) dialog.showModal();
    return () => dialog?.close();
  }, []);

  useEffect(() => {
    let cancelled = false;
    setState({ status: 'working', progress: null });
    const topology = compileTopology(board);
    exportProject(board, { topology, client, onProgress: (progress) => !cancelled && setState({ status: 'working', progress }) })
      .then((files) => {
        if (cancelled) return;
        setState({ status: 'ready', files, projectName: topology.projectName, warnings: topology.problems.filter((p) => p.severity === 'warning') });
        setSelected((s) => (s in files ? s : (Object.keys(files)[0] ?? '')));
      })
      .catch((err: unknown) => {
        if (cancelled) return;
        if (err instanceof ExportBlockedError) setState({ status: 'blocked', problems: err.problems });
        else setState({ status: 'failed', message: err instanceof Error ? err.message : String(err) });
      });
    return () => {
      cancelled = true;
    };
  }, [board, client]);

  const paths = useMemo(() => (state.status === 'ready' ? Object.keys(state.files) : []), [state]);

  const downloadZip = () => {
    if (state.status !== 'ready') return;
    const bytes = zipProject(state.files, state.projectName);
    download(`${state.projectName}.zip`, new Blob([bytes as Uint8Array<ArrayBuffer>], { type: 'application/zip' }));
  };

  return (
    <dialog
      ref={ref}
      className="sb-dialog sb-export"
      aria-label="Export services"
      onCancel={(e) => {
        e.preventDefault();
        onClose();
      }}
    >
      <header className="sb-export-header">
        <h2>Export services</h2>
        <p className="sb-export-sub">
          TypeScript services for Apache Kafka 4, with an HTTP API, schemas, AsyncAPI and OpenAPI descriptions and tests, from “{board.name}”.
        </p>
        <fieldset className="sb-export-client">
          <legend>Kafka client</legend>
          {Object.values(KAFKA_CLIENTS).map((c) => (
            <label key={c.id}>
              <input type="radio" name="kafka-client" value={c.id} checked={client === c.id} onChange={() => setClient(c.id)} />
              {c.label}
              {c.id === DEFAULT_KAFKA_CLIENT ? ' (default)' : ''}
            </label>
          ))}
        </fieldset>
      </header>

      {state.status === 'working' ? (
        <div className="sb-export-progress" role="status">
          <progress
            aria-label="Export progress"
            max={state.progress?.total ?? 1}
            value={state.progress?.done ?? 0}
          />
          <span>{state.progress ? `Writing ${state.progress.step} (${state.progress.done}/${state.progress.total})` : 'Compiling the board…'}</span>
        </div>
      ) : null}

      {state.status === 'blocked' ? (
        <div role="alert" className="sb-export-error">
          <p>
            The board has {state.problems.length} error{state.problems.length === 1 ? '' : 's'} to fix before it can be exported:
          </p>
          <ul>
            {state.problems.map((p, i) => (
              <li key={`${p.code}-${i}`}>{p.message}</li>
            ))}
          </ul>
        </div>
      ) : null}

      {state.status === 'failed' ? (
        <div role="alert" className="sb-export-error">
          <p>The export failed: {state.message}</p>
        </div>
      ) : null}

      {state.status === 'ready' && state.warnings.length > 0 ? (
        <details className="sb-export-warnings">
          <summary>
            {state.warnings.length} warning{state.warnings.length === 1 ? '' : 's'}: the export works, but the design may not do what you expect
          </summary>
          <ul>
            {state.warnings.map((p, i) => (
              <li key={`${p.code}-${i}`}>{p.message}</li>
            ))}
          </ul>
        </details>
      ) : null}

      {state.status === 'ready' ? (
        <div className="sb-export-body">
          <FileTree paths={paths} selected={selected} onSelect={setSelected} />
          <section className="sb-export-code" aria-label="File preview">
            <h3 className="sb-export-path">{selected}</h3>
            <pre aria-label={`Contents of ${selected}`} tabIndex={0}>
              <code>{fileText(state.files[selected])}</code>
            </pre>
          </section>
        </div>
      ) : null}

      <div className="sb-dialog-actions">
        {state.status === 'ready' ? <span className="sb-export-count">{paths.length} files</span> : null}
        <button type="button" className="sb-button" onClick={onClose}>
          Close
        </button>
        <button type="button" className="sb-button sb-primary" onClick={downloadZip} disabled={state.status !== 'ready'}>
          Download zip
        </button>
      </div>
    </dialog>
  );
}
