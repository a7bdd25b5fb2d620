// The read models as their projectors materialise them: the latest row per entity id (what
// the compacted table topic keeps), most recently updated first.
import { useSimStore } from '../store/simStore';

export function ReadModels() {
  const models = useSimStore((s) => s.snapshot?.readModels);
  if (!models || models.length === 0) return <p className="sb-muted">This board has no read model.</p>;
  return (
    <div className="sb-readmodels">
      {models.map((m) => (
        <div key={m.id} className="sb-table-wrap">
          <table className="sb-table" aria-label={`Read model ${m.label}`}>
            <caption>
              {m.label} <span className="sb-muted">— {m.rowCount} rows</span>
            </caption>
            <thead>
              <tr>
                <th scope="col">id</th>
                <th scope="col">version</th>
                <th scope="col">last event</th>
                {m.columns.map((c) => (
                  <th key={c} scope="col">
                    {c}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {m.rows.map((r) => (
                <tr key={r.id}>
                  <th scope="row" title={r.id}>
                    {r.id.length > 14 ? `${r.id.slice(0, 8)}…` : r.id}
                  </th>
                  <td>{r.version}</td>
                  <td>{r.lastEvent}</td>
                  {r.cells.map((c, i) => (
                    <td key={i}>{c}</td>
                  ))}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </div>
  );
}
