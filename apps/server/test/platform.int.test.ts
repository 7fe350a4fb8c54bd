import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, type TestApp, testApp } from './support/app.ts';

let t: TestApp;
beforeAll(async () => {
  t = await testApp();
});
afterAll(async () => t?.close());

describe('health and readiness', () => {
  it('GET /api/v1/health answers while the process lives', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
  });

  it('GET /api/v1/ready checks the database and that every migration is applied', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/ready' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({
      status: 'ready',
      checks: { database: true, migrations: true },
      businessDate: '2026-11-24',
    });
  });
});

describe('errors are problem+json', () => {
  it('an unknown API route is a 404 problem', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/nope?ssn=123' });
    expect(response.statusCode).toBe(404);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json()).toMatchObject({ status: 404, code: 'route_not_found', title: 'Not Found' });
    expect(response.body).not.toContain('ssn=123');
  });
});

describe('ASVS 3.4.1/3.4.3/3.4.6 security headers', () => {
  it('sends a CSP without unsafe-inline scripts, no framing, nosniff and a referrer policy', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    const csp = String(response.headers['content-security-policy']);
    const scriptSrc = csp.split(';').find((d) => d.trim().startsWith('script-src'));
    expect(scriptSrc).toBe("script-src 'self'");
    expect(csp).toContain("frame-ancestors 'none'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('strict-origin-when-cross-origin');
    expect(response.headers['x-frame-options']).toBe('DENY');
    // Plain HTTP in development: no HSTS (it is sent when the public origin is https).
    expect(response.headers['strict-transport-security']).toBeUndefined();
  });

  it('puts a request id on every response, and keeps a sane incoming one', async () => {
    const own = await t.app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { 'x-request-id': 'lb-12345678' },
    });
    expect(own.headers['x-request-id']).toBe('lb-12345678');
    const bad = await t.app.inject({
      method: 'GET',
      url: '/api/v1/health',
      headers: { 'x-request-id': 'x\ny' },
    });
    expect(bad.headers['x-request-id']).toMatch(/^[0-9a-f-]{36}$/);
  });
});

describe('ASVS 3.5.1/3.5.3 cross-site state changes', () => {
  const payload = { email: 'maya.thompson@example.com', password: DEMO_PASSWORD };
  it('refuses a POST a browser marks as cross-site', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload,
      headers: { 'sec-fetch-site': 'cross-site', origin: 'https://evil.example' },
    });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('cross_site_request');
  });

  it('refuses a POST from another origin', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload,
      headers: { origin: 'https://evil.example', host: 'localhost:3000' },
    });
    expect(response.statusCode).toBe(403);
  });

  it('accepts a same-origin POST', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/v1/auth/login',
      payload,
      headers: { origin: 'http://localhost:3000', host: 'localhost:3000', 'sec-fetch-site': 'same-origin' },
    });
    expect(response.statusCode).toBe(200);
  });
});

describe('OpenAPI and metrics', () => {
  it('documents every API route with its schemas at /api/openapi.json (OpenAPI 3.1)', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/openapi.json' });
    expect(response.statusCode).toBe(200);
    const doc = response.json();
    expect(doc.openapi).toBe('3.1.0');
    const documented = Object.entries(doc.paths as Record<string, Record<string, unknown>>).flatMap(
      ([path, ops]) => Object.keys(ops).map((method) => `${method.toUpperCase()} ${path}`),
    );
    const routes = t.app
      .printRoutes({ commonPrefix: false })
      .split('\n')
      .filter((line) => line.includes('/api/v1/'));
    expect(routes.length).toBeGreaterThan(0);
    for (const expected of [
      'POST /api/v1/auth/login',
      'POST /api/v1/auth/logout',
      'GET /api/v1/me',
      'GET /api/v1/accounts',
      'GET /api/v1/accounts/{accountId}',
      'GET /api/v1/health',
      'GET /api/v1/ready',
      'GET /api/v1/brand',
    ]) {
      expect(documented).toContain(expected);
    }
    const login = doc.paths['/api/v1/auth/login'].post;
    expect(login.requestBody.content['application/json'].schema).toBeDefined();
    expect(login.responses['200']).toBeDefined();
    expect(login.responses['401']).toBeDefined();
  });

  it('serves the API docs at /api/docs', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain('swagger');
  });

  it('exposes Prometheus metrics at /metrics', async () => {
    await t.app.inject({ method: 'GET', url: '/api/v1/health' });
    const response = await t.app.inject({ method: 'GET', url: '/metrics' });
    expect(response.statusCode).toBe(200);
    expect(response.body).toContain(
      'marque_http_request_duration_seconds_count{method="GET",route="/api/v1/health",status="200"}',
    );
  });
});

describe('brand', () => {
  it('serves the white-label brand and logo', async () => {
    const brand = await t.app.inject({ method: 'GET', url: '/api/v1/brand' });
    expect(brand.json()).toMatchObject({ name: 'Solenne Motor Finance', logoUrl: '/api/v1/brand/logo.svg' });
    const logo = await t.app.inject({ method: 'GET', url: '/api/v1/brand/logo.svg' });
    expect(logo.headers['content-type']).toContain('image/svg+xml');
  });
});
