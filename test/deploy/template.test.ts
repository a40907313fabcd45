import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, expect, it } from 'vitest';
import { DEV_SECRETS } from '../../src/local/dev-secrets.ts';
import {
  type CfnResource,
  describePackaged,
  ROOT,
  readTemplate,
  resourcesOfType,
  type Template,
} from './packaged.ts';

/** What `npm run package` would deploy: checked in the generated CloudFormation template itself. */

interface Statement {
  Effect: string;
  Action: string | string[];
  Resource: unknown;
  Condition?: unknown;
}

/** Handler files are kebab-case; function names are camelCase. */
const HANDLER_FILE: Record<string, string> = { dailyWorker: 'daily-worker' };
const asArray = <T>(x: T | T[]): T[] => (Array.isArray(x) ? x : [x]);
const TABLE_ARN = { 'Fn::GetAtt': ['StudyTable', 'Arn'] };
const CHAT_FUNCTIONS = { slack: 'SlackLambdaFunction', discord: 'DiscordLambdaFunction' } as const;
const ALL_FUNCTIONS = {
  ...CHAT_FUNCTIONS,
  daily: 'DailyLambdaFunction',
  dailyWorker: 'DailyWorkerLambdaFunction',
} as const;
/** Every DynamoDB call the store may make; anything else (Scan, DeleteTable, ...) must not be granted. */
const DYNAMO_ACTIONS = new Set([
  'dynamodb:GetItem',
  'dynamodb:PutItem',
  'dynamodb:UpdateItem',
  'dynamodb:DeleteItem',
  'dynamodb:Query',
  'dynamodb:BatchGetItem',
  'dynamodb:BatchWriteItem',
  'dynamodb:ConditionCheckItem',
]);

function statements(template: Template): Statement[] {
  const out: Statement[] = [];
  for (const [, role] of resourcesOfType(template, 'AWS::IAM::Role')) {
    for (const p of (role.Properties.Policies ?? []) as { PolicyDocument: { Statement: Statement[] } }[]) {
      out.push(...p.PolicyDocument.Statement);
    }
  }
  for (const type of ['AWS::IAM::Policy', 'AWS::IAM::ManagedPolicy']) {
    for (const [, policy] of resourcesOfType(template, type)) {
      out.push(...(policy.Properties.PolicyDocument as { Statement: Statement[] }).Statement);
    }
  }
  return out;
}

function fn(template: Template, logicalId: string): CfnResource {
  const r = template.Resources[logicalId];
  if (!r) throw new Error(`${logicalId} is not in the template`);
  return r;
}

