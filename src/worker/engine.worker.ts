// Worker entry: the engine lives here, never on the UI thread. Exposes the protocol through
// Comlink; the main thread reaches it with createEngineClient() (client.ts).
import { expose } from 'comlink';
import { createEngineHost } from './engineHost';

expose(createEngineHost());
