import { describe, expect, it } from 'vitest';
import { isImperative, isPastTense, namingHint, pastParticiple, suggestEventName } from './naming';

const GOOD_EVENTS = [
  'Order placed', 'Money deposited', 'Money withdrawn', 'Withdrawal rejected', 'Account opened', 'Payment succeeded',
  'Payment failed', 'Order shipped', 'Invoice sent', 'Room booked', 'Order paid', 'Item added to cart', 'Customer signed up',
  'Password reset', 'Goods received', 'Stock ran out', 'Order Amended', 'Account overdrawn', 'Seat reserved',
  'Booking cancelled', 'Parcel delivered', 'Refund issued', 'Deadline passed', 'Price changed', 'Cart emptied',
];
const BAD_EVENTS = ['Place order', 'Deposit money', 'Ship order', 'Cancel booking', 'Send invoice', 'Open account', 'Withdraw money', 'Out of stock', 'Placing order', 'Need approval'];
const GOOD_COMMANDS = [
  'Place order', 'Deposit money', 'Withdraw money', 'Open account', 'Cancel booking', 'Charge payment', 'Ship order',
  'Send invoice', 'Add item to cart', 'Reset password', 'Pay invoice', 'Register customer', 'Approve refund', 'Sell ticket',
  'Book room', 'Feed the queue',
];
const BAD_COMMANDS = ['Order placed', 'Money deposited', 'Payment failed', 'Placed order', 'Registration', 'Payment', 'Placing order', 'Invoice sent', 'Stock ran out'];

describe('event names', () => {
  it.each(GOOD_EVENTS)('accepts "%s"', (text) => {
    expect(isPastTense(text)).toBe(true);
    expect(namingHint('event', text)).toBeUndefined();
  });
  it.each(BAD_EVENTS)('hints at "%s"', (text) => {
    expect(isPastTense(text)).toBe(false);
    expect(namingHint('event', text)?.message).toMatch(/past tense/);
  });
  it('suggests the past-tense form of a command-like event name', () => {
    expect(namingHint('event', 'Place order')?.message).toBe('A domain event is a fact that happened, named in the past tense: try "Order placed".');
    expect(suggestEventName('Ship order')).toBe('Order shipped');
    expect(suggestEventName('Pay invoice')).toBe('Invoice paid');
    expect(suggestEventName('Withdraw money')).toBe('Money withdrawn');
    expect(suggestEventName('Order placed')).toBeUndefined();
  });
});

describe('command names', () => {
  it.each(GOOD_COMMANDS)('accepts "%s"', (text) => {
    expect(isImperative(text)).toBe(true);
    expect(namingHint('command', text)).toBeUndefined();
  });
  it.each(BAD_COMMANDS)('hints at "%s"', (text) => {
    expect(isImperative(text)).toBe(false);
    expect(namingHint('command', text)?.message).toMatch(/verb first/);
  });
});

describe('other kinds and empty text', () => {
  it('gives no hint for kinds without a convention or for empty text', () => {
    expect(namingHint('policy', 'Order placed')).toBeUndefined();
    expect(namingHint('readModel', 'Place order')).toBeUndefined();
    expect(namingHint('event', '   ')).toBeUndefined();
    expect(namingHint('command', '')).toBeUndefined();
  });
});

describe('pastParticiple', () => {
  it.each([
    ['place', 'placed'], ['ship', 'shipped'], ['stop', 'stopped'], ['carry', 'carried'], ['pay', 'paid'],
    ['deposit', 'deposited'], ['open', 'opened'], ['send', 'sent'], ['reject', 'rejected'], ['book', 'booked'],
  ])('%s → %s', (verb, participle) => expect(pastParticiple(verb)).toBe(participle));
});
