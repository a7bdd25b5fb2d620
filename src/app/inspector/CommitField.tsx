// A labelled input whose value is written to the document when editing ends (blur or Enter),
// and only when valid: an invalid value stays in the field with the message next to it, and
// the document keeps its last valid value.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';

export interface CommitFieldProps {
  label: string;
  value: string;
  /** Returns a message saying what is wrong, or null when the value may be written. */
  validate?: (value: string) => string | null;
  /** `how`: Enter, or leaving the field. */
  onCommit: (value: string, how: 'enter' | 'blur') => void;
  multiline?: boolean;
  inputMode?: 'text' | 'numeric';
  placeholder?: string;
  hint?: ReactNode;
  /** Id of a datalist whose options are suggested while typing. */
  list?: string;
  /** The label is for assistive technology only (rows of a table say what they are). */
  compact?: boolean;
  /** Focus the field (its text selected) when it appears: the one a keyboard user just added. */
  autoFocus?: boolean;
}

export function CommitField({ label, value, validate, onCommit, multiline, inputMode, placeholder, hint, list, compact, autoFocus }: CommitFieldProps) {
  const id = useId();
  const focusOnMount = useRef(autoFocus);
  const input = useRef<HTMLInputElement>(null);
  useEffect(() => {
    if (!focusOnMount.current) return;
    input.current?.focus({ preventScroll: false });
    input.current?.select();
  }, []);
  const [draft, setDraft] = useState(value);
  const [error, setError] = useState<string | null>(null);
  useEffect(() => {
    setDraft(value);
    setError(null);
  }, [value]);

  const commit = (how: 'enter' | 'blur') => {
    if (draft === value) {
      setError(null);
      return;
    }
    const problem = validate?.(draft) ?? null;
    setError(problem);
    if (!problem) onCommit(draft, how);
  };
  const common = {
    id,
    value: draft,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': error ? `${id}-error` : undefined,
    onChange: (e: { target: { value: string } }) => setDraft(e.target.value),
    onBlur: () => commit('blur'),
  };
  return (
    <div className={`sb-field${error ? ' sb-field-invalid' : ''}${compact ? ' sb-field-compact' : ''}`}>
      <label htmlFor={id} className={compact ? 'sb-visually-hidden' : undefined}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={3} />
      ) : (
        <input
          {...common}
          ref={input}
          type="text"
          inputMode={inputMode}
          list={list}
          onKeyDown={(e) => {
            if (e.key === 'Enter') commit('enter');
            if (e.key === 'Escape') {
              setDraft(value);
              setError(null);
            }
          }}
        />
      )}
      {error ? (
        <p className="sb-field-error" id={`${id}-error`}>
          {error}
        </p>
      ) : hint ? (
        <p className="sb-field-hint">{hint}</p>
      ) : null}
    </div>
  );
}
