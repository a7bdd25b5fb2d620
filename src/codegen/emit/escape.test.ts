import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { commentText, ident, jsonText, literal, str } from './escape';

// Evaluates generated code in a sandboxed Function: if board text could escape a literal or a
// comment, the marker assignment would run.
function runs(code: string): { value: unknown; injected: boolean } {
  const scope = { injected: false };
  const value = new Function('scope', `"use strict"; ${code}`)(scope) as unknown;
  return { value, injected: scope.injected };
}

const hostile = fc.oneof(
  fc.string({ unit: 'binary' }),
  fc.constantFrom('"; scope.injected = true; "', '`${scope.injected = true}`', "'); scope.injected = true; ('", '*/ scope.injected = true; /*', '\n scope.injected = true; //', '\u2028scope.injected = true;', '\\"; scope.injected = true; //'),
);

describe('escaping board text into code', () => {
  it('string literals evaluate back to the same text and run nothing (property)', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const { value, injected } = runs(`return ${str(text)};`);
        expect(injected).toBe(false);
        expect(value).toBe(text);
        // Inside a template-literal-free TS type position too: same literal.
        expect(str(text)).not.toMatch(/[\u2028\u2029]/);
      }),
      { numRuns: 1000 },
    );
  });

  it('object literals round-trip', () => {
    fc.assert(
      fc.property(fc.dictionary(hostile, hostile), (obj) => {
        expect(runs(`return ${literal(obj, 2)};`).value).toEqual(JSON.parse(JSON.stringify(obj)));
      }),
    );
  });

  it('comments cannot be closed or broken out of (property)', () => {
    fc.assert(
      fc.property(hostile, (text) => {
        const line = runs(`// ${commentText(text)}\nreturn 1;`);
        const block = runs(`/* ${commentText(text)} */ return 2;`);
        expect(line).toEqual({ value: 1, injected: false });
        expect(block).toEqual({ value: 2, injected: false });
      }),
      { numRuns: 1000 },
    );
  });
});

describe('__proto__ keys', () => {
  it('stay own properties in code and plain keys in JSON', () => {
    const obj = JSON.parse('{"__proto__": {"polluted": true}, "a": ["\\"__proto__\\": 1"]}') as Record<string, unknown>;
    const code = runs(`return ${literal(obj, 2)};`).value as Record<string, unknown>;
    expect(Object.getPrototypeOf(code)).toBe(Object.prototype);
    expect(Object.keys(code)).toEqual(['__proto__', 'a']);
    expect(code.a).toEqual(['"__proto__": 1']);
    expect(JSON.parse(jsonText(obj)) as unknown).toEqual(obj);
  });
});

describe('ident', () => {
  it('passes safe identifiers and refuses anything else', () => {
    expect(ident('moneyDeposited')).toBe('moneyDeposited');
    for (const bad of ['', '1x', 'a-b', 'a b', 'x;y', '${x}', 'é']) expect(() => ident(bad)).toThrow(/not a safe identifier/);
  });
});
