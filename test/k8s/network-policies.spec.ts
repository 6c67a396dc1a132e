import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';

import { parseAllDocuments } from 'yaml';

/**
 * #12 item 10: the NetworkPolicies of k8s/ deny by default and open only the paths the architecture uses.
 * Evaluates the policies of each layer as a CNI would (same-namespace pod selectors, ports) for every pair
 * of the layer's pods, so a policy that opens more, or a Deployment that loses its labels, fails here.
 */

const ROOT = resolve(__dirname, '..', '..');
const LAYERS = ['k8s/base', 'k8s/overlays/dev', 'k8s/overlays/prod'];

type Labels = Readonly<Record<string, string>>;
type UnknownRecord = Record<string, unknown>;

interface Pod {
  readonly app: string;
  readonly labels: Labels;
  readonly ports: readonly number[];
}

interface Peer {
  readonly podSelector?: Labels;
  readonly namespaceSelector?: Labels;
  readonly ipBlock?: unknown;
}

interface Rule {
  readonly peers: readonly Peer[] | undefined;
  readonly ports: readonly number[] | undefined;
}

interface Policy {
  readonly name: string;
  readonly selector: Labels;
  readonly types: readonly string[];
  readonly ingress: readonly Rule[];
  readonly egress: readonly Rule[];
}

