// `nsinspect inspect PID`: the inspect report as sections of aligned lines. Every host string
// (comm, argv, paths, labels, sources, unix socket paths) goes through printable(): one line each,
// control characters as escapes.
import type { InspectReport, MountNode } from '../core/inspect/inspectTypes';
import { cgroupLimitText, idText, pidChainText, rlimitValueText } from '../core/inspect/inspectText';
import { printable } from '../core/tree/containerText';

function section(title: string, rows: string[]): string {
  return `${title}\n${rows.length ? rows.map((r) => `  ${r}`).join('\n') : '  (none)'}\n`;
}

function pairs(rows: [string, string][]): string[] {
  const width = Math.max(0, ...rows.map(([k]) => k.length));
  return rows.map(([k, v]) => `${k.padEnd(width)}  ${v}`);
}

function mountLines(nodes: readonly MountNode[], depth = 0): string[] {
  return nodes.flatMap((m) => {
    const marks = [m.overmounted ? 'overmounted' : '', m.hidden ? 'hidden' : ''].filter(Boolean);
    const line = `${'  '.repeat(depth)}${printable(m.mountPoint)}  ${printable(m.fsType)} ${printable(m.source)}  ${printable(m.options)}  ${m.propagation.join(' ')}${marks.length ? `  [${marks.join(', ')}]` : ''}`;
    return [line, ...mountLines(m.children, depth + 1)];
  });
}

export function formatInspect(r: InspectReport): string {
  const caps = r.capabilities;
  const added = new Set(caps.versusDefault.added);
  const capList = (names: string[]) => (names.length ? names.map((n) => (added.has(n) ? `${n}*` : n)).join(' ') : '(none)');
  const container = r.container;
  const out = [
    section(`Process ${r.pid}`, pairs([
      ['command', printable(r.command)],
      ['argv', printable(r.cmdline.join(' '))],
      ['state', r.state],
      ['parent', String(r.ppid)],
      ['container', container ? `${container.engine} ${printable(container.name)}${container.image ? ` (${printable(container.image)})` : ''}${container.main ? ', its main process' : `, main process ${container.mainPid}`}` : '-'],
      ['root', r.root === null ? 'unreadable' : printable(r.root)],
      ['cwd', r.cwd === null ? 'unreadable' : printable(r.cwd)],
    ])),
    section('PIDs, outermost PID namespace first', [
      `process ${pidChainText(r.pids.process)}${r.pids.namespaces.some((n) => n !== null) ? `   (pid namespaces ${r.pids.namespaces.map((n) => n ?? '?').join(' → ')})` : ''}`,
      ...r.pids.threads.map((t) => `thread  ${pidChainText(t)}  ${printable(t.name)}`),
      ...r.pids.children.map((c) => `child   ${pidChainText(c)}  ${printable(c.name)}`),
    ]),
    section(`Identity (user namespace ${r.identity.userNamespace ?? '?'}; host ID, inside when different)`, pairs([
      ...r.identity.uids.map((id): [string, string] => [`uid ${id.role}`, idText(id)]),
      ...r.identity.gids.map((id): [string, string] => [`gid ${id.role}`, idText(id)]),
      ['groups', r.identity.groups.join(' ') || '(none)'],
    ])),
    section(`Capabilities (* not in ${caps.versusDefault.source})`, [
      ...pairs([
        ['effective', capList(caps.effective.names)],
        ['permitted', capList(caps.permitted.names)],
        ['inheritable', capList(caps.inheritable.names)],
        ['bounding', capList(caps.bounding.names)],
        ['ambient', capList(caps.ambient.names)],
      ]),
      `added to the default set: ${caps.versusDefault.added.join(' ') || '(none)'}`,
      `dropped from the default set: ${caps.versusDefault.dropped.join(' ') || '(none)'}`,
    ]),
    section('Security', pairs([
      ['no_new_privs', r.security.noNewPrivs ? 'yes' : 'no'],
      ['seccomp', `${r.security.seccomp}${r.security.seccompFilters ? ` (${r.security.seccompFilters} filters)` : ''}`],
      ...r.security.lsm.map((l): [string, string] => [`lsm ${l.module}`, printable(l.label)]),
      ...(r.security.lsm.length ? [] : [['lsm', 'no label (no LSM active)'] as [string, string]]),
    ])),
    section('cgroup', [
      ...r.cgroup.entries.map((e) => `${e.hierarchyId}:${e.controllers.join(',')}:${printable(e.path)}`),
      ...r.cgroup.limits.map((l) => `${l.resource} (${l.version}): ${cgroupLimitText(l)}`),
    ]),
    section('Resource limits (soft / hard)', pairs(r.rlimits.map((l): [string, string] => [l.name, `${rlimitValueText(l.soft)} / ${rlimitValueText(l.hard)}${l.unit ? ` ${l.unit}` : ''}`]))),
    section('Sockets it holds (its network namespace)', r.sockets.map((s) => `${s.protocol}${s.family === 'inet6' ? '6' : ''}  ${s.state.padEnd(11)}  ${printable(s.local) || '(unnamed)'}${s.remote ? ` → ${printable(s.remote)}` : ''}  inode ${s.inode}`)),
    section('Mounts of its mount namespace', mountLines(r.mounts)),
  ];
  if (r.environment) out.push(section('Environment', r.environment.map((e) => printable(e))));
  if (r.unreadable.length) out.push(section('Not readable', r.unreadable.map((u) => `${printable(u.what)}: ${printable(u.why)}`)));
  return out.join('\n');
}
