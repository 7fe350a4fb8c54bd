import fs from 'node:fs/promises';
import path from 'node:path';
import { OUTBOX_MESSAGE_ID, type OutboxMessage } from '@marque/contracts';
import { type AddressObject, simpleParser } from 'mailparser';
import { CATEGORY_HEADER } from '../../platform/mail.ts';

function isMissing(error: unknown): boolean {
  return (error as { code?: string }).code === 'ENOENT';
}

/** The .eml file names in the outbox, newest first. Temporary and foreign files are ignored. */
export async function outboxFileNames(dir: string): Promise<string[]> {
  try {
    const names = await fs.readdir(dir);
    return names.filter((n) => OUTBOX_MESSAGE_ID.test(n)).sort((a, b) => (a < b ? 1 : a > b ? -1 : 0));
  } catch (error) {
    if (isMissing(error)) return [];
    throw error;
  }
}

function addresses(value: AddressObject | AddressObject[] | undefined): string {
  if (!value) return '';
  return (Array.isArray(value) ? value : [value]).map((a) => a.text).join(', ');
}

/**
 * One outbox message, parsed; null when there is no such message. The ID must be a name the
 * mailer generates (no separators, no dots but the extension) and the resolved path must sit
 * directly in the outbox directory, so no ID can reach another file.
 */
export async function readOutboxMessage(dir: string, id: string): Promise<OutboxMessage | null> {
  if (!OUTBOX_MESSAGE_ID.test(id)) return null;
  const root = path.resolve(dir);
  const file = path.resolve(root, id);
  if (path.dirname(file) !== root) return null;
  let raw: Buffer;
  try {
    raw = await fs.readFile(file);
  } catch (error) {
    if (isMissing(error)) return null;
    throw error;
  }
  const mail = await simpleParser(raw, { skipHtmlToText: false, skipTextToHtml: true, skipImageLinks: true });
  const category = mail.headers.get(CATEGORY_HEADER.toLowerCase());
  return {
    id,
    to: addresses(mail.to),
    subject: mail.subject ?? '',
    date: mail.date ? mail.date.toISOString() : null,
    category: typeof category === 'string' ? category : null,
    text: mail.text ?? '',
  };
}
