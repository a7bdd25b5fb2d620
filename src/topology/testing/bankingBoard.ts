// A small but complete banking board for tests: two contexts, an aggregate with a success and
// a rejection outcome, a policy across contexts, a read model and an external system.
import type { Board, TopicStrategy } from '../../model';
import { BoardBuilder, field } from './boardBuilder';

export function bankingBoard(strategy: TopicStrategy = 'perAggregateType'): Board {
  const b = new BoardBuilder('Banking').settings({ topicStrategy: strategy });
  const accounts = b.context('Accounts', { serviceName: 'account-service', instances: 3 });
  const alerts = b.context('Alerts');
  const customer = b.actor('Customer', { parent: accounts });
  const deposit = b.command('Deposit money', [field('accountId'), field('amount', 'decimal', { precision: 12, scale: 2 })], { parent: accounts, y: 0 });
  const withdraw = b.command('Withdraw money', [field('accountId'), field('amount', 'decimal', { precision: 12, scale: 2 })], { parent: accounts, y: 200 });
  const account = b.aggregate('Account', 'accountId', { parent: accounts, stream: { partitions: 12 } });
  const deposited = b.event('Money deposited', [field('accountId'), field('amount', 'decimal', { precision: 12, scale: 2 }), field('at', 'timestamp')], { parent: accounts, y: 0 });
  const withdrawn = b.event('Money withdrawn', [field('accountId'), field('amount', 'decimal', { precision: 12, scale: 2 })], { parent: accounts, y: 200 });
  const rejected = b.event('Withdrawal rejected', [field('accountId'), field('reason', 'enum', { symbols: ['insufficient funds', 'account frozen'] })], { parent: accounts, y: 300 });
  const balances = b.readModel('Account balances', { parent: accounts });
  const notify = b.policy('Notify on rejection', { parent: alerts });
  const send = b.command('Send alert', [field('alertId', 'uuid'), field('accountId'), field('note', 'string', { optional: true })], { parent: alerts });
  const alert = b.aggregate('Alert', 'alertId', { parent: alerts, stream: { partitions: 3, replicationFactor: 1 } });
  const sent = b.event('Alert sent', [field('alertId', 'uuid'), field('accountId')], { parent: alerts });
  const gateway = b.external('Card network', { parent: accounts });
  const cardPaid = b.event('Card payment captured', [field('accountId'), field('amount', 'double')], { parent: accounts });
  b.chain(customer, deposit, account).chain(customer, withdraw, account);
  b.link(account, deposited).link(account, withdrawn, { weight: 9 }).link(account, rejected, { weight: 1 });
  b.chain(deposited, balances).chain(withdrawn, balances);
  b.chain(rejected, notify, send, alert, sent);
  b.chain(gateway, cardPaid, balances);
  return b.build();
}
