import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { camelName, isValidIdentifier, kebabName, pascalName, symbolName } from './identifiers';
import { NameScope } from './nameScope';
import { isReservedIdentifier } from './reserved';
import { isValidTopicName, MAX_TOPIC_NAME_LENGTH, topicName } from './topicNames';

// Text a workshop could type, biased towards the nasty cases.
const hostileText = fc.oneof(
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(
    'class', 'constructor', '__proto__', 'prototype', 'then', 'default', 'await', 'Promise', 'Object', 'con', 'NUL',
    '${process.exit(1)}', '`rm -rf /`', '*/ evil() /*', '"; drop', "it's", 'line\nbreak', '3 ds secure', '42', '',
    '   ', 'Деньги внесены', '注文が作成された', '🚀💸', 'café crème', 'ΑΒΓ', 'a'.repeat(300),
  ),
);

describe('identifiers from sticky text', () => {
  it('reads well for ordinary names', () => {
    expect(pascalName('Money deposited', 'Event')).toBe('MoneyDeposited');
    expect(camelName('Money deposited', 'Event')).toBe('moneyDeposited');
    expect(kebabName('Money deposited', 'Event')).toBe('money-deposited');
    expect(camelName('account id', 'field')).toBe('accountId');
    expect(camelName('accountId', 'field')).toBe('accountId');
    expect(symbolName('insufficient funds')).toBe('INSUFFICIENT_FUNDS');
    expect(pascalName('café crème', 'Event')).toBe('CafeCreme');
    expect(pascalName('Деньги внесены', 'Event')).toBe('DengiVneseny');
  });

  it('keeps reserved words, prototype keys and globals out', () => {
    expect(pascalName('class', 'Event')).toBe('ClassEvent');
    expect(camelName('constructor', 'field')).toBe('constructorField');
    expect(camelName('__proto__', 'field')).toBe('proto');
    expect(pascalName('Promise', 'Event')).toBe('PromiseEvent');
    expect(kebabName('CON', 'System')).toBe('con-system');
  });

  it('prefixes leading digits and names unreadable text by its kind', () => {
    expect(pascalName('3 ds secure', 'Event')).toBe('Event3DsSecure');
    expect(camelName('42', 'field')).toBe('field42');
    expect(pascalName('🚀💸', 'Event')).toMatch(/^Event[A-Z0-9]{4}$/);
    expect(pascalName('', 'Command')).toBe('Command');
  });

  it('always yields valid identifiers, file names and symbols (property)', () => {
    fc.assert(
      fc.property(hostileText, fc.constantFrom('Event', 'Command', 'Aggregate'), (text, kind) => {
        for (const name of [pascalName(text, kind), camelName(text, kind)]) {
          expect(isValidIdentifier(name), name).toBe(true);
          expect(name.length).toBeLessThanOrEqual(80);
        }
        expect(pascalName(text, kind)).toMatch(/^[A-Z]/);
        expect(camelName(text, kind)).toMatch(/^[a-z]/);
        const file = kebabName(text, kind);
        expect(file).toMatch(/^[a-z0-9]+(-[a-z0-9]+)*$/);
        expect(symbolName(text)).toMatch(/^[A-Za-z_][A-Za-z0-9_]*$/);
      }),
      { numRuns: 2000 },
    );
  });

  it('is deterministic', () => {
    fc.assert(fc.property(hostileText, (text) => pascalName(text, 'Event') === pascalName(text, 'Event')));
  });
});

describe('NameScope', () => {
  it('makes names unique ignoring case, in claim order (property)', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { maxLength: 60 }), (texts) => {
        const scope = new NameScope();
        const names = texts.map((t) => scope.claim(pascalName(t, 'Event')));
        expect(new Set(names.map((n) => n.toLowerCase())).size).toBe(names.length);
        for (const n of names) expect(isValidIdentifier(n) && !isReservedIdentifier(n)).toBe(true);
        const again = new NameScope();
        expect(texts.map((t) => again.claim(pascalName(t, 'Event')))).toEqual(names);
      }),
    );
  });

  it('numbers collisions readably', () => {
    const scope = new NameScope(['Transport']);
    expect(['Order placed', 'order-placed', 'ORDER PLACED!', 'Transport'].map((t) => scope.claim(pascalName(t, 'Event')))).toEqual([
      'OrderPlaced',
      'OrderPlaced2',
      'ORDERPLACED3', // case-insensitive: it would share a file name with OrderPlaced on macOS
      'Transport2',
    ]);
  });
});

describe('Kafka topic names', () => {
  it('are valid: [a-zA-Z0-9._-], at most 249 characters, never "." or ".." (property)', () => {
    fc.assert(
      fc.property(fc.array(hostileText, { maxLength: 8 }), (segments) => {
        const name = topicName(segments.map((s) => kebabName(s, 'x')));
        expect(isValidTopicName(name), name).toBe(true);
        const raw = topicName(segments);
        expect(isValidTopicName(raw), raw).toBe(true);
      }),
    );
    expect(topicName(['.', '..'])).toBe('topic');
    expect(topicName(['a'.repeat(200), 'b'.repeat(200)]).length).toBe(MAX_TOPIC_NAME_LENGTH);
  });
});
