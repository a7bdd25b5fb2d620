// Page object for an event's schema in the inspector (docs/ui-names.md "Schema"): the
// compatibility level, the verdict on the fields as drafted, registering a version, and the
// history with its field-by-field comparison.
import { type Locator, type Page } from '@playwright/test';

export class EventSchema {
  readonly inspector: Locator;
  readonly panel: Locator;

  constructor(readonly page: Page) {
    this.inspector = page.getByRole('complementary', { name: 'Inspector' });
    this.panel = this.inspector.getByRole('region', { name: 'Schema' });
  }

  verdict(): Locator {
    return this.panel.getByRole('status', { name: 'Compatibility verdict' });
  }

  level(): Locator {
    return this.panel.getByRole('combobox', { name: 'Compatibility', exact: true });
  }

  async register(version: number): Promise<void> {
    await this.panel.getByRole('button', { name: `Register version ${version}` }).click();
  }

  field(n: number): Locator {
    return this.inspector.getByRole('group', { name: new RegExp(`^Field ${n}: `) });
  }

  async addField(): Promise<Locator> {
    const before = await this.inspector.getByRole('group', { name: /^Field \d+: / }).count();
    await this.inspector.getByRole('button', { name: '+ Add field' }).click();
    return this.field(before + 1);
  }

  async rename(field: Locator, name: string): Promise<void> {
    const input = field.getByLabel('Field name');
    await input.fill(name);
    await input.press('Enter');
  }

  async compare(from: string, to: string): Promise<Locator> {
    const details = this.panel.locator('details');
    if (!(await details.evaluate((d) => (d as HTMLDetailsElement).open))) await this.panel.getByText(/^Schema history/).click();
    await this.panel.getByLabel('From version').selectOption({ label: from });
    await this.panel.getByLabel('To version').selectOption({ label: to });
    return this.panel.getByRole('table', { name: 'Schema changes' });
  }
}
