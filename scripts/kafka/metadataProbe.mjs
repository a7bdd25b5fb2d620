// "Ready" for the local Kafka means a metadata request succeeds. This sends one Metadata v4
// request (the oldest version Kafka 4 still accepts, KIP-896) over a plain socket and returns
// the live brokers it lists, so the launcher needs no client library and can wait until every
// node of a cluster is registered and unfenced.
import { connect } from 'node:net';

const METADATA_API_KEY = 3;
const METADATA_VERSION = 4;
const CLIENT_ID = 'stormbench-probe';

function request(correlationId) {
  const client = Buffer.from(CLIENT_ID, 'utf8');
  const body = Buffer.alloc(2 + 2 + 4 + 2 + client.length + 4 + 1);
  let at = 0;
  at = body.writeInt16BE(METADATA_API_KEY, at);
  at = body.writeInt16BE(METADATA_VERSION, at);
  at = body.writeInt32BE(correlationId, at);
  at = body.writeInt16BE(client.length, at);
  at += client.copy(body, at);
  at = body.writeInt32BE(-1, at); // topics: null = all topics
  body.writeInt8(0, at); // allow_auto_topic_creation: false
  const size = Buffer.alloc(4);
  size.writeInt32BE(body.length, 0);
  return Buffer.concat([size, body]);
}

function parseBrokers(frame, correlationId) {
  let at = 0;
  if (frame.readInt32BE(at) !== correlationId) throw new Error('metadata response with a foreign correlation id');
  at += 4 + 4; // correlation id, throttle_time_ms
  const count = frame.readInt32BE(at);
  at += 4;
  const brokers = [];
  for (let i = 0; i < count; i++) {
    const nodeId = frame.readInt32BE(at);
    at += 4;
    const hostLen = frame.readInt16BE(at);
    at += 2;
    const host = frame.toString('utf8', at, at + hostLen);
    at += hostLen;
    const port = frame.readInt32BE(at);
    at += 4;
    const rackLen = frame.readInt16BE(at);
    at += 2 + Math.max(rackLen, 0);
    brokers.push({ nodeId, host, port });
  }
  return brokers;
}

/**
 * Asks the broker at host:port for cluster metadata.
 * @returns {Promise<{ nodeId: number, host: string, port: number }[]>} the live brokers
 */
export function fetchBrokers(host, port, timeoutMs = 2000) {
  return new Promise((resolvePromise, reject) => {
    const correlationId = 1 + Math.floor(Math.random() * 1_000_000);
    const socket = connect({ host, port });
    let buffered = Buffer.alloc(0);
    const done = (err, value) => {
      clearTimeout(timer);
      socket.destroy();
      if (err) reject(err);
      else resolvePromise(value);
    };
    const timer = setTimeout(() => done(new Error(`no metadata answer within ${timeoutMs} ms`)), timeoutMs);
    socket.on('error', (err) => done(err));
    socket.on('connect', () => socket.write(request(correlationId)));
    socket.on('data', (chunk) => {
      buffered = Buffer.concat([buffered, chunk]);
      if (buffered.length < 4) return;
      const size = buffered.readInt32BE(0);
      if (buffered.length < 4 + size) return;
      try {
        done(undefined, parseBrokers(buffered.subarray(4, 4 + size), correlationId));
      } catch (err) {
        done(err);
      }
    });
    socket.on('close', () => done(new Error('connection closed before a metadata answer')));
  });
}
