// Service and protection: products sold with a contract, coverage, cancellation with a pro-rata
// refund, dealers' work orders and scheduled maintenance.
export { closeOfBusinessCoverageNotices, sendCoverageNotices } from './coverage-notices.ts';
export { DEALER_STAFF, dealerWorkOrderRoutes } from './dealer-routes.ts';
export { protectionRoutes } from './routes.ts';
export { seedProtection } from './seed.ts';
export { maintenanceRecords, protectionProducts, workOrderLines, workOrders } from './tables.ts';
