/** Runs the server check's reads (all GET) for the current connection and evaluates them. */
import { useQuery } from '@tanstack/react-query';
import { ApiError } from '../../api/apiError.ts';
import { useRoles, useServerInfo } from '../../api/queries.ts';
import { evaluateServerCheck, summarize, type CheckSection, type CheckStatus } from '../../api/serverCheck.ts';
import { getBarcodePlugins, getStoreResults } from '../../api/serverCheckRequests.ts';
import { useConnection } from '../../connection/useConnection.ts';

export interface ServerCheck {
  sections: CheckSection[];
  counts: Record<CheckStatus, number>;
  checking: boolean;
  signedIn: boolean;
  recheck: () => void;
}

export function useServerCheck(): ServerCheck {
  const { connection, connectionKey, status } = useConnection();
  const signedIn = status === 'signed-in' && !!connection.token;
  const info = useServerInfo();
  const roles = useRoles();
  // A 403/404 here means "this user may not see it": shown as unknown, not retried.
  const plugins = useQuery({
    queryKey: [connectionKey, 'server-check', 'plugins'],
    queryFn: ({ signal }) => getBarcodePlugins(connection, signal),
    enabled: signedIn,
    retry: false,
  });
  const storeResults = useQuery({
    queryKey: [connectionKey, 'server-check', 'BARCODE_STORE_RESULTS'],
    queryFn: ({ signal }) => getStoreResults(connection, signal),
    enabled: signedIn,
    retry: false,
  });
  const infoError = info.error instanceof ApiError ? info.error : null;
  const sections = evaluateServerCheck({
    apiVersion: info.data?.apiVersion ?? null,
    serverVersion: info.data?.version ?? null,
    infoFailure: infoError ? infoError.kind : info.error ? 'network' : null,
    infoFailureMessage: info.error ? (info.error as Error).message : null,
    signedIn,
    roles: signedIn ? (roles.data ?? null) : null,
    plugins: signedIn ? (plugins.data ?? null) : null,
    storeResults: signedIn ? (storeResults.data ?? null) : null,
  });
  return {
    sections,
    counts: summarize(sections),
    checking: info.isFetching || roles.isFetching || plugins.isFetching || storeResults.isFetching,
    signedIn,
    recheck: () => {
      void info.refetch();
      if (signedIn) {
        void roles.refetch();
        void plugins.refetch();
        void storeResults.refetch();
      }
    },
  };
}
