export { findDealerByPublicId } from './repo.ts';
export { dealers } from './tables.ts';
