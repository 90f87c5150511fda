/** The connection types live in api/ (the API functions take them); re-exported for connection/ and above. */
export type { Connection, ConnectionMode } from '../api/apiConnection.ts';
