import 'reflect-metadata';
import { runSubgraphMain } from '@pass/kit';
import { vouchersSubgraph } from './index';

void runSubgraphMain(vouchersSubgraph);
