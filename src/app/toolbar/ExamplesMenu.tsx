// "Open example": the example boards shipped in public/examples, each opened as a new board
// of your own (the example itself is never changed).
import { parseBoard } from '../../model/parseBoard';
import { useBoardsStore } from '../../store/boardsStore';
import { useUiStore } from '../../store/uiStore';
import { Disclosure } from './Disclosure';

export interface ExampleEntry {
  name: string;
  file: string;
  description?: string;
}

/** The examples listed in public/examples/index.json. */
export const EXAMPLES: readonly ExampleEntry[] = [
  { name: 'Banking', file: 'banking.json', description: 'Event-sourced accounts: deposits, withdrawals, an overdraft policy' },
  { name: 'E-commerce', file: 'ecommerce.json', description: 'Order, Payment and Shipping contexts with a payment provider' },
];

async function openExample(entry: ExampleEntry): Promise<void> {
  try {
    const response = await fetch(`${import.meta.env.BASE_URL}examples/${entry.file}`);
    if (!response.ok) throw new Error(`the server answered ${response.status}`);
    const board = parseBoard(await response.text());
    await useBoardsStore.getState().addBoard(board);
  } catch (error) {
    useUiStore.getState().notify({ kind: 'error', message: `Could not open the ${entry.name} example: ${error instanceof Error ? error.message : String(error)}` });
  }
}

export function ExamplesMenu() {
  return (
    <Disclosure label="Open example" title="Open an example board as a new board">
      {(close) => (
        <div className="sb-menu-list">
          {EXAMPLES.map((entry) => (
            <button key={entry.file} type="button" onClick={() => (close(), void openExample(entry))} title={entry.description}>
              {entry.name}
            </button>
          ))}
        </div>
      )}
    </Disclosure>
  );
}
