// How far V8's young generation may grow: kept at its starting size for one-shot commands, grown for warm processes.
import { setFlagsFromString } from 'node:v8';

// V8 doubles the young generation (two semi-spaces, 1 MB each at start) after each scavenge whose survivors fill it,
// up to 16 MB each. A cold PDF build allocates fast enough to grow it to the full 32 MB, every page of which is
// then resident: 26 MB of a full build's 118 MB peak. Kept at its starting size, objects that outlive two
// scavenges move to the old generation sooner, which costs a one-shot build no measurable CPU (docs/performance.md)
// but costs a process that renders again and again about a tenth of each warm render. V8 reads this factor each
// time it grows the space (it is not fixed at start-up), on Node 20, 22 and 24 alike.

/** One-shot commands (build, validate, check …): the young generation stays at its starting size. */
export function keepYoungGenerationSmall(): void {
  setFlagsFromString('--semi-space-growth-factor=1');
}

/** Warm processes (watch, serve, a batch's workers): V8's default growth, for the throughput of repeated renders. */
export function letYoungGenerationGrow(): void {
  setFlagsFromString('--semi-space-growth-factor=2');
}
