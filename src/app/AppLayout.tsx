/**
 * The frame around every page. Phone: header + bottom navigation, the page full width (the camera
 * fills it). Tablet: a narrow icon rail with labels (large touch targets) so the page has room for
 * camera and list side by side. Desktop: a full sidebar. Only one navigation exists at a time, so
 * keyboard and screen-reader users meet exactly one.
 */
import {
  ActionIcon,
  Alert,
  Anchor,
  AppShell,
  Box,
  Drawer,
  Group,
  Loader,
  NavLink,
  Stack,
  Text,
  UnstyledButton,
} from '@mantine/core';
import { useDisclosure, useMediaQuery } from '@mantine/hooks';
import { IconDots, IconKeyboard } from '@tabler/icons-react';
import { useTranslation } from 'react-i18next';
import { NavLink as RouterNavLink, Outlet, useLocation } from 'react-router';
import { pageName, shortPageName } from '../api/workflowNames.ts';
import { useConnection } from '../connection/useConnection.ts';
import { ReauthPrompt } from '../connection/ReauthPrompt.tsx';
import { FeedbackFlash } from '../scanner/FeedbackFlash.tsx';
import { LiveAnnouncer } from '../ui/LiveAnnouncer.tsx';
import { ColorSchemeToggle } from './ColorSchemeToggle.tsx';
import { ConnectionIndicator } from './ConnectionIndicator.tsx';
import { useDemoBackend } from './demoBackend.ts';
import { KioskIdleReturn, KioskIndicator, ResultBanner } from './kiosk/KioskMode.tsx';
import { PAGES, type AppPage } from './routes.tsx';
import { ShortcutHelp } from './ShortcutHelp.tsx';
import { useShortcuts } from './useShortcuts.ts';
import classes from './AppLayout.module.css';

const PHONE_QUERY = '(max-width: 47.99em)';
const DESKTOP_QUERY = '(min-width: 75em)';

function isActive(pathname: string, page: AppPage): boolean {
  return pathname === page.path || pathname.startsWith(`${page.path}/`);
}

function useMatches(query: string): boolean {
  return useMediaQuery(query, window.matchMedia(query).matches, { getInitialValueInEffect: false }) ?? false;
}

export function AppLayout() {
  const { t } = useTranslation('app');
  const isPhone = useMatches(PHONE_QUERY);
  const isDesktop = useMatches(DESKTOP_QUERY);
  const { pathname } = useLocation();
  const [helpOpen, help] = useDisclosure(false);
  useShortcuts({ onHelp: help.open });

  return (
    <AppShell
      header={{ height: 52 }}
      navbar={{ width: isDesktop ? 264 : 96, breakpoint: 'sm', collapsed: { mobile: true } }}
      footer={{ height: 64, collapsed: !isPhone }}
      padding={isPhone ? 'xs' : 'md'}
    >
      <SkipLink />
      <LiveAnnouncer />
      <ShortcutHelp opened={helpOpen} onClose={help.close} />
      <KioskIdleReturn />
      <ResultBanner phone={isPhone} />
      <AppShell.Header>
        <Group h="100%" px="sm" justify="space-between" wrap="nowrap">
          <Group gap={8} wrap="nowrap">
            <img src="/icon.svg" alt={isPhone ? 'StockScan' : ''} width={28} height={28} />
            {/* A phone needs the width for what the connection is ("signed in as reader"). */}
            {!isPhone && (
              <Text fw={700} size="lg">
                StockScan
              </Text>
            )}
          </Group>
          <Group gap="xs" wrap="nowrap">
            <KioskIndicator compact={isPhone} />
            <ConnectionIndicator compact={isPhone} />
            {isDesktop && (
              <ActionIcon
                variant="default"
                size="lg"
                onClick={help.open}
                aria-label={t('shell.shortcuts')}
                title={t('shell.shortcuts')}
              >
                <IconKeyboard size={18} aria-hidden />
              </ActionIcon>
            )}
            <ColorSchemeToggle />
          </Group>
        </Group>
      </AppShell.Header>

      {!isPhone && (
        <AppShell.Navbar p={isDesktop ? 'sm' : 4} aria-label={t('shell.mainNav')}>
          <Stack gap={4}>
            {PAGES.map((page) =>
              isDesktop ? (
                <NavLink
                  key={page.path}
                  component={RouterNavLink}
                  to={page.path}
                  label={pageName(page.id)}
                  leftSection={<page.icon size={20} aria-hidden />}
                  active={isActive(pathname, page)}
                />
              ) : (
                <RailLink key={page.path} page={page} active={isActive(pathname, page)} />
              ),
            )}
          </Stack>
        </AppShell.Navbar>
      )}

      <AppShell.Main id={MAIN_ID} tabIndex={-1} className={classes.main}>
        <FeedbackFlash />
        <DemoProblem />
        <ReauthPrompt />
        <Outlet />
      </AppShell.Main>

      {isPhone && (
        <AppShell.Footer>
          <BottomBar pathname={pathname} />
        </AppShell.Footer>
      )}
    </AppShell>
  );
}

