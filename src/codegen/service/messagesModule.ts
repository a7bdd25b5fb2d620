// services/<svc>/src/messages.ts: the payload types of every event and command the service
// mentions. Type aliases (not interfaces) so payloads fit the runtime's Record<string, unknown>.
import type { ServiceSpec } from '../../topology';
import { commentText } from '../emit/escape';
import type { GenContext } from '../genContext';
import { payloadType } from './typesOf';

export function messagesModule(gen: GenContext, service: ServiceSpec): string {
  const { events, commands } = gen.messagesOf(service);
  const parts = [
    `// Payloads of the events and commands service ${commentText(service.label)} handles or sends.`,
    `// Generated from the board ${commentText(gen.t.boardName)}; regenerate rather than edit.`,
    '',
    '// Events',
    ...events.map((e) => payloadType(e.typeName, `Event: ${e.label}`, e.fields)),
    '',
    '// Commands',
    ...commands.map((c) => payloadType(c.typeName, `Command: ${c.label}`, c.fields)),
    '',
  ];
  return parts.join('\n');
}
