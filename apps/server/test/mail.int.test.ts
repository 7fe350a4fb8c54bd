import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { OUTBOX_MESSAGE_ID } from '@marque/contracts';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CATEGORY_HEADER, createMailer } from '../src/platform/mail.ts';
import type { MailMessage } from '../src/platform/ports.ts';

interface Received {
  from: string;
  to: string[];
  user: string | undefined;
  raw: Buffer;
}

const message: MailMessage = {
  to: 'maya.thompson@example.com',
  subject: 'Your sign-in code',
  text: 'Use 481 516 to finish signing in. It expires in 10 minutes.',
  html: '<p>Use <b>481 516</b> to finish signing in.</p>',
  category: 'email_verification',
};

describe('mail over SMTP (a real SMTP server in the test)', () => {
  const received: Received[] = [];
  let server: SMTPServer;
  let port: number;

  beforeAll(async () => {
    server = new SMTPServer({
      disabledCommands: ['STARTTLS'],
      allowInsecureAuth: true,
      authOptional: false,
      logger: false,
      onAuth(auth, _session, callback) {
        if (auth.username === 'mailer' && auth.password === 's3cret/+pw')
          callback(null, { user: auth.username });
        else callback(new Error('Invalid username or password'));
      },
      onRcptTo(address, _session, callback) {
        if (address.address.endsWith('@blocked.example')) {
          callback(Object.assign(new Error('No such mailbox'), { responseCode: 550 }));
        } else callback();
      },
      onData(stream, session, callback) {
        const chunks: Buffer[] = [];
        stream.on('data', (chunk: Buffer) => chunks.push(chunk));
        stream.on('end', () => {
          received.push({
            from: session.envelope.mailFrom ? session.envelope.mailFrom.address : '',
            to: session.envelope.rcptTo.map((r) => r.address),
            user: typeof session.user === 'string' ? session.user : undefined,
            raw: Buffer.concat(chunks),
          });
          callback();
        });
      },
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    port = (server.server.address() as AddressInfo).port;
  });
  afterAll(async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });

  const smtpUrl = () => `smtp://mailer:${encodeURIComponent('s3cret/+pw')}@127.0.0.1:${port}`;

  it('delivers the message with subject, recipient, body and category, signed in with the URL credentials', async () => {
    const mailer = createMailer({
      smtpUrl: smtpUrl(),
      mailFrom: 'Solenne Motor Finance <no-reply@solenne.example>',
      dataDir: '/nonexistent',
    });
    expect(mailer.mode).toBe('smtp');
    expect(mailer.outboxDir).toBeNull();
    await mailer.send(message);
    expect(received).toHaveLength(1);
    const [got] = received;
    expect(got?.user).toBe('mailer');
    expect(got?.from).toBe('no-reply@solenne.example');
    expect(got?.to).toEqual(['maya.thompson@example.com']);
    const parsed = await simpleParser(got?.raw ?? Buffer.alloc(0));
    expect(parsed.subject).toBe('Your sign-in code');
    expect(parsed.text?.trim()).toBe(message.text);
    expect(parsed.html).toContain('<b>481 516</b>');
    expect(parsed.headers.get(CATEGORY_HEADER.toLowerCase())).toBe('email_verification');
    expect(parsed.from?.value[0]).toMatchObject({
      name: 'Solenne Motor Finance',
      address: 'no-reply@solenne.example',
    });
  });

  it('rejects when the server refuses the recipient or the credentials, so the caller knows', async () => {
    const mailer = createMailer({ smtpUrl: smtpUrl(), mailFrom: 'no-reply@solenne.example', dataDir: '/x' });
    await expect(mailer.send({ ...message, to: 'ghost@blocked.example' })).rejects.toThrow();
    const wrong = createMailer({
      smtpUrl: `smtp://mailer:wrong@127.0.0.1:${port}`,
      mailFrom: 'no-reply@solenne.example',
      dataDir: '/x',
    });
    await expect(wrong.send(message)).rejects.toThrow();
    expect(received).toHaveLength(1);
  });
});

describe('mail as .eml files (no SMTP_URL)', () => {
  let dataDir: string;
  beforeAll(() => {
    dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'marque-mail-test-'));
  });
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const mailer = () =>
    createMailer({ smtpUrl: undefined, mailFrom: 'Marque <no-reply@marque.test>', dataDir });
  const emlFiles = () =>
    fs
      .readdirSync(path.join(dataDir, 'mail'))
      .filter((n) => n.endsWith('.eml'))
      .sort();

  it('writes one parseable RFC 5322 file per message into DATA_DIR/mail, readable by the owner only', async () => {
    const m = mailer();
    expect(m.mode).toBe('files');
    expect(m.outboxDir).toBe(path.join(dataDir, 'mail'));
    await m.send(message);
    const files = emlFiles();
    expect(files).toHaveLength(1);
    const [name] = files;
    expect(name).toMatch(OUTBOX_MESSAGE_ID);
    const file = path.join(dataDir, 'mail', name ?? '');
    expect(fs.statSync(file).mode & 0o077).toBe(0);
    const raw = fs.readFileSync(file);
    expect(raw.toString('latin1')).toContain('\r\n');
    const parsed = await simpleParser(raw);
    expect(parsed.subject).toBe('Your sign-in code');
    expect(parsed.to && !Array.isArray(parsed.to) ? parsed.to.text : '').toBe('maya.thompson@example.com');
    expect(parsed.text?.trim()).toBe(message.text);
    expect(parsed.date).toBeInstanceOf(Date);
    expect(parsed.messageId).toMatch(/^<.+@.+>$/);
    expect(parsed.headers.get('x-marque-category')).toBe('email_verification');
  });

  it('names files so they sort in send order, and leaves no temporary files behind', async () => {
    const m = mailer();
    for (let n = 0; n < 5; n++) await m.send({ ...message, subject: `Message ${n}` });
    const files = emlFiles().slice(-5);
    const subjects = [];
    for (const f of files)
      subjects.push((await simpleParser(fs.readFileSync(path.join(dataDir, 'mail', f)))).subject);
    expect(subjects).toEqual(['Message 0', 'Message 1', 'Message 2', 'Message 3', 'Message 4']);
    expect(fs.readdirSync(path.join(dataDir, 'mail')).filter((n) => n.endsWith('.tmp'))).toEqual([]);
  });

  it('keeps non-ASCII subjects, and a line break in a subject cannot add a header', async () => {
    const m = mailer();
    await m.send({ ...message, subject: 'Señal — café ✓\r\nBcc: attacker@evil.example' });
    const last = emlFiles().at(-1) ?? '';
    const parsed = await simpleParser(fs.readFileSync(path.join(dataDir, 'mail', last)));
    expect(parsed.subject).toBe('Señal — café ✓ Bcc: attacker@evil.example');
    expect(parsed.bcc).toBeUndefined();
    expect(parsed.headers.has('bcc')).toBe(false);
  });

  it('refuses a recipient list, a header injection in `to`, or a malformed category', async () => {
    const m = mailer();
    const before = emlFiles().length;
    await expect(m.send({ ...message, to: 'a@example.com, b@example.com' })).rejects.toThrow(/one e-mail/);
    await expect(m.send({ ...message, to: 'a@example.com\r\nBcc: b@example.com' })).rejects.toThrow();
    await expect(m.send({ ...message, category: 'Security Alert' })).rejects.toThrow(/category/);
    expect(emlFiles()).toHaveLength(before);
  });
});
