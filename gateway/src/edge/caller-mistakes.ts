import type { ApolloServerPlugin } from '@apollo/server';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { hideInternalErrors, type Logger } from '@pass/runtime';
import { checkArguments } from './argument-checks';

/**
 * What a caller can get wrong before anything runs: no operation to run (several without a name,
 * an unknown name), a subscription over plain HTTP, a bad argument. Each is a 400 with a GraphQL
 * error; left alone, the gateway's executor would throw and answer 500.
 */
export function callerMistakesPlugin(): ApolloServerPlugin {
  return {
    requestDidStart: async () => ({
      didResolveOperation: async ({ operation, operationName, request, document, schema }) => {
        // Only HTTP requests: WebSocket subscriptions, if run through this server, have no `http`.
        if (!request.http) return;
        if (!operation) {
          const message = request.operationName
            ? `no operation named ${JSON.stringify(truncate(request.operationName, 100))} in the document`
            : 'the document has several operations: send operationName to choose one';
          throw new GraphQLError(message, { extensions: { code: 'OPERATION_RESOLUTION_FAILURE', http: { status: 400 } } });
        }
        if (operation.operation === 'subscription') {
          const name = operationName ? ` ${truncate(operationName, 100)}` : '';
          throw new GraphQLError(`subscription${name} cannot be sent over HTTP: open a WebSocket (graphql-ws) on /graphql`, {
            extensions: { code: 'SUBSCRIPTION_OVER_HTTP', http: { status: 400 } },
          });
        }
        checkArguments(schema, document, operation, request.variables);
      },
    }),
  };
}

const MAX_MESSAGE = 300;
const MAX_EXTENSION_STRING = 120;

function truncate(text: string, max: number): string {
  return text.length > max ? `${text.slice(0, max)}… (${text.length} characters)` : text;
}

/**
 * The gateway's error formatter: internal errors hidden (the kit's rule), then nothing that helps
 * guess the schema (graphql-js suggests enum values and types: "Did you mean …?"), nothing that
 * names a subgraph (`serviceName`), and no huge input echoed back: a 90 kB id is cut, not doubled.
 */
export function formatCallerError(formatted: GraphQLFormattedError, error: unknown, logger: Logger): GraphQLFormattedError {
  const hidden = hideInternalErrors(formatted, error, logger);
  const { serviceName: _subgraph, ...extensions } = hidden.extensions ?? {};
  for (const [key, value] of Object.entries(extensions)) {
    if (typeof value === 'string') extensions[key] = truncate(value, MAX_EXTENSION_STRING);
  }
  const message = truncate(hidden.message.replace(/\s*Did you mean [^?]*\?/g, ''), MAX_MESSAGE);
  return { ...hidden, message, extensions };
}
