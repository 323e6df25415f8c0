#!/usr/bin/env node
// cdk-nag (AwsSolutions pack) over synthesized CloudFormation templates.
//
// The C# app cannot carry cdk-nag acknowledgements: cdk-nag 3 reads construct metadata only, and CfnInclude
// (the way to check a template from another language) drops the app's metadata. So acknowledgements live in
// a project file -- rule, resource, reason -- and this checker applies them to the included resources with
// Validations.of(resource).acknowledge() before running the pack.
//
// Usage: node infra/nag/check-nag.mjs [--acknowledgements FILE] TEMPLATE.template.json...
// Exit codes: 0 every finding acknowledged; 1 unacknowledged findings; 2 usage, template or acknowledgement
// file errors.

import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const { App, DefaultStackSynthesizer, Stack, Validations } = require('aws-cdk-lib');
const { CfnInclude } = require('aws-cdk-lib/cloudformation-include');
const { AwsSolutionsChecks } = require('cdk-nag');

const here = path.dirname(fileURLToPath(import.meta.url));
const PATH_METADATA = 'aws:cdk:path';

class UsageError extends Error {}

function parseArgs(argv) {
  let acknowledgements = path.join(here, 'acknowledgements.json');
  const templates = [];
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--acknowledgements') {
      acknowledgements = argv[++i];
      if (!acknowledgements) throw new UsageError('--acknowledgements needs a file');
    } else if (arg === '--help' || arg === '-h') {
      throw new UsageError('usage: check-nag.mjs [--acknowledgements FILE] TEMPLATE.template.json...');
    } else {
      templates.push(arg);
    }
  }
  if (templates.length === 0) throw new UsageError('no template given (usage: check-nag.mjs [--acknowledgements FILE] TEMPLATE...)');
  return { acknowledgements, templates };
}