const MAIN_ID = 'main-content';

/**
 * First stop for the Tab key: jumps past the header and the navigation. Focus is moved by hand
 * (not a #fragment), so the router's URL stays clean.
 */
function SkipLink() {
  const { t } = useTranslation('app');
  return (
    <a
      href={`#${MAIN_ID}`}
      className={classes.skipLink}
      onClick={(e) => {
        e.preventDefault();
        const main = document.getElementById(MAIN_ID);
        main?.focus();
        main?.scrollIntoView({ block: 'start' });
      }}
    >
      {t('shell.skipToMain')}
    </a>
  );
}

/**
 * The phone's thumb-reachable navigation: four pages and "More", which opens the rest as a bottom
 * sheet of large links (a dropdown menu at the screen's edge is small and awkward for a thumb).
 */
function BottomBar({ pathname }: { pathname: string }) {
  const { t } = useTranslation(['app', 'common']);
  const barPages = PAGES.filter((p) => p.phoneBar).slice(0, 4);
  const morePages = PAGES.filter((p) => !barPages.includes(p));
  const [open, sheet] = useDisclosure(false);
  const moreActive = morePages.some((p) => isActive(pathname, p));
  return (
    <Group
      component="nav"
      aria-label={t('shell.mainNav')}
      h="100%"
      gap={0}
      grow
      wrap="nowrap"
      className={classes.bottomBar}
    >
      {barPages.map((page) => (
        <RailLink key={page.path} page={page} active={isActive(pathname, page)} />
      ))}
      {morePages.length > 0 && (
        <>
          <UnstyledButton
            className={classes.railLink}
            aria-label={t('shell.morePages')}
            aria-haspopup="dialog"
            aria-expanded={open}
            data-active={moreActive || undefined}
            onClick={sheet.open}
          >
            <IconDots size={24} aria-hidden />
            <span className={classes.railLabel}>{t('shell.more')}</span>
          </UnstyledButton>
          <Drawer
            opened={open}
            onClose={sheet.close}
            position="bottom"
            size="auto"
            title={t('shell.morePages')}
            radius="md"
            closeButtonProps={{ 'aria-label': t('common:close') }}
          >
            <Stack gap={4} pb="md">
              {morePages.map((page) => (
                <NavLink
                  key={page.path}
                  component={RouterNavLink}
                  to={page.path}
                  label={pageName(page.id)}
                  leftSection={<page.icon size={22} aria-hidden />}
                  active={isActive(pathname, page)}
                  onClick={sheet.close}
                  className={classes.sheetLink}
                />
              ))}
            </Stack>
          </Drawer>
        </>
      )}
    </Group>
  );
}

/**
 * Icon over label: the phone's bottom bar and the tablet's rail. The label is the name cut to its
 * first words where the slot is narrow; the accessible name is the whole name, as everywhere else.
 */
function RailLink({ page, active }: { page: AppPage; active: boolean }) {
  const short = shortPageName(page.id);
  const name = pageName(page.id);
  return (
    <UnstyledButton
      component={RouterNavLink}
      to={page.path}
      className={classes.railLink}
      data-active={active || undefined}
      aria-label={short === name ? undefined : name}
      title={short === name ? undefined : name}
    >
      <page.icon size={24} aria-hidden />
      <span className={classes.railLabel}>{short}</span>
    </UnstyledButton>
  );
}

/** Demo mode chosen but its simulation could not start: say why, point at the alternative. */
function DemoProblem() {
  const { t } = useTranslation('app');
  const demo = useDemoBackend();
  const { mode } = useConnection();
  const problem = mode === 'demo' && !demo.isRunning() ? demo.problem() : null;
  if (!problem) return null;
  return (
    <Alert color="red" variant="light" title={t('shell.demoNotRunning')} mb="sm" role="alert">
      {problem}{' '}
      <Anchor component={RouterNavLink} to="/settings">
        {t('shell.useServerInstead')}
      </Anchor>
    </Alert>
  );
}

export function RouteLoading() {
  const { t } = useTranslation('app');
  return (
    <Box p="xl" ta="center">
      <Loader aria-label={t('shell.loading')} />
    </Box>
  );
}
