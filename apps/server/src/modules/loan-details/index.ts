export { loanDetailRoutes } from './routes.ts';
export { lienReleases } from './tables.ts';
export { TITLE_RULES, titleRuleOf } from './title-rules.ts';
