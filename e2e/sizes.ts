/**
 * Which device sizes a test runs at. The workflows and layouts are tested at phone, tablet and
 * desktop size; behaviour that does not depend on the layout (error wording, camera life cycle,
 * refusals) runs once, at the size where it is most used, to keep the suite fast on two cores.
 */
import { test, type TestInfo } from '@playwright/test';

export type Size = 'phone' | 'tablet' | 'desktop';

/** Call first in a test body: skips the test at the other sizes. */
export function onlyAt(testInfo: TestInfo, ...sizes: Size[]): void {
  test.skip(!sizes.includes(testInfo.project.name as Size), `layout-independent: runs at ${sizes.join(' and ')} only`);
}
