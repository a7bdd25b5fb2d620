// Executable scenarios at 1280×720 on the Banking example: a scenario added to "Withdraw money"
// in the inspector runs at once and goes red with the difference, a guard added to the rule
// turns it green, and the sticky's badge follows; a run's Balance read model adds up against
// the account's events as the message browser shows them.
import { expect, test } from '@playwright/test';
import { BoardPage } from './pages/BoardPage';
import { ScenariosPanel } from './pages/ScenariosPanel';
import { TopicsTab } from './pages/TopicsTab';

test.use({ viewport: { width: 1280, height: 720 } });

test('a scenario on "Withdraw money" goes red, and the guard that makes it pass turns it green', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  const withdraw = board.sticky('Command', 'Withdraw money');
  await expect(withdraw.getByRole('img', { name: 'Scenarios: 4 passing, 0 failing' })).toBeVisible();
  await withdraw.click();
  const panel = new ScenariosPanel(page);
  await expect(panel.status('Within the balance')).toHaveText('✓ Passes');
  await expect(panel.status('Beyond the balance')).toHaveText('✓ Passes');

  await panel.add('Nothing to withdraw');
  await panel.addGiven('Nothing to withdraw', 'Money deposited');
  await panel.cell('Nothing to withdraw', 'Given 1', 'amount = 10.00');
  await panel.cell('Nothing to withdraw', 'When', 'amount = 0');
  await panel.then('Nothing to withdraw', 1, 'Withdrawal rejected');
  await panel.cell('Nothing to withdraw', 'Then 1', 'amount = When.amount');

  // Red within a second or so of the edit, with what differs.
  await expect(panel.status('Nothing to withdraw')).toContainText('✗ Fails', { timeout: 5000 });
  await expect(panel.status('Nothing to withdraw')).toContainText('Expected Withdrawal rejected, got Money withdrawn');
  await expect(withdraw.getByRole('img', { name: 'Scenarios: 4 passing, 1 failing' })).toBeVisible();

  // A guard that names an unknown field is refused where it is typed.
  await panel.guard('Withdrawal rejected', 'amount > balanse');
  await expect(panel.inspector.getByText('No field "balanse" here: did you mean "balance"?')).toBeVisible();

  await panel.guard('Withdrawal rejected', 'amount > balance + overdraftLimit or amount <= 0');
  await expect(panel.status('Nothing to withdraw')).toHaveText('✓ Passes', { timeout: 5000 });
  await expect(panel.status('Beyond the balance')).toHaveText('✓ Passes');
  await expect(panel.status('Into the overdraft, within the limit')).toHaveText('✓ Passes');
  await expect(withdraw.getByRole('img', { name: 'Scenarios: 5 passing, 0 failing' })).toBeVisible();
});

test("a run's Balance read model adds up: deposits minus withdrawals and fees, in money with two decimals", async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  await page.getByRole('combobox', { name: 'Speed' }).selectOption('10');
  await page.getByRole('button', { name: 'Run simulation', exact: true }).click();
  // Consumed, not produced: commands are produced before the groups have formed (a fast run
  // has a hundred of them by then), and only what the groups read makes rows.
  await expect(page.getByRole('group', { name: 'Counters' }).getByRole('status', { name: 'Consumed records', exact: true })).toHaveText(/\d{3,}/, { timeout: 30_000 });
  await page.getByRole('button', { name: 'Pause simulation' }).click();
  await page.getByRole('tab', { name: 'Read models' }).click();
  const table = page.getByRole('table', { name: 'Read model Balance' });
  await expect(table.locator('tbody tr').first()).toBeVisible();
  const headers = await table.locator('thead th').allTextContents();
  const balanceAt = headers.indexOf('balance');
  expect(balanceAt).toBeGreaterThan(2);
  const rows = await table.locator('tbody tr').evaluateAll((trs, at) => trs.slice(0, 3).map((tr) => ({ id: (tr.children[0] as HTMLElement).title, version: Number((tr.children[1] as HTMLElement).innerText), balance: (tr.children[at] as HTMLElement).innerText.trim() })), balanceAt);
  const topics = new TopicsTab(page);
  await topics.open('account-service.account.events');
  for (const row of rows) {
    // Below zero within the overdraft limit too.
    expect(row.balance).toMatch(/^-?\d+\.\d{2}$/);
    await topics.find({ from: 'Oldest', key: row.id });
    const values = await topics.column(4);
    // The events the projector folds (not the rejections), oldest first, as many as the row counts.
    const folded = values.filter((v) => !v.includes('"reason"')).slice(0, row.version);
    expect(folded.length).toBe(row.version);
    let cents = 0;
    for (const v of folded) {
      const amount = /"amount":"(\d+\.\d{2})"/.exec(v)?.[1];
      const fee = /"fee":"(\d+\.\d{2})"/.exec(v)?.[1];
      if (v.includes('"reference"')) cents += Math.round(Number(amount) * 100);
      else if (fee) cents -= Math.round(Number(fee) * 100);
      else if (amount) cents -= Math.round(Number(amount) * 100);
    }
    expect((cents / 100).toFixed(2)).toBe(row.balance);
  }
});

