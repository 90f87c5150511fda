/**
 * Providers (theme, queries, connection, demo backend) and the router. Pages are lazy routes, so
 * each workflow's code loads when it is first opened.
 */
import '@mantine/core/styles.css';
import '@mantine/notifications/styles.css';
import './touch.css';
import { MantineProvider } from '@mantine/core';
import { Notifications } from '@mantine/notifications';
import { QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { createBrowserRouter, Navigate, RouterProvider } from 'react-router';
import { ConnectionProvider } from '../connection/ConnectionProvider.tsx';
import { OfflineQueueProvider } from '../offline/OfflineQueueProvider.tsx';
import { AppLayout, RouteLoading } from './AppLayout.tsx';
import { DemoBackendContext, type DemoBackend } from './demoBackend.ts';
import { NotFoundPage, RouteErrorPage } from './RouteErrorPage.tsx';
import { createQueryClient } from './queryClient.ts';
import { PagePathsContext } from './pagePaths.ts';
import { PAGES, START_PATH } from './routes.tsx';
import { ServerLanguageSync } from './settings/ServerLanguageSync.tsx';
import { colorSchemeManager, cssVariablesResolver, theme } from './theme.ts';

const PAGE_PATHS = PAGES.map((page) => page.path);

function createRouter() {
  return createBrowserRouter([
    {
      element: <AppLayout />,
      errorElement: <RouteErrorPage />,
      children: [
        { index: true, element: <Navigate to={START_PATH} replace /> },
        ...PAGES.map((page) => {
          // React.lazy (not the router's `lazy`) so the shell shows at once and only the page waits.
          const Page = lazy(() => page.load().then((Component) => ({ default: Component })));
          return {
            path: page.path,
            errorElement: <RouteErrorPage />,
            element: (
              <Suspense fallback={<RouteLoading />}>
                <Page />
              </Suspense>
            ),
          };
        }),
        { path: '*', element: <NotFoundPage /> },
      ],
    },
  ]);
}

export function App({ demo }: { demo: DemoBackend }) {
  const [queryClient] = useState(createQueryClient);
  const [router] = useState(createRouter);
  return (
    <MantineProvider
      theme={theme}
      defaultColorScheme="auto"
      colorSchemeManager={colorSchemeManager}
      cssVariablesResolver={cssVariablesResolver}
    >
      <Notifications position="top-center" />
      <QueryClientProvider client={queryClient}>
        <DemoBackendContext.Provider value={demo}>
          <ConnectionProvider>
            <ServerLanguageSync />
            <OfflineQueueProvider>
              <PagePathsContext.Provider value={PAGE_PATHS}>
                <RouterProvider router={router} />
              </PagePathsContext.Provider>
            </OfflineQueueProvider>
          </ConnectionProvider>
        </DemoBackendContext.Provider>
      </QueryClientProvider>
    </MantineProvider>
  );
}
