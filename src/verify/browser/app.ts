/** What a person does in the generated client, by its labels and test ids. */
import { randomUUID } from 'node:crypto';
import type { ProjectOptions } from '../../options/schema.js';
import { fail } from '../runner.js';
import type { Locator } from './driver.js';
import type { Tab } from './tab.js';

export const UI_TIMEOUT_MS = 10_000;
const PASSWORD = 'verify-browser-password-1';

export function uniqueTitle(prefix: string): string {
  return `${prefix} ${randomUUID().slice(0, 8)}`;
}

/** Waits for `locator`; on timeout fails with what a person would have noticed missing. */
export async function expectState(locator: Locator, state: 'visible' | 'hidden', what: string, timeout = UI_TIMEOUT_MS): Promise<void> {
  try {
    await locator.waitFor({ state, timeout });
  } catch (error) {
    fail(`${what} (${state === 'visible' ? 'not shown' : 'still shown'} after ${timeout} ms: ${error instanceof Error ? error.message.split('\n')[0] : String(error)})`);
  }
}

export const todoItem = (tab: Tab, title: string): Locator => tab.page.locator('li[data-testid="todo-item"]').filter({ hasText: title });
export const offlineBanner = (tab: Tab): Locator => tab.page.locator('[data-testid="offline-banner"]');

/** The todo form is shown; when the login form is shown instead, says so. */
export async function expectTodosScreen(tab: Tab, why: string): Promise<void> {
  try {
    await tab.page.getByLabel('New todo', { exact: true }).waitFor({ state: 'visible', timeout: UI_TIMEOUT_MS });
  } catch (error) {
    const login = await tab.page.getByLabel('Email', { exact: true }).count();
    if (login > 0) fail(`${tab.name} shows the login form ${why}`);
    throw error;
  }
}

/** With auth, creates a new account through the form; then the todo screen is shown. */
export async function signUp(tab: Tab, options: ProjectOptions): Promise<void> {
  if (options.auth !== 'none') {
    await tab.page.getByLabel('Email', { exact: true }).fill(`browser-${randomUUID().slice(0, 8)}@example.com`);
    await tab.page.getByLabel('Password', { exact: true }).fill(PASSWORD);
    await tab.page.getByRole('button', { name: 'Create account', exact: true }).click();
  }
  await expectTodosScreen(tab, 'after "Create account"');
}

/** Types a title and presses Add, once the form is not busy with an earlier one. */
export async function addTodo(tab: Tab, title: string): Promise<void> {
  await tab.page.locator('button[type="submit"]:enabled').filter({ hasText: 'Add' }).waitFor({ state: 'visible' });
  await tab.page.getByLabel('New todo', { exact: true }).fill(title);
  await tab.page.getByRole('button', { name: 'Add', exact: true }).click();
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}
