// Page object of the simulation dock's Topics tab (message browser, produce, groups and offsets,
// configs): every control found by role and accessible name (docs/ui-names.md).
import { expect, type Locator, type Page } from '@playwright/test';

export class TopicsTab {
  constructor(private readonly page: Page) {}

  get region(): Locator {
    return this.page.getByRole('region', { name: 'Topics' });
  }

  get messages(): Locator {
    return this.page.getByRole('table', { name: 'Messages' });
  }

  /** The chosen message, whole. */
  get pane(): Locator {
    return this.region.getByRole('region', { name: 'Message' });
  }

  rows(): Locator {
    return this.messages.locator('tbody tr');
  }

  async open(topic: string): Promise<void> {
    await this.page.getByRole('tab', { name: 'Topics', exact: true }).click();
    await this.region.getByRole('combobox', { name: 'Topic', exact: true }).selectOption(topic);
  }

  async view(name: 'Messages' | 'Produce' | 'Groups and offsets' | 'Configs'): Promise<void> {
    await this.region.getByRole('tablist', { name: 'Topic views' }).getByRole('tab', { name, exact: true }).click();
  }

  /** Fills the browser's form and shows the messages. */
  async find(o: { partition?: string; from?: 'Newest' | 'Oldest' | 'Offset' | 'Time'; offset?: string; seconds?: string; key?: string; text?: string }): Promise<void> {
    const r = this.region;
    if (o.partition !== undefined) await r.getByRole('combobox', { name: 'Partition', exact: true }).selectOption(o.partition);
    if (o.from) await r.getByRole('combobox', { name: 'Start from' }).selectOption({ label: o.from });
    if (o.offset !== undefined) await r.getByRole('textbox', { name: 'Offset', exact: true }).fill(o.offset);
    if (o.seconds !== undefined) await r.getByRole('textbox', { name: 'Time (s into the run)' }).fill(o.seconds);
    if (o.key !== undefined) await r.getByRole('searchbox', { name: 'Key contains' }).fill(o.key);
    if (o.text !== undefined) await r.getByRole('searchbox', { name: 'Text contains' }).fill(o.text);
    await this.answered(() => r.getByRole('button', { name: 'Show messages' }).click());
  }

  /** Runs `act` and waits for the browse it asks for to be on screen (each answer has a new request number). */
  async answered(act: () => Promise<void>): Promise<void> {
    const found = this.page.getByRole('status', { name: 'Messages found' });
    const before = (await found.count()) > 0 ? await found.getAttribute('data-request') : null;
    await act();
    await expect(found).toBeVisible();
    if (before !== null) await expect(found).not.toHaveAttribute('data-request', before);
  }

  /** The text of column `n` (0-based: partition, offset, time, key, value) of every row shown. */
  async column(n: number): Promise<string[]> {
    await expect(this.page.getByRole('status', { name: 'Messages found' })).toBeVisible();
    return this.rows().evaluateAll((rows, i) => rows.map((row) => (row.children[i] as HTMLElement).innerText.trim()), n);
  }

  async produce(o: { key: string; value: string; headers: [string, string][] }): Promise<string> {
    const r = this.region;
    await this.view('Produce');
    await r.getByRole('textbox', { name: 'Key', exact: true }).fill(o.key);
    await r.getByRole('textbox', { name: 'Value', exact: true }).fill(o.value);
    for (const [i, [k, v]] of o.headers.entries()) {
      await r.getByRole('button', { name: 'Add header' }).click();
      await r.getByRole('textbox', { name: `Header name ${i + 1}` }).fill(k);
      await r.getByRole('textbox', { name: `Header value ${i + 1}` }).fill(v);
    }
    await r.getByRole('button', { name: 'Produce message' }).click();
    // "Sending to …" first (same status), then where it was written.
    const result = this.page.getByRole('status', { name: 'Produce result' });
    await expect(result).toHaveText(/^Written to .+ partition \d+ at offset \d+\.$/);
    return (await result.textContent()) ?? '';
  }

  async reset(o: { group: string; to: 'Earliest' | 'Latest' | 'Offset' | 'Time'; offset?: string; seconds?: string }): Promise<void> {
    const r = this.region;
    await r.getByRole('combobox', { name: 'Group', exact: true }).selectOption(o.group);
    await r.getByRole('combobox', { name: 'Reset to' }).selectOption({ label: o.to });
    if (o.offset !== undefined) await r.getByRole('textbox', { name: 'Offset', exact: true }).fill(o.offset);
    if (o.seconds !== undefined) await r.getByRole('textbox', { name: 'Time (s into the run)' }).fill(o.seconds);
    await r.getByRole('button', { name: 'Reset offsets' }).click();
  }

  /** Committed offsets of a group on the topic, per partition, as its lag table shows them. */
  async committed(group: string, topic: string): Promise<string[]> {
    return this.page
      .getByRole('table', { name: `Lag of ${group} on ${topic}` })
      .locator('tbody tr')
      .evaluateAll((rows) => rows.map((row) => (row.children[1] as HTMLElement).innerText.trim()));
  }
}
