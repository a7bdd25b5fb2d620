// An event's schema as a contract: the fields above are the draft of its next version; this
// panel says, before anything is registered, whether the registry would accept it under the
// event's compatibility level (and which rule, field and version it breaks), registers it as a
// new version, and browses the history: any two versions (or the draft) compared field by field.
// The rules come from the engine's registry. The verdict against registered versions is
// computed in the simulation worker with each compile of the board: avsc generates code (new
// Function), which the workshop server's Content-Security-Policy forbids on the page; the panel
// shows it once it is for the fields on screen. The rest (which version the draft becomes, the
// history's field diff) needs no Avro and runs here, loaded on first use.
import { useEffect, useId, useState } from 'react';
import type { EventElement, SchemaCompatibilityLevel } from '../../model';
import { SCHEMA_COMPATIBILITY_LEVELS } from '../../model';
import { useSimStore } from '../../store/simStore';
import { update } from './Inspector';

type Evolution = typeof import('../../sim/schemaEvolution');

/** What each level asks of a new version, in a workshop's words. */
const LEVEL_HINTS: Record<SchemaCompatibilityLevel, string> = {
  BACKWARD: 'New consumers read events of the latest version.',
  BACKWARD_TRANSITIVE: 'New consumers read events of every version.',
  FORWARD: 'Consumers of the latest version read new events.',
  FORWARD_TRANSITIVE: 'Consumers of every version read new events.',
  FULL: 'Both: new and latest-version consumers read each other’s events.',
  FULL_TRANSITIVE: 'Both, with every version.',
  NONE: 'No check: any change is registered.',
};

let loading: Promise<Evolution> | null = null;
function useEvolution(): Evolution | null {
  const [mod, setMod] = useState<Evolution | null>(null);
  useEffect(() => {
    let live = true;
    void (loading ??= import('../../sim/schemaEvolution')).then((m) => live && setMod(m));
    return () => {
      live = false;
    };
  }, []);
  return mod;
}

export function EventSchemaPanel({ element }: { element: EventElement }) {
  const evo = useEvolution();
  const levelId = useId();
  const versions = element.schemaVersions ?? [];
  const level = element.compatibility ?? 'BACKWARD';
  const setLevel = (l: SchemaCompatibilityLevel) => update(element.id, { compatibility: l });
  const remote = useSimStore((s) => s.problems?.schemas[element.id]);
  let proposal: ReturnType<Evolution['proposeEventSchema']> | null = null;
  let unavailable: string | null = null;
  if (evo && versions.length === 0) proposal = evo.proposeEventSchema(element); // nothing to check against: no Avro involved
  else if (evo && remote && remote.key === evo.schemaProposalKey(element)) {
    if ('proposal' in remote) proposal = remote.proposal;
    else unavailable = `The compatibility check failed: ${remote.error}`;
  }
  const register = () => update(element.id, { schemaVersions: [...versions, { fields: element.fields.map((f) => ({ ...f })) }] });
  return (
    <section aria-label="Schema" className="sb-schema">
      <h3>Schema</h3>
      <div className="sb-field">
        <label htmlFor={levelId}>Compatibility</label>
        <select id={levelId} value={level} onChange={(e) => setLevel(e.target.value as SchemaCompatibilityLevel)}>
          {SCHEMA_COMPATIBILITY_LEVELS.map((l) => (
            <option key={l} value={l}>
              {l}
            </option>
          ))}
        </select>
        <p className="sb-field-hint">{LEVEL_HINTS[level]}</p>
      </div>
      <div role="status" aria-label="Compatibility verdict" className={`sb-verdict${proposal?.verdict && !proposal.verdict.compatible ? ' sb-verdict-bad' : proposal?.verdict ? ' sb-verdict-good' : ''}`}>
        {unavailable ? (
          unavailable
        ) : !proposal ? (
          'Checking…'
        ) : proposal.next === null ? (
          `The fields are version ${proposal.registered}, as registered.`
        ) : proposal.verdict === null ? (
          'Not registered yet: these fields become version 1.'
        ) : proposal.verdict.compatible ? (
          `✓ Version ${proposal.next} is compatible under ${level}.`
        ) : (
          <>
            <strong>
              ✗ Version {proposal.next} breaks {level}.
            </strong>
            <ul>
              {proposal.verdict.issues.map((i, k) => (
                <li key={k}>
                  <b>{i.field ?? i.path}</b> — {i.rule}: {i.message} (version {i.version}).
                </li>
              ))}
            </ul>
          </>
        )}
      </div>
      {proposal && proposal.next !== null ? (
        <button type="button" className="sb-button" disabled={proposal.verdict !== null && !proposal.verdict.compatible} onClick={register}>
          Register version {proposal.next}
        </button>
      ) : null}
      {evo && versions.length > 0 ? <SchemaHistory element={element} evo={evo} /> : null}
    </section>
  );
}

function SchemaHistory({ element, evo }: { element: EventElement; evo: Evolution }) {
  const versions = element.schemaVersions ?? [];
  const draft = versions.length + 1;
  const options = [...versions.map((_, i) => ({ value: i + 1, label: `Version ${i + 1}` })), { value: draft, label: 'Draft' }];
  const [from, setFrom] = useState(Math.max(1, versions.length - 1));
  const [to, setTo] = useState(versions.length === 1 ? draft : versions.length);
  const fieldsOf = (v: number) => (v === draft ? element.fields : (versions[v - 1]?.fields ?? []));
  const changes = evo.diffSchemaVersions(fieldsOf(from), fieldsOf(to));
  const fromId = useId();
  const toId = useId();
  return (
    <details className="sb-schema-history">
      <summary>Schema history ({versions.length} registered)</summary>
      <div className="sb-field-row">
        <div className="sb-field">
          <label htmlFor={fromId}>From version</label>
          <select id={fromId} value={from} onChange={(e) => setFrom(Number(e.target.value))}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
        <div className="sb-field">
          <label htmlFor={toId}>To version</label>
          <select id={toId} value={to} onChange={(e) => setTo(Number(e.target.value))}>
            {options.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </div>
      </div>
      {changes.length === 0 ? (
        <p className="sb-field-hint">No differences.</p>
      ) : (
        <table aria-label="Schema changes" className="sb-schema-diff">
          <thead>
            <tr>
              <th scope="col">Field</th>
              <th scope="col">Change</th>
              <th scope="col">Detail</th>
            </tr>
          </thead>
          <tbody>
            {changes.map((c, k) => (
              <tr key={k} className={`sb-change-${c.change}`}>
                <td>{c.field}</td>
                <td>{c.change}</td>
                <td>{[c.before, c.after].filter((x) => x !== undefined && x !== '').join(' → ')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </details>
  );
}
