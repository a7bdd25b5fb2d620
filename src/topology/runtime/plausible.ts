// Shared handler runtime: values a person finds plausible for a field, from its type and its
// name — money with two decimals in a range that fits the word (a fee is small, a limit is
// round), people's names and e-mail addresses, references, quantities — instead of noise like
// 661688.9419. Drawn from the injected random source, so seeded runs stay reproducible.
// Embedded verbatim in exported projects; imports nothing outside this folder.
import type { HandlerEnv, RuntimeField } from './messages.js';

const FIRST = ['Ada', 'Alan', 'Grace', 'Linus', 'Margaret', 'Ken', 'Barbara', 'Dennis', 'Frances', 'Edsger', 'Radia', 'Tim', 'Hedy', 'John', 'Katherine', 'Donald'];
const LAST = ['Lovelace', 'Turing', 'Hopper', 'Torvalds', 'Hamilton', 'Thompson', 'Liskov', 'Ritchie', 'Allen', 'Dijkstra', 'Perlman', 'Lee', 'Lamarr', 'Backus', 'Johnson', 'Knuth'];
const CITIES = ['Amsterdam', 'Berlin', 'Lisbon', 'London', 'Lyon', 'Madrid', 'Oslo', 'Prague', 'Vienna', 'Zurich'];
const COUNTRIES = ['NL', 'DE', 'PT', 'GB', 'FR', 'ES', 'NO', 'CZ', 'AT', 'CH'];
const STREETS = ['High Street', 'Station Road', 'Church Lane', 'Mill Road', 'Park Avenue', 'Market Square'];
const NOTES = ['As agreed', 'Monthly', 'Gift', 'Rent', 'Groceries', 'Refund', 'Savings', 'Invoice'];

/** [min, max] of money by the field's words; fees are small, limits and balances large. */
const MONEY: readonly [RegExp, number, number][] = [
  [/fee|charge|tax|tip|shipping|delivery/i, 1, 25],
  [/limit|credit|salary|income/i, 100, 5000],
  [/balance|total|sum/i, 0, 2000],
  [/amount|price|cost|payment|value|refund|deposit|withdraw|paid|money/i, 5, 500],
];

function pick<T>(list: readonly T[], env: HandlerEnv): T {
  return list[Math.floor(env.random() * list.length)] ?? list[0]!;
}

function between(min: number, max: number, env: HandlerEnv): number {
  return min + Math.floor(env.random() * (max - min + 1));
}

/** Money in [min, max] with two decimals (cents), or undefined when the name is not money-like. */
function money(name: string, env: HandlerEnv): number | undefined {
  const range = MONEY.find(([re]) => re.test(name));
  if (!range) return undefined;
  const round = /limit|credit|salary/i.test(name);
  const cents = between(range[1] * 100, range[2] * 100, env);
  return round ? Math.round(cents / 5000) * 50 : cents / 100;
}

/** A plausible text for a string field by its name, or undefined for a name it has no idea about. */
function text(name: string, env: HandlerEnv): string | undefined {
  const n = name.toLowerCase();
  if (n.includes('email') || n.includes('mail')) return `${pick(FIRST, env)}.${pick(LAST, env)}@example.com`.toLowerCase();
  if (n.includes('firstname') || n === 'first' || n.includes('givenname')) return pick(FIRST, env);
  if (n.includes('lastname') || n.includes('surname') || n.includes('familyname')) return pick(LAST, env);
  if (n === 'name' || n.endsWith('name') || n === 'owner' || n === 'customer' || n === 'holder') return `${pick(FIRST, env)} ${pick(LAST, env)}`;
  if (n.includes('phone') || n.includes('mobile')) return `+44 20 7946 ${String(between(0, 9999, env)).padStart(4, '0')}`;
  if (n.includes('city') || n.includes('town')) return pick(CITIES, env);
  if (n.includes('country')) return pick(COUNTRIES, env);
  if (n.includes('street') || n.includes('address')) return `${between(1, 200, env)} ${pick(STREETS, env)}`;
  if (n.includes('reference') || n === 'ref' || n.includes('invoice')) return `REF-${String(between(0, 999999, env)).padStart(6, '0')}`;
  if (n.includes('sku') || n.includes('code') || n.includes('product')) return `SKU-${String(between(0, 99999, env)).padStart(5, '0')}`;
  if (n.includes('note') || n.includes('description') || n.includes('comment') || n.includes('memo')) return pick(NOTES, env);
  if (n.endsWith('id')) return `${name.slice(0, -2) || 'id'}-${between(1, 9999, env)}`;
  return undefined;
}

function wholeNumber(name: string, env: HandlerEnv): number {
  const n = name.toLowerCase();
  if (/quantity|qty|count|items|seats|nights|units/.test(n)) return between(1, 5, env);
  if (n.includes('age')) return between(18, 80, env);
  if (n.includes('year')) return between(1990, 2026, env);
  if (/percent|rate|discount/.test(n)) return between(1, 50, env);
  return between(1, 1000, env);
}

/** A plausible value for fields of type string, int, long, double or decimal; undefined for others. */
export function plausibleValue(field: RuntimeField, env: HandlerEnv): unknown {
  switch (field.type) {
    case 'string':
      return text(field.name, env) ?? `${field.name}-${between(1, 99999, env)}`;
    case 'int':
    case 'long':
      return wholeNumber(field.name, env);
    case 'double': {
      const m = money(field.name, env);
      return m ?? Math.round(env.random() * 100_000) / 100;
    }
    case 'decimal': {
      const scale = field.scale ?? 0;
      const wholeDigits = Math.max(0, Math.min(15, (field.precision ?? 18) - scale));
      const m = money(field.name, env) ?? between(1, 1000, env) + (scale > 0 ? between(0, 99, env) / 100 : 0);
      // Never more digits than the field holds; money keeps its cents unless the scale is smaller.
      const capped = wholeDigits === 0 ? between(0, 9, env) / 10 : Math.min(m, 10 ** wholeDigits - 1);
      return capped.toFixed(scale);
    }
    default:
      return undefined;
  }
}
