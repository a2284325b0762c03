// The classic namespace experiments the "Get Started" walkthrough runs with the product itself:
// each opens an isolated terminal (unshare), types one harmless line that shows the result, and
// points at where the view or a picture shows it. Data only; the command lives in the extension.
import type { NsType } from '../model/nsType';

export type ExperimentId = 'uts' | 'pid' | 'user' | 'net' | 'veth';

export interface Experiment {
  id: ExperimentId;
  /** Namespace types the terminal isolates (New Isolated Terminal's `types`). */
  types: NsType[];
  /** UTS only: the hostname inside. */
  hostname?: string;
  /** User namespace: be root inside (mapped to yourself outside). */
  mapRootUser?: boolean;
  /** The line typed into the terminal; fixed text, never from input. */
  showLine: string;
  /** The namespace revealed in the Namespaces view afterwards. */
  reveal: NsType;
  /** A picture opened afterwards. */
  picture?: 'idMaps' | 'topology';
}

export const EXPERIMENT_HOSTNAME = 'experiment';

/** The veth experiment's two ends and addresses: a private /30 (RFC 1918), nothing routed beyond. */
export const VETH_EXPERIMENT = {
  hostIf: 'nsx-host',
  innerIf: 'nsx-inner',
  hostCidr: '10.254.254.1/30',
  innerCidr: '10.254.254.2/30',
} as const;

export const EXPERIMENTS: Record<ExperimentId, Experiment> = {
  uts: { id: 'uts', types: ['uts'], hostname: EXPERIMENT_HOSTNAME, showLine: 'hostname', reveal: 'uts' },
  pid: { id: 'pid', types: ['pid'], showLine: 'echo "my PID here: $$"; ps', reveal: 'pid' },
  user: { id: 'user', types: ['user'], mapRootUser: true, showLine: 'id; cat /proc/self/uid_map', reveal: 'user', picture: 'idMaps' },
  net: { id: 'net', types: ['net'], showLine: 'ip -brief link', reveal: 'net' },
  veth: {
    id: 'veth',
    types: ['net'],
    showLine: `ip -brief addr; ping -c 2 -W 1 ${VETH_EXPERIMENT.hostCidr.split('/')[0]}`,
    reveal: 'net',
    picture: 'topology',
  },
};
