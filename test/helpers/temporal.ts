import { SearchAttributeType } from '@temporalio/common';
import { temporal } from '@temporalio/proto';
import { TestWorkflowEnvironment } from '@temporalio/testing';
import { bundleWorkflowCode, type WorkflowBundleWithSourceMap } from '@temporalio/worker';
import { SEARCH_ATTRIBUTES } from '../../contracts/search-attributes';
import { temporalTools } from '../../local/temporal-tools';
import { developmentDataConverter, FAILURE_CONVERTER_PATH } from '../../platform/data-converter';
import {
  TRACING_OFF,
  tracingWorkerOptions,
  WORKFLOW_INTERCEPTOR_MODULES,
} from '../../platform/telemetry/temporal';
import { WORKFLOWS_PATH } from '../../worker/create-worker';

const { IndexedValueType } = temporal.api.enums.v1;
const INDEXED_TYPES: Partial<Record<SearchAttributeType, temporal.api.enums.v1.IndexedValueType>> = {
  [SearchAttributeType.KEYWORD]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD,
  [SearchAttributeType.KEYWORD_LIST]: IndexedValueType.INDEXED_VALUE_TYPE_KEYWORD_LIST,
  [SearchAttributeType.DATETIME]: IndexedValueType.INDEXED_VALUE_TYPE_DATETIME,
};

/**
 * The time-skipping test server, from the binary scripts/ensure-temporal.sh installed (never
 * downloaded), with the project's search attributes registered as on a real server.
 */
export async function createTimeSkippingEnvironment(): Promise<TestWorkflowEnvironment> {
  const env = await TestWorkflowEnvironment.createTimeSkipping({
    server: { executable: { type: 'existing-path', path: temporalTools().temporalTestServer } },
    client: { dataConverter: testDataConverter },
  });
  await env.connection.operatorService.addSearchAttributes({
    namespace: env.namespace ?? 'default',
    searchAttributes: Object.fromEntries(
      SEARCH_ATTRIBUTES.map((key) => [
        key.name,
        INDEXED_TYPES[key.type] ?? IndexedValueType.INDEXED_VALUE_TYPE_TEXT,
      ]),
    ),
  });
  return env;
}

/** The app's data converter with the development key, as every process of a test stack runs. */
export const testDataConverter = developmentDataConverter();
/** The workflow span sink the bundle's interceptors call (spans dropped: tests trace nothing here). */
export const workflowSinks = tracingWorkerOptions(TRACING_OFF).sinks;

let bundle: Promise<WorkflowBundleWithSourceMap> | undefined;

/** Bundled once per test file and shared by every worker in it, with tracing's interceptors as in production. */
export function workflowBundle(): Promise<WorkflowBundleWithSourceMap> {
  bundle ??= bundleWorkflowCode({
    workflowsPath: WORKFLOWS_PATH,
    failureConverterPath: FAILURE_CONVERTER_PATH,
    workflowInterceptorModules: WORKFLOW_INTERCEPTOR_MODULES,
    logger: quietLogger,
  });
  return bundle;
}

const quietLogger = {
  log() {},
  trace() {},
  debug() {},
  info() {},
  warn() {},
  error(message: string) {
    console.error(message);
  },
};

let queueCounter = 0;
export function uniqueTaskQueue(name: string): string {
  queueCounter += 1;
  return `test-${name}-${process.pid}-${queueCounter}`;
}
