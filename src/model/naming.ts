// Naming hints from EventStorming's conventions: a domain event is a fact in the past tense
// ("Order placed"), a command an instruction in the imperative ("Place order"). They are hints
// shown beside the sticky, never blocks: workshops write loosely on purpose, so the heuristics
// below stay cheap and err on the side of saying nothing.
import type { ElementKind } from './types';

/** Common irregular verbs: base form → past participle (the form an event name uses). */
const IRREGULAR: Readonly<Record<string, string>> = {
  be: 'been', become: 'become', begin: 'begun', bid: 'bid', bind: 'bound', break: 'broken', bring: 'brought',
  build: 'built', buy: 'bought', catch: 'caught', choose: 'chosen', come: 'come', cut: 'cut', deal: 'dealt',
  do: 'done', draw: 'drawn', drive: 'driven', eat: 'eaten', fall: 'fallen', feed: 'fed', feel: 'felt',
  fight: 'fought', find: 'found', forbid: 'forbidden', forget: 'forgotten', forgive: 'forgiven', freeze: 'frozen',
  get: 'got', give: 'given', go: 'gone', grow: 'grown', hang: 'hung', have: 'had', hear: 'heard', hide: 'hidden',
  hit: 'hit', hold: 'held', hurt: 'hurt', keep: 'kept', know: 'known', lay: 'laid', lead: 'led', leave: 'left',
  lend: 'lent', let: 'let', lose: 'lost', make: 'made', meet: 'met', overdraw: 'overdrawn', override: 'overridden',
  pay: 'paid', prepay: 'prepaid', put: 'put', quit: 'quit', read: 'read', rebuild: 'rebuilt', redo: 'redone',
  repay: 'repaid', reset: 'reset', resend: 'resent', rewrite: 'rewritten', ride: 'ridden', ring: 'rung', rise: 'risen',
  run: 'run', say: 'said', see: 'seen', seek: 'sought', sell: 'sold', send: 'sent', set: 'set', shake: 'shaken',
  shoot: 'shot', show: 'shown', shut: 'shut', sing: 'sung', sit: 'sat', sleep: 'slept', speak: 'spoken',
  spend: 'spent', split: 'split', spread: 'spread', stand: 'stood', steal: 'stolen', strike: 'struck',
  swear: 'sworn', sweep: 'swept', take: 'taken', teach: 'taught', tear: 'torn', tell: 'told', think: 'thought',
  throw: 'thrown', undo: 'undone', understand: 'understood', upset: 'upset', wake: 'woken', wear: 'worn',
  win: 'won', withdraw: 'withdrawn', withhold: 'withheld', write: 'written',
};
/** Irregular simple pasts that differ from the participle ("Stock ran out", "Customer came back"). */
const IRREGULAR_PAST = ['began', 'broke', 'came', 'chose', 'did', 'drew', 'drove', 'ate', 'fell', 'forgot', 'froze', 'gave', 'went', 'grew', 'knew', 'ran', 'rang', 'rose', 'saw', 'shook', 'spoke', 'stole', 'took', 'threw', 'tore', 'woke', 'wore', 'wrote', 'withdrew', 'overdrew'];
const PARTICIPLES = new Set([...Object.values(IRREGULAR), ...IRREGULAR_PAST]);
/** Words ending in "ed" that are not past forms. */
const NOT_PAST = new Set(['need', 'feed', 'seed', 'speed', 'bleed', 'breed', 'proceed', 'succeed', 'exceed', 'embed', 'bed', 'red', 'shed', 'shred', 'sled', 'hundred', 'sacred', 'naked', 'wicked', 'weed', 'deed', 'greed', 'reed', 'steed', 'tweed']);
/** Suffixes of nouns that name an action instead of ordering it ("Registration", "Payment"). */
const NOUN_SUFFIX = /(tion|sion|ment|ance|ence|ness|ity|ings?)$/;
const ARTICLES = new Set(['a', 'an', 'the', 'new']);

function words(text: string): string[] {
  return text
    .toLowerCase()
    .split(/[^a-z']+/)
    .filter((w) => w.length > 0);
}

export function isPastForm(word: string): boolean {
  const w = word.toLowerCase();
  if (PARTICIPLES.has(w)) return true;
  return w.length > 3 && w.endsWith('ed') && !NOT_PAST.has(w);
}

/** True when some word of the text is a past form: "Order placed", "Payment failed", "Stock ran out". */
export function isPastTense(text: string): boolean {
  return words(text).some(isPastForm);
}

/** True when the text starts like an instruction: a verb first, not a past form, -ing form or action noun. */
export function isImperative(text: string): boolean {
  const ws = words(text).filter((w, i) => i > 0 || !ARTICLES.has(w));
  const first = ws[0];
  if (!first) return false;
  if (isPastForm(first) && !(first in IRREGULAR)) return false;
  if (first.length > 4 && NOUN_SUFFIX.test(first)) return false;
  // "Order placed", "Stock ran out": a later past form reads as a fact, whatever the first word is.
  if (ws.slice(1).some((w) => isPastForm(w) && !(w in IRREGULAR))) return false;
  return true;
}

/** The past participle of a verb in its base form: place → placed, ship → shipped, pay → paid. */
export function pastParticiple(verb: string): string {
  const v = verb.toLowerCase();
  const irregular = IRREGULAR[v];
  if (irregular) return irregular;
  if (v.endsWith('e')) return `${v}d`;
  if (/[^aeiou]y$/.test(v)) return `${v.slice(0, -1)}ied`;
  // Short consonant-vowel-consonant verbs double the last letter: ship → shipped, stop → stopped.
  if (/^[^aeiou]*[aeiou][bdgklmnprt]$/.test(v)) return `${v}${v.at(-1)}ed`;
  return `${v}ed`;
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** "Place order" → "Order placed"; undefined when the text does not look like a command. */
export function suggestEventName(commandText: string): string | undefined {
  const parts = commandText.trim().split(/\s+/);
  const verb = parts[0];
  if (!verb || parts.length < 2 || !/^[a-z]+$/i.test(verb) || !isImperative(commandText)) return undefined;
  return capitalise(`${parts.slice(1).join(' ').toLowerCase()} ${pastParticiple(verb)}`);
}

export interface NamingHint {
  kind: 'event' | 'command';
  message: string;
}

/** A hint for a sticky's text, or undefined when the name fits (or the kind has no convention). */
export function namingHint(kind: ElementKind, text: string): NamingHint | undefined {
  if (words(text).length === 0) return undefined;
  if (kind === 'event' && !isPastTense(text)) {
    const suggestion = suggestEventName(text);
    return {
      kind,
      message: `A domain event is a fact that happened, named in the past tense${suggestion ? `: try "${suggestion}"` : ', e.g. "Order placed"'}.`,
    };
  }
  if (kind === 'command' && !isImperative(text))
    return { kind, message: 'A command is an instruction, named with a verb first, e.g. "Place order".' };
  return undefined;
}
