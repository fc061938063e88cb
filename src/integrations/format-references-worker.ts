/** Formats the references it is given (CSL items) and sends back their texts: see formatReferencesAside. */
import { parentPort, workerData } from 'node:worker_threads';
import { formatReference, type CslItem } from '../citing/csl.ts';

parentPort!.postMessage((workerData as CslItem[]).map(formatReference));
