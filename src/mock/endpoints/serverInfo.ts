// `GET /api/`: server information. Staff see system fields that anonymous and non-staff callers
// get as null (transcripts 001 and 002).
import { jsonResponse } from '../apiTypes';
import type { Route } from '../router';

const STAFF_ONLY_FIELDS = ['system_health', 'database', 'platform', 'django_admin'];

export const serverInfoRoutes: Route[] = [
  {
    pattern: '/api/',
    permission: 'any',
    methods: {
      GET: (req, sim) => {
        const info: Record<string, unknown> = { ...sim.store.serverInfo };
        if (!req.user?.is_staff) for (const key of STAFF_ONLY_FIELDS) info[key] = null;
        return jsonResponse(200, info);
      },
    },
  },
];
