/**
 * The app's page paths for code inside the pages (the kiosk's home check): App provides them from
 * routes.tsx, so nothing a route loads imports routes.tsx back (that made an import cycle).
 */
import { createContext, useContext } from 'react';

/** null outside the app (unit tests): then any same-origin path counts as a page. */
export const PagePathsContext = createContext<readonly string[] | null>(null);

export function usePagePaths(): readonly string[] | null {
  return useContext(PagePathsContext);
}
