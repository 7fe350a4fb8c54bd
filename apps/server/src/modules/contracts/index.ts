export { accountRoutes } from './routes.ts';
export { contracts, vehicles } from './tables.ts';
