// Public surface of the calculators module: pure estimates for visitors, rate-limited per IP.
export { calculatorRoutes } from './routes.ts';
