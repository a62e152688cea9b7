// Entry point of dist/server.js: stdio (`--stdio`) or Node IPC (`--node-ipc`), as the client chooses.
import { createConnection, ProposedFeatures } from 'vscode-languageserver/node';
import { startServer } from './server.js';

startServer(createConnection(ProposedFeatures.all));
