export { findDealerByPublicId, listDealers } from './repo.ts';
export { dealers } from './tables.ts';
