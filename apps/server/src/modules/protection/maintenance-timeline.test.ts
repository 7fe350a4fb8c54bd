import { describe, expect, it } from 'vitest';
import { maintenanceTimeline, type ServiceRecord } from './maintenance-timeline.ts';

const oil = [{ service: 'oil_change', everyMiles: 7_500, everyMonths: 12 } as const];
const start = { date: '2025-01-15', miles: 10 };
const rec = (date: string, miles: number, id = date): ServiceRecord => ({
  id,
  service: 'oil_change',
  date,
  miles,
  source: 'work_order',
});

describe('maintenanceTimeline', () => {
  it('done on time, then the next due point by miles', () => {
    const t = maintenanceTimeline({
      schedule: oil,
      records: [rec('2025-08-01', 7_200)],
      start,
      asOf: '2025-12-01',
      odometer: 12_000,
    });
    expect(t.map((e) => [e.status, e.date, e.miles])).toEqual([
      ['done', '2025-08-01', 7_200],
      ['upcoming', '2026-08-01', 14_700],
    ]);
    expect(t[0]?.source).toBe('work_order');
  });

  it('a record long after its due point leaves a missed interval', () => {
    // Due at 7,510 mi / 2026-01-15; done at 16,000 mi: the 7,510 interval was missed
    // (next point 15,010 is within the 1,000-mile grace of 16,000).
    const t = maintenanceTimeline({
      schedule: oil,
      records: [rec('2026-03-01', 16_000)],
      start,
      asOf: '2026-04-01',
      odometer: 17_000,
    });
    expect(t.map((e) => [e.status, e.miles])).toEqual([
      ['missed', 7_510],
      ['done', 16_000],
      ['upcoming', 23_500],
    ]);
  });

  it('a record done late, before the next interval came round, is done, not missed', () => {
    const t = maintenanceTimeline({
      schedule: oil,
      records: [rec('2026-04-01', 9_000)],
      start,
      asOf: '2026-05-01',
      odometer: 9_500,
    });
    expect(t.map((e) => [e.status, e.miles])).toEqual([
      ['done', 9_000],
      ['upcoming', 16_500],
    ]);
  });

  it('overdue once reached by miles or date; due soon within 1,000 miles or a month', () => {
    const overdue = maintenanceTimeline({
      schedule: oil,
      records: [],
      start,
      asOf: '2025-06-01',
      odometer: 7_600,
    });
    expect(overdue.map((e) => [e.status, e.miles])).toEqual([['overdue', 7_510]]);
    const byDate = maintenanceTimeline({
      schedule: oil,
      records: [],
      start,
      asOf: '2026-01-15',
      odometer: 3_000,
    });
    expect(byDate[0]?.status).toBe('overdue');
    const soon = maintenanceTimeline({
      schedule: oil,
      records: [],
      start,
      asOf: '2025-06-01',
      odometer: 6_600,
    });
    expect(soon[0]?.status).toBe('due_soon');
    const later = maintenanceTimeline({
      schedule: oil,
      records: [],
      start,
      asOf: '2025-06-01',
      odometer: 6_400,
    });
    expect(later[0]?.status).toBe('upcoming');
  });

  it('never serviced: earlier intervals missed, the latest overdue', () => {
    const t = maintenanceTimeline({
      schedule: oil,
      records: [],
      start,
      asOf: '2026-06-01',
      odometer: 16_000,
    });
    expect(t.map((e) => [e.status, e.miles])).toEqual([
      ['missed', 7_510],
      ['overdue', 15_010],
    ]);
  });
});
