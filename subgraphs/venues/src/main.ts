import 'reflect-metadata';
import { runSubgraphMain } from '@pass/kit';
import { venuesSubgraph } from './index';

void runSubgraphMain(venuesSubgraph);
