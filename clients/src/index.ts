export { startHub, builtPagesDir, type Hub, type HubOptions, type SubgraphName } from './hub/hub';
export { loadDemoData, CSO_BUDGET_CENTS, type DemoData } from './demo/demo-data';
export { partnerOperations, persistedDocuments, operationsDir, generatedOperationsDir } from './operations/operations';
export * as typedOperations from './generated/graphql';
export { runHubCli } from './cli/hub';
export { runAnonymisation, type AnonymisationReport } from './cli/commands/anonymise';
