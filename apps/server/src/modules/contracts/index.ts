export { type ContractRow, findContractOfCustomer, requireOwnedContract } from './repo.ts';
export { accountRoutes } from './routes.ts';
export { contracts, vehicles } from './tables.ts';
