// `nsinspect inspect PID`: the inspect report as sections of aligned lines. Every host string
// (comm, argv, paths, labels, sources, unix socket paths) goes through hostText(, LINE_MAX): one line each,
// control characters as escapes.
import type { InspectReport, MountNode } from '../core/inspect/inspectTypes';
import { cgroupLimitText, idText, pidChainText, rlimitValueText } from '../core/inspect/inspectText';
import { hostText, LINE_MAX } from '../core/text/hostText';

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
    const line = `${'  '.repeat(depth)}${hostText(m.mountPoint, LINE_MAX)}  ${hostText(m.fsType, LINE_MAX)} ${hostText(m.source, LINE_MAX)}  ${hostText(m.options, LINE_MAX)}  ${m.propagation.join(' ')}${marks.length ? `  [${marks.join(', ')}]` : ''}`;
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
      ['command', hostText(r.command, LINE_MAX)],
      ['argv', hostText(r.cmdline.join(' '), LINE_MAX)],
      ['state', r.state],
      ['parent', String(r.ppid)],
      ['container', container ? `${container.engine} ${hostText(container.name, LINE_MAX)}${container.image ? ` (${hostText(container.image, LINE_MAX)})` : ''}${container.main ? ', its main process' : `, main process ${container.mainPid}`}` : '-'],
      ['root', r.root === null ? 'unreadable' : hostText(r.root, LINE_MAX)],
      ['cwd', r.cwd === null ? 'unreadable' : hostText(r.cwd, LINE_MAX)],
    ])),
    section('PIDs, outermost PID namespace first', [
      `process ${pidChainText(r.pids.process)}${r.pids.namespaces.some((n) => n !== null) ? `   (pid namespaces ${r.pids.namespaces.map((n) => n ?? '?').join(' → ')})` : ''}`,
      ...r.pids.threads.map((t) => `thread  ${pidChainText(t)}  ${hostText(t.name, LINE_MAX)}`),
      ...r.pids.children.map((c) => `child   ${pidChainText(c)}  ${hostText(c.name, LINE_MAX)}`),
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
      ...r.security.lsm.map((l): [string, string] => [`lsm ${l.module}`, hostText(l.label, LINE_MAX)]),
      ...(r.security.lsm.length ? [] : [['lsm', 'no label (no LSM active)'] as [string, string]]),
    ])),
    section('cgroup', [
      ...r.cgroup.entries.map((e) => `${e.hierarchyId}:${e.controllers.join(',')}:${hostText(e.path, LINE_MAX)}`),
      ...r.cgroup.limits.map((l) => `${l.resource} (${l.version}): ${cgroupLimitText(l)}`),
    ]),
    section('Resource limits (soft / hard)', pairs(r.rlimits.map((l): [string, string] => [l.name, `${rlimitValueText(l.soft)} / ${rlimitValueText(l.hard)}${l.unit ? ` ${l.unit}` : ''}`]))),
    section('Sockets it holds (its network namespace)', r.sockets.map((s) => `${s.protocol}${s.family === 'inet6' ? '6' : ''}  ${s.state.padEnd(11)}  ${hostText(s.local, LINE_MAX) || '(unnamed)'}${s.remote ? ` → ${hostText(s.remote, LINE_MAX)}` : ''}  inode ${s.inode}`)),
    section('Mounts of its mount namespace', mountLines(r.mounts)),
  ];
  if (r.environment) out.push(section('Environment', r.environment.map((e) => hostText(e, LINE_MAX))));
  if (r.unreadable.length) out.push(section('Not readable', r.unreadable.map((u) => `${hostText(u.what, LINE_MAX)}: ${hostText(u.why, LINE_MAX)}`)));
  return out.join('\n');
}
