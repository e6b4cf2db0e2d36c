export { createLiveHost, secretValuesFor, type FetchPort, type LiveHost } from './live-host.ts';
