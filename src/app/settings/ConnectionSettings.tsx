/**
 * Connection screen: demo (the bundled simulation) or a real InvenTree server. Server mode checks
 * the address first (GET /api/), then signs in with username + password (token from
 * GET /api/user/token/) or a pasted token, and shows the server's name, API version and the user.
 * Failures are the connection layer's plain-words diagnosis.
 */
import {
  Alert,
  Button,
  Card,
  Group,
  Loader,
  Modal,
  PasswordInput,
  SegmentedControl,
  Select,
  Stack,
  Tabs,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { useDisclosure } from '@mantine/hooks';
import { notifications } from '@mantine/notifications';
import { IconAlertTriangle, IconCheck, IconLogout, IconRefresh } from '@tabler/icons-react';
import { useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { displayName } from '../../api/users.ts';
import type { Diagnosis } from '../../connection/connectDiagnosis.ts';
import { DEMO_USERS, DEMO_USER_NAMES, isDemoUserName } from '../../connection/demoUsers.ts';
import { useConnection } from '../../connection/useConnection.ts';
import { errorMessage } from '../../api/apiError.ts';
import { CredentialFields } from '../../ui/CredentialFields.tsx';
import { useDemoBackend } from '../demoBackend.ts';
import { loadDemoApiVersion } from '../demoApiVersion.ts';
import { NEWEST_TESTED_API_VERSION } from '../../api/apiVersion.ts';
import { DemoApiVersionSelect } from './DemoApiVersionSelect.tsx';

export function ConnectionSettings() {
  const c = useConnection();
  const [choice, setChoice] = useState<'demo' | 'server'>(c.mode);

  return (
    <Card withBorder padding="md" radius="md">
      <Stack gap="md">
        <Title order={2} size="h3">
          Connection
        </Title>
        <SegmentedControl
          value={choice}
          onChange={(v) => setChoice(v === 'server' ? 'server' : 'demo')}
          data={[
            { value: 'demo', label: 'Demo (built in)' },
            { value: 'server', label: 'InvenTree server' },
          ]}
          fullWidth
          aria-label="Where scans go"
        />
        {choice === 'demo' ? <DemoSection /> : <ServerSection />}
      </Stack>
    </Card>
  );
}

function DiagnosisAlert({ diagnosis }: { diagnosis: Diagnosis }) {
  return (
    <Alert
      color="red"
      variant="light"
      title={diagnosis.title}
      icon={<IconAlertTriangle aria-hidden />}
      role="alert"
      data-testid="diagnosis"
    >
      <Text size="sm">{diagnosis.message}</Text>
      <Text size="sm" c="dimmed" mt={4}>
        {diagnosis.nextStep}
      </Text>
    </Alert>
  );
}

/** Server name, API version and signed-in user: what the app is talking to right now. */
function ConnectedSummary() {
  const c = useConnection();
  const info = c.serverInfo;
  return (
    <Stack gap={4} data-testid="connection-summary">
      {info && (
        <>
          <Text>
            <Text span c="dimmed">
              Server:{' '}
            </Text>
            <Text span fw={600} data-testid="server-name">
              {info.instance || info.server}
            </Text>
            {info.version ? ` (InvenTree ${info.version})` : ''}
          </Text>
          <Text>
            <Text span c="dimmed">
              API version:{' '}
            </Text>
            <Text span fw={600} data-testid="api-version">
              {info.apiVersion}
            </Text>
            {info.apiVersion > NEWEST_TESTED_API_VERSION
              ? ` (newer than tested; used as API ${NEWEST_TESTED_API_VERSION})`
              : ''}
          </Text>
        </>
      )}
      {c.status === 'signed-in' && c.user && (
        <Text>
          <Text span c="dimmed">
            Signed in as:{' '}
          </Text>
          <Text span fw={600} data-testid="signed-in-user">
            {c.user.username}
          </Text>
          {displayName(c.user) !== c.user.username ? ` (${displayName(c.user)})` : ''}
        </Text>
      )}
      {c.status === 'connecting' && (
        <Group gap="xs">
          <Loader size="xs" />
          <Text size="sm">Connecting…</Text>
        </Group>
      )}
    </Stack>
  );
}

function DemoSection() {
  const c = useConnection();
  const demo = useDemoBackend();
  const queryClient = useQueryClient();
  const [busy, setBusy] = useState(false);
  const [confirmReset, { open, close }] = useDisclosure(false);
  const inDemo = c.mode === 'demo';

  const startDemoAs = async (name = c.demoUser) => {
    setBusy(true);
    try {
      await demo.start();
      await c.switchDemoUser(name);
      queryClient.clear();
    } catch (e) {
      notifications.show({ color: 'red', title: 'Demo could not start', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  const reset = async () => {
    close();
    setBusy(true);
    try {
      await demo.reset();
      queryClient.clear();
      await c.switchDemoUser(c.demoUser);
      notifications.show({
        color: 'green',
        title: 'Demo data reset',
        message: 'Every change was undone; the demo dataset is as shipped.',
      });
    } catch (e) {
      notifications.show({ color: 'red', title: 'Reset failed', message: errorMessage(e) });
    } finally {
      setBusy(false);
    }
  };

  return (
    <Stack gap="sm">
      <Text size="sm">
        The demo is a simulated InvenTree (API {loadDemoApiVersion()}) running inside this browser, with InvenTree’s
        public demo data. No server is needed; changes are kept on this device until you reset them.
      </Text>
      {!inDemo && (
        <Button onClick={() => void startDemoAs()} loading={busy} w="fit-content">
          Use the demo
        </Button>
      )}
      {inDemo && (
        <>
          <Select
            label="Demo user"
            description="InvenTree’s demo accounts, with their rights"
            value={c.demoUser}
            data={DEMO_USER_NAMES.map((n) => ({ value: n, label: `${n} — ${DEMO_USERS[n].description}` }))}
            onChange={(v) => {
              if (isDemoUserName(v)) void startDemoAs(v);
            }}
            allowDeselect={false}
            disabled={busy}
            maw={460}
          />
          <DemoApiVersionSelect disabled={busy} />
          <ConnectedSummary />
          {c.diagnosis && <DiagnosisAlert diagnosis={c.diagnosis} />}
          <Group>
            <Button
              variant="light"
              color="red"
              leftSection={<IconRefresh size={18} aria-hidden />}
              onClick={open}
              loading={busy}
            >
              Reset demo data
            </Button>
          </Group>
        </>
      )}
      <Modal opened={confirmReset} onClose={close} title="Reset demo data?" centered>
        <Stack>
          <Text size="sm">
            Linked barcodes, received stock, allocations and scan history made in the demo are thrown away.
          </Text>
          <Group justify="flex-end">
            <Button variant="default" onClick={close}>
              Cancel
            </Button>
            <Button color="red" onClick={() => void reset()}>
              Reset
            </Button>
          </Group>
        </Stack>
      </Modal>
    </Stack>
  );
}

function ServerSection() {
  const c = useConnection();
  const demo = useDemoBackend();
  const queryClient = useQueryClient();
  const [url, setUrl] = useState(c.serverUrl);
  const [checking, setChecking] = useState(false);
  const inServer = c.mode === 'server';
  const reached = inServer && c.serverInfo !== null;

  const check = async (e: FormEvent) => {
    e.preventDefault();
    setChecking(true);
    try {
      // Same-origin /api (the dev proxy) must reach the real server, not the simulation.
      if (demo.isRunning()) await demo.stop();
      queryClient.clear();
      await c.setServerUrl(url);
    } finally {
      setChecking(false);
    }
  };

  return (
    <Stack gap="sm">
      <form onSubmit={(e) => void check(e)}>
        <Group align="flex-end" gap="sm">
          <TextInput
            label="Server address"
            description="Where you open InvenTree, e.g. https://inventree.example.com"
            placeholder="https://inventree.example.com"
            value={url}
            onChange={(e) => setUrl(e.currentTarget.value)}
            inputMode="url"
            autoComplete="url"
            autoCapitalize="off"
            spellCheck={false}
            style={{ flex: '1 1 260px' }}
          />
          <Button type="submit" loading={checking} variant={reached ? 'default' : 'filled'}>
            {reached ? 'Check again' : 'Connect'}
          </Button>
        </Group>
      </form>

      {inServer && <ConnectedSummary />}
      {inServer && c.diagnosis && <DiagnosisAlert diagnosis={c.diagnosis} />}

      {reached && c.status === 'signed-in' && (
        <Group>
          <Text size="sm" c="green" style={{ display: 'inline-flex', gap: 4, alignItems: 'center' }}>
            <IconCheck size={16} aria-hidden /> Connected
          </Text>
          <Button
            variant="light"
            color="gray"
            leftSection={<IconLogout size={18} aria-hidden />}
            onClick={() => {
              c.logout();
              queryClient.clear();
            }}
          >
            Log out
          </Button>
        </Group>
      )}
      {reached && c.status !== 'signed-in' && c.status !== 'connecting' && <SignInForm />}
      {inServer && !reached && c.status === 'expired' && <SignInForm />}
    </Stack>
  );
}

function SignInForm() {
  const c = useConnection();
  const queryClient = useQueryClient();
  const [username, setUsername] = useState(c.user?.username ?? '');
  const [password, setPassword] = useState('');
  const [token, setToken] = useState('');
  const [busy, setBusy] = useState(false);

  const signIn = async (e: FormEvent, how: 'password' | 'token') => {
    e.preventDefault();
    setBusy(true);
    try {
      const ok = how === 'password' ? await c.login(username.trim(), password) : await c.loginWithToken(token);
      if (ok) {
        queryClient.clear();
        setPassword('');
        setToken('');
      }
    } finally {
      setBusy(false);
    }
  };

  return (
    <Card withBorder padding="sm" radius="md">
      <Tabs defaultValue="password">
        <Tabs.List>
          <Tabs.Tab value="password">Username and password</Tabs.Tab>
          <Tabs.Tab value="token">API token</Tabs.Tab>
        </Tabs.List>
        <Tabs.Panel value="password" pt="sm">
          <form onSubmit={(e) => void signIn(e, 'password')}>
            <Stack gap="sm" maw={420}>
              <CredentialFields
                username={username}
                password={password}
                onUsername={setUsername}
                onPassword={setPassword}
              />
              <Text size="xs" c="dimmed">
                The password is sent once to get an API token; only the token is kept on this device.
              </Text>
              <Button type="submit" loading={busy} w="fit-content">
                Sign in
              </Button>
            </Stack>
          </form>
        </Tabs.Panel>
        <Tabs.Panel value="token" pt="sm">
          <form onSubmit={(e) => void signIn(e, 'token')}>
            <Stack gap="sm" maw={420}>
              <PasswordInput
                label="API token"
                description="From InvenTree: your user settings → API tokens"
                value={token}
                onChange={(e) => setToken(e.currentTarget.value)}
                autoComplete="off"
                required
              />
              <Button type="submit" loading={busy} w="fit-content">
                Use token
              </Button>
            </Stack>
          </form>
        </Tabs.Panel>
      </Tabs>
    </Card>
  );
}
