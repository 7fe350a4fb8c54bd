export { ApiError, apiFetch, isApiError, isUnauthenticated } from './client.ts';
export {
  clearPersonalData,
  createQueryClient,
  type LogoutOutcome,
  queryKeys,
  useAccount,
  useAccounts,
  useBrand,
  useLogin,
  useLogout,
  useMe,
} from './queries.ts';
