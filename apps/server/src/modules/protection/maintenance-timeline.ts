import type { MaintenanceEventStatus, MaintenanceService } from '@marque/contracts';
import { addMonths, compareDates, type IsoDate } from '@marque/finance';
import type { ScheduledService } from './catalogue.ts';

export interface ServiceRecord {
  id: string;
  service: MaintenanceService;
  date: IsoDate;
  miles: number;
  source: 'work_order' | 'customer';
}

export interface TimelineEvent {
  service: MaintenanceService;
  status: MaintenanceEventStatus;
  date: IsoDate;
  miles: number;
  source: 'work_order' | 'customer' | null;
  recordId: string | null;
}

/** A service done this much after its due point (miles or one month) counts as a missed interval. */
export const GRACE_MILES = 1_000;
export const GRACE_MONTHS = 1;
/** "Due soon": within this many miles or days of the due point. */
const SOON_MILES = 1_000;
const SOON_MONTHS = 1;

interface Point {
  date: IsoDate;
  miles: number;
}

const next = (from: Point, item: ScheduledService): Point => ({
  date: addMonths(from.date, item.everyMonths),
  miles: from.miles + item.everyMiles,
});

/** Past the due point by more than the grace, by miles or by date. */
const beyondGrace = (at: Point, due: Point) =>
  at.miles > due.miles + GRACE_MILES || compareDates(at.date, addMonths(due.date, GRACE_MONTHS)) > 0;

/**
 * Recorded services against the schedule: each record is `done`; an interval that went by
 * (and the next one reached) without a record is `missed`; the next due point is `overdue` once reached,
 * `due_soon` when near, otherwise `upcoming`. Intervals restart from the last record, as
 * manufacturers' schedules do. Pure: the business date and odometer are passed in.
 */
export function maintenanceTimeline(input: {
  schedule: readonly ScheduledService[];
  records: readonly ServiceRecord[];
  /** When the schedule starts: in service date and odometer. */
  start: Point;
  asOf: IsoDate;
  odometer: number;
}): TimelineEvent[] {
  const now: Point = { date: input.asOf, miles: input.odometer };
  const events: TimelineEvent[] = [];
  const due = (service: MaintenanceService, status: MaintenanceEventStatus, p: Point): TimelineEvent => ({
    service,
    status,
    date: p.date,
    miles: p.miles,
    source: null,
    recordId: null,
  });
  for (const item of input.schedule) {
    const records = input.records
      .filter((r) => r.service === item.service)
      .sort((a, b) => compareDates(a.date, b.date) || a.miles - b.miles);
    let prev: Point = input.start;
    for (const record of records) {
      let point = next(prev, item);
      // Done late is still done; only whole intervals skipped count as missed.
      while (beyondGrace(record, point) && reached(record, next(point, item))) {
        events.push(due(item.service, 'missed', point));
        point = next(point, item);
      }
      events.push({ ...due(item.service, 'done', record), source: record.source, recordId: record.id });
      prev = record;
    }
    let point = next(prev, item);
    // Whole intervals that went by unrecorded, before the one now outstanding.
    while (beyondGrace(now, point) && reached(now, next(point, item))) {
      events.push(due(item.service, 'missed', point));
      point = next(point, item);
    }
    const soon: Point = { date: addMonths(now.date, SOON_MONTHS), miles: now.miles + SOON_MILES };
    const status = reached(now, point) ? 'overdue' : reached(soon, point) ? 'due_soon' : 'upcoming';
    events.push(due(item.service, status, point));
  }
  return events.sort((a, b) => compareDates(a.date, b.date) || a.miles - b.miles);
}

/** The vehicle at `at` has reached the due point, by miles or by date. */
function reached(at: Point, point: Point): boolean {
  return at.miles >= point.miles || compareDates(at.date, point.date) >= 0;
}
