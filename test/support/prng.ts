/** mulberry32, the engines' own seeded generator: the same sequence on every machine, so a failure can be replayed. */
export { mulberry32 as prng } from '../../src/engines/quiz/seeded.ts';
