// Page object of the inspector's rules and scenarios (docs/ui-names.md): outcome guards, the
// scenario tables (Given / When / Then rows of "field = value" cells) and their results.
import { expect, type Locator, type Page } from '@playwright/test';

export class ScenariosPanel {
  constructor(private readonly page: Page) {}

  get inspector(): Locator {
    return this.page.getByRole('complementary', { name: 'Inspector' });
  }

  scenario(name: string): Locator {
    return this.inspector.getByRole('group', { name: `Scenario ${name}`, exact: true });
  }

  status(name: string): Locator {
    return this.scenario(name).getByRole('status');
  }

  /** Adds a scenario and names it; it starts with one Then row (the command's first outcome). */
  async add(name: string): Promise<Locator> {
    const before = await this.inspector.getByRole('group', { name: /^Scenario / }).count();
    await this.inspector.getByRole('button', { name: '+ Add scenario' }).click();
    const added = this.inspector.getByRole('group', { name: /^Scenario / }).nth(before);
    const nameBox = added.getByRole('textbox', { name: 'Scenario name' });
    await nameBox.fill(name);
    await nameBox.press('Enter');
    await expect(this.scenario(name)).toBeVisible();
    return this.scenario(name);
  }

  /** Types "field = value" into the row's empty cell and commits it with Enter. */
  async cell(scenario: string, row: string, assignment: string): Promise<void> {
    // A cell suggests the fields as you type (an input with a datalist: a combobox).
    const box = this.scenario(scenario).getByRole('combobox', { name: `${row} of ${scenario}: add a field` });
    await box.fill(assignment);
    await box.press('Enter');
    const field = assignment.split('=')[0]!.trim();
    await expect(this.scenario(scenario).getByRole('combobox', { name: `${row} of ${scenario}: ${field}` })).toBeVisible();
  }

  async addGiven(scenario: string, event: string): Promise<void> {
    const n = await this.scenario(scenario).locator('select').filter({ has: this.page.locator('option') }).evaluateAll((all) => all.filter((s) => /^Given \d+ of /.test(s.getAttribute('aria-label') ?? '')).length);
    await this.scenario(scenario).getByRole('button', { name: '+ Given' }).click();
    await this.scenario(scenario).getByRole('combobox', { name: `Given ${n + 1} of ${scenario}`, exact: true }).selectOption({ label: event });
  }

  async then(scenario: string, n: number, event: string): Promise<void> {
    await this.scenario(scenario).getByRole('combobox', { name: `Then ${n} of ${scenario}`, exact: true }).selectOption({ label: event });
  }

  async guard(outcome: string, text: string): Promise<void> {
    const box = this.inspector.getByRole('textbox', { name: `Guard for ${outcome}` });
    await box.fill(text);
    await box.press('Enter');
  }
}
