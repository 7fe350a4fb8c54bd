import { describe, expect, it } from 'vitest';
import { DESKTOP, journey } from './support/journey.ts';

/**
 * Ops (ADR 0011): the mail relay gave up on a message after eight failed sends; once the mail
 * server works again, a supervisor sees it counted on the outbox page and sends it again. An
 * agent sees the counts but no button. Axe and screenshots at phone and desktop size.
 */
const { state, newPage, checkSizes, signIn } = journey('ops-mail-queue');

describe('the mail queue in the ops console', () => {
  it('a supervisor sends the given-up mail again; an agent only reads the counts', async () => {
    await state.server.giveUpMail('customer9@example.com', 'Your statement is ready');
    const { page, errors } = await newPage({ viewport: DESKTOP });
    await signIn(page, 'agent@solenne.example', { next: '/ops/outbox', heading: /Mail outbox/ });
    const queue = page.getByRole('region', { name: 'Mail queue' });
    const given = () => queue.getByRole('definition').nth(2).innerText();
    await queue.getByText('Given up').waitFor();
    expect(await given()).toBe('1');
    expect(await queue.getByRole('button').count()).toBe(0);
    await queue.getByText('a supervisor can queue them again').waitFor();
    await checkSizes(page, 'agent');

    const second = await newPage({ viewport: DESKTOP });
    await signIn(second.page, 'supervisor@solenne.example', { next: '/ops/outbox', heading: /Mail outbox/ });
    const mine = second.page.getByRole('region', { name: 'Mail queue' });
    await mine.getByRole('button', { name: 'Send 1 given-up message again' }).click();
    await mine.getByRole('status').filter({ hasText: '1 message is queued again.' }).waitFor();
    // The request relayed it before answering: the counts say so, and the mail went out.
    await expect.poll(async () => mine.getByRole('definition').nth(2).innerText()).toBe('0');
    expect(state.server.mailer.to('customer9@example.com').map((m) => m.subject)).toEqual([
      'Your statement is ready',
    ]);
    await checkSizes(second.page, 'supervisor-after');
    expect(errors).toEqual([]);
    expect(second.errors).toEqual([]);
  }, 120_000);
});
