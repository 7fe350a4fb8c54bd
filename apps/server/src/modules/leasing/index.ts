// The lease centre: Reg M numbers, mileage, end-of-term options, inspection, purchase quote.
export { type LeaseContract, requireOwnedLease } from './lease-terms.ts';
export { recordServiceReading } from './record-service-reading.ts';
export { leasingRoutes } from './routes.ts';
export { seedLeaseCentre } from './seed-lease.ts';
export { leaseEndTerms, leaseInspections, odometerReadings } from './tables.ts';
