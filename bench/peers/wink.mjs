// Browser entry for the wink-nlp peer (bundled by esbuild into one IIFE file
// by ./run.sh bench; see tests/peers_bench.rs). Measures wink's full default
// pipeline: readDoc runs every annotation the model has (sentence boundaries,
// negation, sentiment, part of speech, named entities, custom entities), then
// the sentences and the entities (with their types) are read out.
import winkNLP from 'wink-nlp';
import model from 'wink-eng-lite-web-model';

const nlp = winkNLP(model);
const its = nlp.its;

globalThis.parallaxPeers = globalThis.parallaxPeers || {};
globalThis.parallaxPeers.wink = (text) => {
  const doc = nlp.readDoc(text);
  const sentences = doc.sentences().out();
  const entities = doc.entities().out(its.detail);
  // The lite model's entities are dates, times, durations, numbers, money,
  // percentages, hashtags, URLs and the like: no people, places or
  // organisations. Dates, times and durations are counted as dates.
  const dates = entities.filter((e) => /^(DATE|TIME|DURATION)$/.test(e.type)).length;
  return { sentences: sentences.length, entities: entities.length - dates, dates };
};
