import 'reflect-metadata';
import { runSubgraphMain } from '@pass/kit';
import { beneficiariesSubgraph } from './index';

void runSubgraphMain(beneficiariesSubgraph);
