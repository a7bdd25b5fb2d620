// What the boards store needs from storage. The app wires it to the persistence layer's board
// repository; tests give it an in-memory fake. Opening a board returns a live document whose
// every change is saved at once.
import type { Board, BoardDoc, BoardId } from '../model';

export interface BoardSummary {
  id: BoardId;
  name: string;
  updatedAt: number;
}

export interface BoardRepositoryPort {
  list(): Promise<BoardSummary[]>;
  /** Stores a new board (fails if the id is taken). */
  create(board: Board): Promise<void>;
  /** A live document for a stored board; changes are saved from now on until it is closed. */
  open(id: BoardId): Promise<BoardDoc>;
  /** Stops saving and releases the document (pending writes are flushed first). */
  close(doc: BoardDoc): Promise<void>;
  rename(id: BoardId, name: string): Promise<void>;
  duplicate(id: BoardId, name: string): Promise<BoardId>;
  remove(id: BoardId): Promise<void>;
  lastOpened(): Promise<BoardId | null>;
  /** Stores a shared board received as Yjs state (merged into the board if it is already here). */
  importState(state: Uint8Array): Promise<BoardId>;
  /** The board stored here for a sync room. */
  boardForRoom(room: string): Promise<BoardId | null>;
  bindRoom(room: string, id: BoardId): Promise<void>;
  setLastOpened(id: BoardId): Promise<void>;
}
