/**
 * Which device sizes a test runs at. The workflows and layouts are tested at phone, tablet and
 * desktop size; behaviour that does not depend on the layout (error wording, camera life cycle,
 * refusals) runs once, at the size where it is most used, to keep the suite fast on two cores.
 *
 * Both are filters Playwright applies before a test starts (a skip inside the test would still
 * open a browser context and run its hooks first):
 * - a whole spec: SPEC_SIZES below;
 * - one test: a tag, `test('…', at('phone'), async ({ page }) => …)`.
 */
export type Size = 'phone' | 'tablet' | 'desktop';

export const SIZES: readonly Size[] = ['phone', 'tablet', 'desktop'];

/** Specs that run at some sizes only, and why. */
export const SPEC_SIZES: Record<string, { sizes: Size[]; why: string }> = {
  'csp.spec.ts': { sizes: ['desktop'], why: 'the policy does not depend on the screen size' },
  'failures.spec.ts': { sizes: ['desktop'], why: 'error messages do not depend on the screen size' },
  'health.spec.ts': { sizes: ['desktop'], why: 'the page is a support tool' },
  'history.spec.ts': { sizes: ['tablet', 'desktop'], why: 'history is for desktop and tablet' },
  'hostileInput.spec.ts': { sizes: ['desktop'], why: 'what is rendered does not depend on the screen size' },
  'offlineQueue.spec.ts': { sizes: ['desktop'], why: 'queue behaviour does not depend on the screen size' },
  'offlineWorkflows.spec.ts': { sizes: ['desktop'], why: 'queue behaviour does not depend on the screen size' },
  'pwa.spec.ts': { sizes: ['desktop'], why: 'installability does not depend on the screen size' },
  'stockExactlyOnce.spec.ts': { sizes: ['desktop'], why: 'exactly-once does not depend on the screen size' },
  'touchTargets.spec.ts': { sizes: ['phone'], why: 'touch target sizes are a phone matter' },
  'shortcuts.spec.ts': { sizes: ['desktop'], why: 'keyboard shortcuts are a desktop feature' },
  'v425.spec.ts': {
    sizes: ['desktop'],
    why: 'what differs between InvenTree versions does not depend on the screen size',
  },
};

/** Tags a test that runs at these sizes only. */
export function at(...sizes: Size[]): { tag: string[] } {
  return { tag: sizes.map((s) => `@${s}`) };
}

/** What the project for `size` leaves out: specs for other sizes, tests tagged for other sizes only. */
export function projectFilter(size: Size): { testIgnore: string[]; grepInvert: RegExp } {
  return {
    testIgnore: Object.entries(SPEC_SIZES)
      .filter(([, spec]) => !spec.sizes.includes(size))
      .map(([file]) => `**/${file}`),
    // A title with a size tag, none of them this size's.
    grepInvert: new RegExp(`^(?!.*@${size}\\b).*@(${SIZES.join('|')})\\b`),
  };
}
