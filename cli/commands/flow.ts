import { JoineryError } from '../../core/errors.ts';
import type { AuditInput } from '../../core/registry/index.ts';
import { publishFlow, reviewFlow, type FlowStore } from '../../core/flows/index.ts';
import type { Command, ParsedCommand } from '../command.ts';
import type { CliContext } from '../context.ts';
import { parseJson, parseReference, readTextFile, requireString } from '../inputs.ts';
import type { Output } from '../output.ts';
import { table } from '../table.ts';

export const flowCommand: Command = {
  name: 'flow',
  summary: 'Publish, review, list and show flows: ordered, reviewed lists of functions for one trigger',
  usage: [
    'Usage: joinery flow publish <file.json> [--as <author>] [--requested-by <who>] [--json]',
    '       joinery flow review <name>@<version> --approve|--reject [--as <who>] [--comment <text>] [--json]',
    '       joinery flow list [--json]',
    '       joinery flow show <name>[@<version>] [--json]',
    '',
    'A flow file: { "name": "onboarding", "trigger": "user.joined", "steps": [ { "function": "make-username" },',
    '  { "function": "grant-vpn", "condition": { "not": { "path": "person.employmentType", "equals": "contractor" } } } ] }',
    'Conditions: { "path", "equals" } | { "path", "in": [...] } | { "path", "exists": true|false } | { "not" } |',
    '{ "all": [...] } | { "any": [...] }; paths read the event, and "steps.<function>.<field>" earlier outputs.',
    'Nobody may review a flow version they authored or requested; approving makes it active. While a flow is',
    'active, its functions run only as its steps for that trigger.',
  ].join('\n'),
  options: { approve: { type: 'boolean' }, reject: { type: 'boolean' }, comment: { type: 'string' }, as: { type: 'string' }, 'requested-by': { type: 'string' } },
  async run(parsed, context, output) {
    const [action, target, ...extra] = parsed.positionals;
    if (extra.length > 0) throw new JoineryError('INVALID_INPUT', `unexpected arguments: ${extra.join(' ')}`);
    const flows = context.stores().flows();
    if (action === 'publish') return publish(flows, requireString(target, 'the flow file'), parsed, context, output);
    if (action === 'review') return review(flows, target, parsed, context, output);
    if (action === 'list') return list(flows, output);
    if (action === 'show') return show(flows, target, output);
    throw new JoineryError('INVALID_INPUT', `say what to do: joinery flow publish | review | list | show${action === undefined ? '' : ` (not "${action}")`}`);
  },
};

function publish(flows: FlowStore, file: string, { values }: ParsedCommand, context: CliContext, output: Output): number {
  const definition = parseJson(readTextFile(context.cwd, file, 'flow file'), file);
  const author = context.actor(values.as).name;
  const requestedBy = typeof values['requested-by'] === 'string' ? values['requested-by'] : null;
  const record = publishFlow({ definition, author, requestedBy, flows, registry: context.registry(), via: 'cli' });
  output.line(`✓ published flow ${record.name}@${record.version} (${record.trigger}, ${record.definition.steps.length} steps), pending review by someone other than ${author}`);
  output.result({ ok: true, flow: record });
  return 0;
}

function review(flows: FlowStore, target: string | undefined, { values }: ParsedCommand, context: CliContext, output: Output): number {
  const { name, version } = parseReference(target, { versionRequired: true });
  if (Boolean(values.approve) === Boolean(values.reject)) throw new JoineryError('INVALID_INPUT', 'give exactly one of --approve or --reject');
  const reviewer = context.actor(values.as).name;
  const decision = values.approve ? 'approved' : 'rejected';
  const comment = typeof values.comment === 'string' ? values.comment : null;
  const audit = (entry: AuditInput) => context.registry().recordAudit(entry);
  const record = reviewFlow({ flows, audit, via: 'cli', name, version: version ?? 0, reviewer, decision, comment });
  output.line(`✓ flow ${name}@${version} ${decision} by ${reviewer}${record.active ? `; ${name}@${version} is now active` : ''}`);
  output.result({ ok: true, flow: record });
  return 0;
}

function list(flows: FlowStore, output: Output): number {
  const summaries = flows.listFlows();
  output.line(
    summaries.length === 0
      ? 'No flows yet. Publish one: joinery flow publish <file.json>'
      : table(['name', 'trigger', 'latest', 'status', 'active'], summaries.map((flow) => [flow.name, flow.trigger, String(flow.latestVersion), flow.latestStatus, flow.activeVersion === null ? '-' : String(flow.activeVersion)])),
  );
  output.result({ ok: true, flows: summaries });
  return 0;
}

function show(flows: FlowStore, target: string | undefined, output: Output): number {
  const { name, version } = parseReference(target);
  const record = flows.getVersion(name, version);
  if (!record) throw new JoineryError('NOT_FOUND', `no flow ${version === undefined ? name : `${name}@${version}`}`);
  output.line(`${record.name}@${record.version}  ${record.trigger}  ${record.status}${record.active ? ' (active)' : ''}  by ${record.author}${record.reviewer ? `, reviewed by ${record.reviewer}` : ''}`);
  record.definition.steps.forEach((step, index) => output.line(`  ${index + 1}. ${step.function}${step.condition ? `  when ${JSON.stringify(step.condition)}` : ''}`));
  output.result({ ok: true, flow: record });
  return 0;
}
