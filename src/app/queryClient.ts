import { QueryClient } from '@tanstack/react-query';
import { shouldRetry } from '../api/queries.ts';

/** One client for the app; the retry policy is the API layer's (never repeat a deliberate 4xx). */
export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: { retry: shouldRetry, refetchOnWindowFocus: false, staleTime: 30_000 },
      mutations: { retry: false },
    },
  });
}
