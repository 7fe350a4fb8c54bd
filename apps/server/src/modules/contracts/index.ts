export { type ContractRow, findContractOfCustomer } from './repo.ts';
export { accountRoutes } from './routes.ts';
export { contracts, vehicles } from './tables.ts';
