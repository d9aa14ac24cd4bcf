export { startHub, builtPagesDir, type Hub, type HubHandle, type HubOptions, type SubgraphName } from './launcher/in-process';
export { startProcessHub, ENTRY_POINTS, type ProcessHub, type ProcessHubOptions } from './launcher/processes';
export { SupervisedProcess, prefixedSink, warningsSink, waitReady, type LogSink, type Restart, type RestartPolicy, type ProcessSpec } from './launcher/supervisor';
export { openHubData, waitForReplicas, type SubgraphData } from './launcher/hub-data';
export { loadDemoData, CSO_BUDGET_CENTS, type DemoData } from './demo/demo-data';
export { partnerOperations, persistedDocuments, operationsDir, generatedOperationsDir } from './operations/operations';
export * as typedOperations from './generated/graphql';
export { runHubCli } from './cli/hub';
export { runAnonymisation, type AnonymisationReport } from './cli/commands/anonymise';
