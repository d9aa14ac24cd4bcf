import 'reflect-metadata';
import { runSubgraphMain } from '@pass/kit';
import { programmesSubgraph } from './index';

void runSubgraphMain(programmesSubgraph);