test('the sticky and the inspector say how an outcome is decided: by rules, by rules that may reject, or by weight while there are none', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  const withdraw = board.sticky('Command', 'Withdraw money');
  await withdraw.click();
  const panel = new ScenariosPanel(page);
  const mode = panel.inspector.getByRole('note', { name: 'How the outcome is decided' });
  await expect(mode).toHaveText('Rules decide: the first guard that holds wins; Money withdrawn otherwise.');
  await expect(withdraw.getByRole('img', { name: /^(No rules yet|Rules decide)/ })).toHaveCount(0);

  // Without the "otherwise": a withdrawal no guard admits is rejected, and Money withdrawn never happens.
  await panel.inspector.getByRole('button', { name: 'Remove rule for Money withdrawn' }).click();
  await expect(mode).toContainText('when none holds, the command is rejected');
  await expect(panel.inspector.getByRole('note', { name: 'Outcomes without a rule' })).toHaveText('Money withdrawn has no rule, so Withdraw money never leads to it.');
  await expect(withdraw.getByRole('img', { name: /^Rules decide: .*no "otherwise" outcome/ })).toHaveText('⊘ may reject', { timeout: 5000 });
  await expect(panel.status('Within the balance')).toContainText("the command was rejected: no outcome's guard admits it (Withdrawal rejected when amount > balance + overdraftLimit)", { timeout: 5000 });

  // No rule left: no rules yet, the link weights decide, and the scenarios say they cannot.
  await panel.inspector.getByRole('button', { name: 'Remove rule for Withdrawal rejected' }).click();
  await expect(mode).toHaveText('No rules yet: the simulator draws the outcome by the link weights (Money withdrawn 9 : Withdrawal rejected 1).');
  await expect(withdraw.getByRole('img', { name: /^No rules yet: .*at random/ })).toHaveText('⚖ by weight', { timeout: 5000 });
  await expect(panel.status('Beyond the balance')).toContainText('No rule decides Withdraw money', { timeout: 5000 });

  await board.undo();
  await board.undo();
  await expect(mode).toHaveText('Rules decide: the first guard that holds wins; Money withdrawn otherwise.');
  await expect(withdraw.getByRole('img', { name: 'Scenarios: 4 passing, 0 failing' })).toBeVisible({ timeout: 5000 });
  await expect(withdraw.getByRole('img', { name: /^(No rules yet|Rules decide)/ })).toHaveCount(0);
});

test('a scenario is written from the keyboard: each added scenario, row and value hands the focus on', async ({ page }) => {
  const board = new BoardPage(page);
  await board.goto();
  await board.openExample('Banking');
  const withdraw = board.sticky('Command', 'Withdraw money');
  // Enter on the focused sticky edits its name; Escape leaves the focus on the sticky.
  await withdraw.focus();
  await page.keyboard.press('Enter');
  await page.keyboard.press('Escape');
  await expect(withdraw).toBeFocused();
  const panel = new ScenariosPanel(page);
  // Shift+I goes to the inspector, past every sticky in the tab order.
  await page.keyboard.press('Shift+I');
  await expect(panel.inspector.getByRole('textbox', { name: 'Name', exact: true })).toBeFocused();
  await panel.inspector.getByRole('button', { name: '+ Add scenario' }).focus();
  await page.keyboard.press('Enter');
  await expect(panel.inspector.getByRole('textbox', { name: 'Scenario name' }).last()).toBeFocused();
  await page.keyboard.type('Nothing to withdraw');
  await page.keyboard.press('Enter');
  const scenario = panel.scenario('Nothing to withdraw');
  await scenario.getByRole('button', { name: '+ Given' }).focus();
  await page.keyboard.press('Enter');
  await expect(scenario.getByRole('combobox', { name: 'Given 1 of Nothing to withdraw', exact: true })).toBeFocused();
  await page.keyboard.press('ArrowDown'); // Money deposited
  await page.keyboard.press('Tab');
  await page.keyboard.type('amount = 10.00');
  await page.keyboard.press('Enter');
  // The next empty cell has the focus; a second value for the same field is refused where it is typed.
  await expect(scenario.getByRole('combobox', { name: 'Given 1 of Nothing to withdraw: add a field' })).toBeFocused();
  await page.keyboard.type('amount = 5');
  await page.keyboard.press('Enter');
  await expect(scenario.getByText('amount already has a value here: change that one instead')).toBeVisible();
  await page.keyboard.press('Escape');
  await scenario.getByRole('combobox', { name: 'When of Nothing to withdraw: add a field' }).focus();
  await page.keyboard.type('amount = 0');
  await page.keyboard.press('Enter');
  await scenario.getByRole('combobox', { name: 'Then 1 of Nothing to withdraw', exact: true }).focus();
  await page.keyboard.press('ArrowDown'); // Withdrawal rejected
  await expect(panel.status('Nothing to withdraw')).toContainText('Expected Withdrawal rejected, got Money withdrawn', { timeout: 5000 });
  await expect(withdraw.getByRole('img', { name: 'Scenarios: 4 passing, 1 failing' })).toBeVisible();
  await panel.inspector.getByRole('textbox', { name: 'Guard for Withdrawal rejected' }).focus();
  await page.keyboard.press('End');
  await page.keyboard.type(' or amount <= 0');
  await page.keyboard.press('Enter');
  await expect(panel.status('Nothing to withdraw')).toHaveText('✓ Passes', { timeout: 5000 });
  await expect(withdraw.getByRole('img', { name: 'Scenarios: 5 passing, 0 failing' })).toBeVisible();
});
