import { Writable } from 'node:stream';
import pino from 'pino';
import { describe, expect, it } from 'vitest';
import { loggerOptions, serializeError } from './logger.ts';

function capture() {
  const lines: string[] = [];
  const stream = new Writable({
    write(chunk, _enc, done) {
      lines.push(String(chunk));
      done();
    },
  });
  return { logger: pino(loggerOptions('info'), stream), lines };
}

describe('logger', () => {
  it('ASVS 16.2.5: redacts secrets and PII fields at any depth', () => {
    const { logger, lines } = capture();
    logger.info(
      { password: 'hunter2hunter2', body: { ssn: '219099999', nested: { accountNumber: '12345678' } } },
      'x',
    );
    const text = lines.join('');
    expect(text).not.toContain('hunter2hunter2');
    expect(text).not.toContain('219099999');
    expect(text).not.toContain('12345678');
    expect(text).toContain('[redacted]');
  });

  it('ASVS 16.4.1: escapes control characters so a value cannot forge a log line', () => {
    const { logger, lines } = capture();
    logger.info({ note: 'ok\n{"level":50,"msg":"forged"}' }, 'x');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('\\\\u000a');
  });

  it('drops the parameters of a failed database statement from error logs', () => {
    const error = Object.assign(
      new Error('Failed query: insert into customers values ($1)\nparams: 219099999'),
      {
        query: 'insert into customers values ($1)',
        params: ['219099999'],
      },
    );
    expect(JSON.stringify(serializeError(error))).not.toContain('219099999');
  });
});
