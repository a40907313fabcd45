import {
  type CreateTableCommandInput,
  DynamoDBClient,
  type DynamoDBClientConfig,
  ResourceInUseException,
} from '@aws-sdk/client-dynamodb';
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import table from '../../infra/table.json' with { type: 'json' };

/**
 * The table definition lives in infra/table.json, which serverless.yml deploys as it is; the local
 * server and the tests create the same table from the same file, so keys and indexes never drift.
 */
export const TABLE_DEFINITION = table;

export function createTableInput(tableName: string): CreateTableCommandInput {
  const p = table.Properties;
  return {
    TableName: tableName,
    BillingMode: 'PAY_PER_REQUEST',
    AttributeDefinitions: p.AttributeDefinitions as CreateTableCommandInput['AttributeDefinitions'],
    KeySchema: p.KeySchema as CreateTableCommandInput['KeySchema'],
    GlobalSecondaryIndexes: p.GlobalSecondaryIndexes as CreateTableCommandInput['GlobalSecondaryIndexes'],
  };
}

export interface DynamoOptions {
  endpoint?: string | undefined;
  region: string;
}

export function createDocumentClient(options: DynamoOptions): DynamoDBDocumentClient {
  const config: DynamoDBClientConfig = { region: options.region, maxAttempts: 4 };
  if (options.endpoint) {
    config.endpoint = options.endpoint;
    // Local servers accept any credentials; fixed ones keep the SDK from searching for real ones.
    config.credentials = { accessKeyId: 'local', secretAccessKey: 'local' };
  }
  return DynamoDBDocumentClient.from(new DynamoDBClient(config), {
    marshallOptions: { removeUndefinedValues: true },
  });
}

/** Creates the table when it is missing (local server and tests; AWS gets it from CloudFormation). */
export async function ensureTable(client: DynamoDBDocumentClient, tableName: string): Promise<void> {
  const { CreateTableCommand, DescribeTableCommand, waitUntilTableExists } = await import(
    '@aws-sdk/client-dynamodb'
  );
  try {
    await client.send(new DescribeTableCommand({ TableName: tableName }));
    return;
  } catch (err) {
    if ((err as { name?: string }).name !== 'ResourceNotFoundException') throw err;
  }
  try {
    await client.send(new CreateTableCommand(createTableInput(tableName)));
  } catch (err) {
    // Two processes starting together may both try; the loser finds the table already there.
    if (!(err instanceof ResourceInUseException)) throw err;
  }
  await waitUntilTableExists({ client, maxWaitTime: 60, minDelay: 1 }, { TableName: tableName });
}
