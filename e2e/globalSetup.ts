import { makeVideos } from './fixtures/makeVideos.mjs';

/** Camera videos are generated, not committed (they are ~0.5 MB each). */
export default async function globalSetup(): Promise<void> {
  await makeVideos();
}