// Every entry needs a rule id (exactly as cdk-nag reports it, e.g. AwsSolutions-IAM5[Resource::...]), a
// resource (glob over the aws:cdk:path of the resource, '*' matches anything) and a written reason.
function loadAcknowledgements(file) {
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${file}: cannot read acknowledgements (${e.message})`);
  }
  const entries = doc.acknowledgements;
  if (!Array.isArray(entries)) throw new UsageError(`${file}: expected {"acknowledgements": [...]}`);
  const problems = [];
  entries.forEach((entry, index) => {
    for (const field of ['rule', 'resource', 'reason']) {
      if (typeof entry?.[field] !== 'string' || entry[field].trim() === '') {
        problems.push(`${file}: acknowledgements[${index}] needs a non-empty "${field}"`);
      }
    }
    if (typeof entry?.reason === 'string' && entry.reason.trim().length < 20) {
      problems.push(`${file}: acknowledgements[${index}] (${entry.rule}) needs a real reason, not "${entry.reason}"`);
    }
  });
  if (problems.length > 0) throw new UsageError(problems.join('\n'));
  return entries.map((entry) => ({ ...entry, pattern: globToRegExp(entry.resource), matchedFinding: false }));
}

function globToRegExp(glob) {
  const escaped = glob.replace(/[.+^${}()|[\]\\]/g, '\\$&').replace(/\*/g, '.*').replace(/\?/g, '.');
  return new RegExp(`^${escaped}$`);
}

function readTemplate(file) {
  try {
    const template = JSON.parse(fs.readFileSync(file, 'utf8'));
    if (typeof template !== 'object' || template === null || typeof template.Resources !== 'object') {
      throw new Error('no Resources section');
    }
    return template;
  } catch (e) {
    throw new UsageError(`${file}: not a CloudFormation template (${e.message})`);
  }
}

function checkTemplate(file, acknowledgements) {
  const template = readTemplate(file);
  const stackName = path.basename(file).replace(/\.template\.json$/, '').replace(/\.json$/, '');
  const outdir = fs.mkdtempSync(path.join(os.tmpdir(), 'lambdaguard-nag-'));
  try {
    const app = new App({ outdir, context: { '@aws-cdk/core:appMode': 'inmemory' } });
    // The included template brings its own BootstrapVersion parameter and rule.
    const stack = new Stack(app, 'Checked', {
      synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
    });
    const include = new CfnInclude(stack, 'Template', { templateFile: file });

    const resourcePaths = {};
    for (const [logicalId, resource] of Object.entries(template.Resources)) {
      const resourcePath = resource?.Metadata?.[PATH_METADATA] ?? `${stackName}/${logicalId}`;
      resourcePaths[logicalId] = resourcePath;
      for (const ack of acknowledgements) {
        if (ack.pattern.test(resourcePath)) {
          Validations.of(include.getResource(logicalId)).acknowledge({ id: ack.rule, reason: ack.reason });
        }
      }
    }

    const pack = new AwsSolutionsChecks(app, { verbose: true });
    Validations.of(app).addPlugins(pack);
    let synthError;
    try {
      app.synth();
    } catch (e) {
      synthError = e;
    }
    const reportFile = path.join(outdir, 'validation-report.json');
    if (!fs.existsSync(reportFile)) {
      throw new UsageError(`${file}: no validation report was written${synthError ? ` (${synthError.message})` : ''}`);
    }

    // What is left in CDK's report after acknowledgements is what fails the check. A second run of the pack
    // over the same template without acknowledgements tells which findings the acknowledgements took away.
    const report = JSON.parse(fs.readFileSync(reportFile, 'utf8'));
    const nagReports = (report.pluginReports ?? []).filter((r) => (r.pluginName ?? r.summary?.pluginName) === pack.name);
    const open = findingsOf(nagReports, (v) => v.violatingConstructs ?? v.violatingResources, logicalIdOf, resourcePaths);
    const all = findingsOf([unacknowledgedReport(file)], (v) => v.violatingResources, logicalIdOf, resourcePaths);
    const openKeys = new Set(open.map(key));
    const acknowledged = all.filter((f) => !openKeys.has(key(f))).map((f) => ({ ...f, by: matchingAck(f, acknowledgements) }));
    for (const finding of acknowledged) {
      if (finding.by) finding.by.matchedFinding = true;
    }
    return { file, findings: open, acknowledged };
  } finally {
    fs.rmSync(outdir, { recursive: true, force: true });
  }
}

function unacknowledgedReport(file) {
  const app = new App({ outdir: fs.mkdtempSync(path.join(os.tmpdir(), 'lambdaguard-nag-raw-')) });
  try {
    const stack = new Stack(app, 'Raw', {
      synthesizer: new DefaultStackSynthesizer({ generateBootstrapVersionRule: false }),
    });
    new CfnInclude(stack, 'Template', { templateFile: file });
    return new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(stack);
  } finally {
    fs.rmSync(app.outdir, { recursive: true, force: true });
  }
}

function logicalIdOf(resource) {
  return resource.resourceLogicalId ?? resource.constructPath?.split('/').pop();
}

// One finding per (rule, resource). Any violation the report format does not let us place still counts.
function findingsOf(pluginReports, resourcesOf, idOf, resourcePaths) {
  const findings = [];
  for (const pluginReport of pluginReports) {
    for (const violation of pluginReport.violations ?? []) {
      const resources = resourcesOf(violation) ?? [];
      const description = (violation.description ?? '').split('\n')[0];
      if (resources.length === 0) {
        findings.push({ rule: violation.ruleName, resource: '?', description });
      }
      for (const resource of resources) {
        const logicalId = idOf(resource);
        findings.push({ rule: violation.ruleName, resource: resourcePaths[logicalId] ?? logicalId ?? '?', description });
      }
    }
  }
  return findings;
}

function key(finding) {
  return `${finding.rule}\u0000${finding.resource}`;
}

function matchingAck(finding, acknowledgements) {
  return acknowledgements.find((a) => a.rule === finding.rule && a.pattern.test(finding.resource));
}

function shorten(text) {
  return text.length > 110 ? `${text.slice(0, 107)}...` : text;
}

function main() {
  let args;
  let acknowledgements;
  try {
    args = parseArgs(process.argv.slice(2));
    acknowledgements = loadAcknowledgements(args.acknowledgements);
  } catch (e) {
    console.error(e.message);
    return 2;
  }

  let open = 0;
  for (const file of args.templates) {
    let result;
    try {
      result = checkTemplate(file, acknowledgements);
    } catch (e) {
      console.error(e instanceof UsageError ? e.message : `${file}: ${e.stack ?? e}`);
      return 2;
    }
    open += result.findings.length;
    console.log(`${path.basename(file)}: ${result.findings.length} unacknowledged, ${result.acknowledged.length} acknowledged`);
    for (const finding of result.findings) {
      console.log(`  UNACKNOWLEDGED ${finding.rule} at ${finding.resource}: ${finding.description}`);
    }
    for (const finding of result.acknowledged) {
      console.log(`  acknowledged   ${finding.rule} at ${finding.resource}: ${shorten(finding.by?.reason ?? '(acknowledged)')}`);
    }
  }

  for (const ack of acknowledgements.filter((a) => !a.matchedFinding)) {
    console.log(`note: acknowledgement ${ack.rule} for ${ack.resource} matched no finding in these templates`);
  }
  if (open > 0) {
    console.log(`cdk-nag: ${open} unacknowledged finding(s). Fix them, or acknowledge each in ${args.acknowledgements} with a reason.`);
    return 1;
  }
  console.log('cdk-nag: clean (AwsSolutions)');
  return 0;
}

process.exitCode = main();