describePackaged('the packaged CloudFormation template', () => {
  let template: Template;
  beforeAll(() => {
    template = readTemplate();
  });

  it('deploys infra/table.json unchanged as the study table (the file the local server and tests use)', () => {
    const table = JSON.parse(readFileSync(join(ROOT, 'infra', 'table.json'), 'utf8')) as unknown;
    expect(template.Resources.StudyTable).toEqual(table);
  });

  it('makes the table on-demand, recoverable, expiring by TTL, with both indexes, and retained on delete', () => {
    const t = fn(template, 'StudyTable');
    expect(t.Type).toBe('AWS::DynamoDB::Table');
    expect(t.DeletionPolicy).toBe('Retain');
    expect(t.Properties.BillingMode).toBe('PAY_PER_REQUEST');
    expect(t.Properties.PointInTimeRecoverySpecification).toEqual({ PointInTimeRecoveryEnabled: true });
    expect(t.Properties.TimeToLiveSpecification).toEqual({ AttributeName: 'expiresAt', Enabled: true });
    const indexes = t.Properties.GlobalSecondaryIndexes as {
      IndexName: string;
      KeySchema: { AttributeName: string }[];
    }[];
    expect(indexes.map((i) => [i.IndexName, i.KeySchema.map((k) => k.AttributeName)])).toEqual([
      ['gsi1', ['gsi1pk', 'gsi1sk']],
      ['gsi2', ['gsi2pk', 'gsi2sk']],
    ]);
  });

  it('routes exactly POST /slack/events and POST /discord/interactions to their functions', () => {
    const routes = resourcesOfType(template, 'AWS::ApiGatewayV2::Route').map(([, route]) => {
      const target = route.Properties.Target as { 'Fn::Join': [string, [string, { Ref: string }]] };
      const integration = fn(template, target['Fn::Join'][1][1].Ref);
      const uri = integration.Properties.IntegrationUri as { 'Fn::GetAtt': [string, string] };
      return [route.Properties.RouteKey, uri['Fn::GetAtt'][0], integration.Properties.PayloadFormatVersion];
    });
    expect(routes.sort()).toEqual([
      ['POST /discord/interactions', 'DiscordLambdaFunction', '2.0'],
      ['POST /slack/events', 'SlackLambdaFunction', '2.0'],
    ]);
  });

  it('runs the daily function every 5 minutes from an enabled EventBridge rule', () => {
    const rules = resourcesOfType(template, 'AWS::Events::Rule').map(([, r]) => r.Properties);
    expect(rules).toHaveLength(1);
    expect(rules[0]).toMatchObject({
      ScheduleExpression: 'rate(5 minutes)',
      State: 'ENABLED',
      Targets: [{ Arn: { 'Fn::GetAtt': ['DailyLambdaFunction', 'Arn'] } }],
    });
  });

  it.each(Object.entries(ALL_FUNCTIONS))(
    'runs %s on nodejs22.x arm64 with the table name and the SSM prefix',
    (name, id) => {
      const p = fn(template, id).Properties;
      expect(p).toMatchObject({
        Runtime: 'nodejs22.x',
        Architectures: ['arm64'],
        Handler: `src/handlers/${HANDLER_FILE[name] ?? name}.handler`,
      });
      expect((p.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
        DYNAMODB_TABLE: { Ref: 'StudyTable' },
        SSM_PREFIX: '/studybot/dev',
      });
    },
  );

  it.each(Object.entries(CHAT_FUNCTIONS))(
    'gives %s a timeout that fits the chat deadline and enough memory',
    (_, id) => {
      const p = fn(template, id).Properties;
      expect(p.Timeout).toBeLessThanOrEqual(10);
      expect(p.MemorySize).toBeGreaterThanOrEqual(512);
    },
  );

  it.each(Object.entries(CHAT_FUNCTIONS))(
    "gives %s AWS's Parameters and Secrets extension for this Region, on the port the code reads",
    (_, id) => {
      const p = fn(template, id).Properties;
      expect(p.Layers).toEqual([
        'arn:aws:lambda:us-east-1:177933569100:layer:AWS-Parameters-and-Secrets-Lambda-Extension-Arm64:99',
      ]);
      expect((p.Environment as { Variables: Record<string, unknown> }).Variables).toMatchObject({
        PARAMETERS_SECRETS_EXTENSION_HTTP_PORT: '2773',
        SSM_PARAMETER_STORE_TIMEOUT_MILLIS: '1500',
      });
    },
  );

  it('keeps secrets out of the template: no secret variables and no development secret values', () => {
    const text = JSON.stringify(template);
    for (const value of Object.values(DEV_SECRETS)) expect(text).not.toContain(value);
    for (const [, r] of resourcesOfType(template, 'AWS::Lambda::Function')) {
      const vars = Object.keys(
        (r.Properties.Environment as { Variables: Record<string, unknown> }).Variables,
      );
      // The extension's own settings (port, log level) are named PARAMETERS_SECRETS_EXTENSION_*.
      const settings = /^PARAMETERS_SECRETS_EXTENSION_/;
      expect(vars.filter((v) => /SECRET|TOKEN|PUBLIC_KEY/.test(v) && !settings.test(v))).toEqual([]);
    }
  });

  it('grants no wildcard action and no action on every resource', () => {
    const all = statements(template);
    expect(all.length).toBeGreaterThan(0);
    for (const s of all) {
      for (const action of asArray(s.Action)) expect(action).not.toMatch(/^\*$|:\*$/);
      expect(asArray(s.Resource)).not.toContain('*');
    }
    for (const [, role] of resourcesOfType(template, 'AWS::IAM::Role'))
      expect(role.Properties.ManagedPolicyArns).toBeUndefined();
  });

  it('limits DynamoDB to the item calls the store makes, on the study table and its indexes only', () => {
    const dynamo = statements(template).filter((s) =>
      asArray(s.Action).some((a) => a.startsWith('dynamodb:')),
    );
    expect(dynamo).toHaveLength(1);
    const [s] = dynamo as [Statement];
    for (const a of asArray(s.Action))
      expect(DYNAMO_ACTIONS.has(a), `${a} is not a call the store makes`).toBe(true);
    expect(s.Resource).toEqual([TABLE_ARN, { 'Fn::Join': ['', [TABLE_ARN, '/index/*']] }]);
  });

  it("limits SSM to reading this stage's parameters, under the prefix the functions read from", () => {
    const ssm = statements(template).filter((s) => asArray(s.Action).some((a) => a.startsWith('ssm:')));
    expect(ssm).toHaveLength(1);
    const [s] = ssm as [Statement];
    // GetParameter for the secrets extension of the chat functions, GetParameters for the daily ones.
    expect(asArray(s.Action)).toEqual(['ssm:GetParameter', 'ssm:GetParameters']);
    const arn = JSON.stringify(s.Resource);
    expect(arn).toContain(':ssm:');
    const prefix = (
      fn(template, 'SlackLambdaFunction').Properties.Environment as { Variables: { SSM_PREFIX: string } }
    ).Variables.SSM_PREFIX;
    expect(arn).toContain(`:parameter${prefix}/*"`);
  });

  it('grants only logs, DynamoDB and SSM, and logs only for its own log groups', () => {
    const services = new Set(
      statements(template).flatMap((s) => asArray(s.Action).map((a) => a.split(':')[0])),
    );
    expect([...services].sort()).toEqual(['dynamodb', 'logs', 'sqs', 'ssm']);
    for (const s of statements(template).filter((x) =>
      asArray(x.Action).some((a) => a.startsWith('logs:')),
    )) {
      expect(JSON.stringify(s.Resource)).toContain('log-group:/aws/lambda/studybot-dev');
    }
  });

  it('keeps logs for a bounded time', () => {
    const groups = resourcesOfType(template, 'AWS::Logs::LogGroup');
    expect(groups).toHaveLength(Object.keys(ALL_FUNCTIONS).length);
    for (const [, g] of groups) expect(g.Properties.RetentionInDays).toBe(30);
  });

  it('outputs the two URLs to paste into Slack and Discord', () => {
    const endpoint = { 'Fn::GetAtt': ['HttpApi', 'ApiEndpoint'] };
    expect(template.Outputs.SlackRequestUrl?.Value).toEqual({
      'Fn::Join': ['', [endpoint, '/slack/events']],
    });
    expect(template.Outputs.DiscordInteractionsEndpointUrl?.Value).toEqual({
      'Fn::Join': ['', [endpoint, '/discord/interactions']],
    });
  });
});