function isRecord(value: unknown): value is UnknownRecord {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function record(value: unknown, key: string): UnknownRecord {
  const found = isRecord(value) ? value[key] : undefined;
  return isRecord(found) ? found : {};
}

function list(value: unknown, key: string): unknown[] | undefined {
  const found = isRecord(value) ? value[key] : undefined;
  return Array.isArray(found) ? (found as unknown[]) : undefined;
}

function labels(value: unknown): Labels {
  return Object.fromEntries(Object.entries(isRecord(value) ? value : {}).map(([k, v]) => [k, String(v)]));
}

/** Objects of a kustomization directory, its resources followed recursively (no policy is patched). */
function objectsOf(dir: string): UnknownRecord[] {
  const kustomization = parseAllDocuments(
    readFileSync(join(ROOT, dir, 'kustomization.yaml'), 'utf8'),
  )[0]?.toJS() as unknown;
  return (list(kustomization, 'resources') ?? []).flatMap((entry) => {
    const path = join(dir, String(entry));
    if (!path.endsWith('.yaml')) return objectsOf(path);
    return parseAllDocuments(readFileSync(join(ROOT, path), 'utf8'))
      .map((doc) => doc.toJS() as unknown)
      .filter(isRecord);
  });
}

function podsOf(objects: readonly UnknownRecord[]): Pod[] {
  return objects
    .filter((o) => o.kind === 'Deployment')
    .map((o) => {
      const template = record(record(o, 'spec'), 'template');
      const podLabels = labels(record(record(template, 'metadata'), 'labels'));
      const containers = list(record(template, 'spec'), 'containers') ?? [];
      const ports = containers.flatMap((c) =>
        (list(c, 'ports') ?? []).map((p) => Number(record({ p }, 'p').containerPort)),
      );
      return { app: podLabels['app.kubernetes.io/name'] ?? '', labels: podLabels, ports };
    });
}

function rulesOf(spec: UnknownRecord, key: 'ingress' | 'egress', peerKey: 'from' | 'to'): Rule[] {
  return (list(spec, key) ?? []).map((rule) => ({
    peers: list(rule, peerKey)?.map((peer) => ({
      ...(isRecord(peer) && 'podSelector' in peer
        ? { podSelector: labels(record(record(peer, 'podSelector'), 'matchLabels')) }
        : {}),
      ...(isRecord(peer) && 'namespaceSelector' in peer
        ? { namespaceSelector: labels(record(record(peer, 'namespaceSelector'), 'matchLabels')) }
        : {}),
      ...(isRecord(peer) && 'ipBlock' in peer ? { ipBlock: peer.ipBlock } : {}),
    })),
    ports: list(rule, 'ports')?.map((p) => Number(record({ p }, 'p').port)),
  }));
}

function policiesOf(objects: readonly UnknownRecord[]): Policy[] {
  return objects
    .filter((o) => o.kind === 'NetworkPolicy')
    .map((o) => {
      const spec = record(o, 'spec');
      return {
        name: String(record(o, 'metadata').name),
        selector: labels(record(record(spec, 'podSelector'), 'matchLabels')),
        types: (list(spec, 'policyTypes') ?? []).map(String),
        ingress: rulesOf(spec, 'ingress', 'from'),
        egress: rulesOf(spec, 'egress', 'to'),
      };
    });
}

function matches(selector: Labels, target: Labels): boolean {
  return Object.entries(selector).every(([k, v]) => target[k] === v);
}

function portAllowed(rule: Rule, port: number): boolean {
  return rule.ports === undefined || rule.ports.includes(port);
}

/** Whether a peer list admits a pod of this namespace (no namespaceSelector, no ipBlock). */
function admitsPod(peers: readonly Peer[] | undefined, pod: Pod): boolean {
  if (peers === undefined) return true;
  return peers.some(
    (p) =>
      p.namespaceSelector === undefined &&
      p.ipBlock === undefined &&
      matches(p.podSelector ?? {}, pod.labels),
  );
}

function canReach(policies: readonly Policy[], from: Pod, to: Pod, port: number): boolean {
  const egress = policies.filter((p) => p.types.includes('Egress') && matches(p.selector, from.labels));
  const ingress = policies.filter((p) => p.types.includes('Ingress') && matches(p.selector, to.labels));
  const out =
    egress.length === 0 ||
    egress.some((p) => p.egress.some((r) => portAllowed(r, port) && admitsPod(r.peers, to)));
  const into =
    ingress.length === 0 ||
    ingress.some((p) => p.ingress.some((r) => portAllowed(r, port) && admitsPod(r.peers, from)));
  return out && into;
}

/** In-namespace paths the architecture needs, `from->to:port`. */
const NEEDED = [
  'gateway->accounts:3001',
  'gateway->identity:3002',
  'gateway->exam:3003',
  'gateway->payments:3004',
  'gateway->audit:3005',
  'accounts->audit:3005',
  'identity->authority-sim:3100',
  'payments->pay-sim:3101',
  'pay-sim->payments:3004',
];

describe.each(LAYERS)('NetworkPolicies of %s', (layer) => {
  const objects = objectsOf(layer);
  const pods = podsOf(objects);
  const policies = policiesOf(objects);

  it('should deny all ingress and egress of every pod unless a policy allows it', () => {
    const denyAll = policies.filter(
      (p) => Object.keys(p.selector).length === 0 && p.ingress.length === 0 && p.egress.length === 0,
    );
    expect(denyAll.flatMap((p) => p.types).sort()).toEqual(['Egress', 'Ingress']);
  });

  it('should open between the pods exactly the paths the architecture uses', () => {
    const open: string[] = [];
    for (const from of pods)
      for (const to of pods)
        for (const port of to.ports)
          if (from !== to && canReach(policies, from, to, port)) open.push(`${from.app}->${to.app}:${port}`);
    const present = new Set(pods.map((p) => p.app));
    expect(open.sort()).toEqual(
      NEEDED.filter((path) => {
        const [from = '', rest = ''] = path.split('->');
        return present.has(from) && present.has(rest.split(':')[0] ?? '');
      }).sort(),
    );
  });

  it('should let only the gateway and exam (for the exam room) be reached from outside, only from the ingress controller', () => {
    const outside = policies.flatMap((p) =>
      p.ingress
        .filter(
          (r) =>
            r.peers === undefined ||
            r.peers.some((peer) => peer.namespaceSelector !== undefined || peer.ipBlock !== undefined),
        )
        .map((r) => ({ policy: p.name, selector: p.selector, peers: r.peers, ports: r.ports })),
    );
    expect(outside).toEqual([
      {
        policy: 'gateway-edge',
        selector: { 'app.kubernetes.io/name': 'gateway' },
        peers: [{ namespaceSelector: { 'kubernetes.io/metadata.name': 'ingress-nginx' } }],
        ports: [3000],
      },
      {
        policy: 'exam-room-edge',
        selector: { 'app.kubernetes.io/name': 'exam' },
        peers: [{ namespaceSelector: { 'kubernetes.io/metadata.name': 'ingress-nginx' } }],
        ports: [3003],
      },
    ]);
  });

  it('should allow egress outside the namespace only to DNS and the data, mail and authority ports', () => {
    const external = policies.flatMap((p) =>
      p.egress
        .filter((r) => r.peers === undefined)
        .flatMap((r): (number | string)[] => (r.ports === undefined ? ['any port'] : [...r.ports])),
    );
    expect(new Set(external)).toEqual(new Set([3306, 9092, 9093, 6379, 587, 465, 443]));
    expect(
      pods.every((pod) =>
        policies.some(
          (p) =>
            p.types.includes('Egress') &&
            matches(p.selector, pod.labels) &&
            p.egress.some((r) => r.ports?.includes(53)),
        ),
      ),
    ).toBe(true);
  });
});

describe('NetworkPolicy test itself', () => {
  it('should find the pods of every app in dev', () => {
    expect(
      podsOf(objectsOf('k8s/overlays/dev'))
        .map((p) => p.app)
        .sort(),
    ).toEqual(['accounts', 'audit', 'authority-sim', 'exam', 'gateway', 'identity', 'pay-sim', 'payments']);
  });
});
