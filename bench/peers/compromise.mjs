// Browser entry for the compromise peer (bundled by esbuild into one IIFE
// file by ./run.sh bench; see tests/peers_bench.rs). Measures nlp(text)
// (tokenising and tagging), then the sentences, people, places and
// organisations as text, and with compromise-dates the dates resolved to
// start/end values (.dates().get()).
import nlp from 'compromise';
import datesPlugin from 'compromise-dates';

nlp.plugin(datesPlugin);

globalThis.parallaxPeers = globalThis.parallaxPeers || {};
globalThis.parallaxPeers.compromise = (text) => {
  const doc = nlp(text);
  const sentences = doc.sentences().length;
  const people = doc.people().out('array').length;
  const places = doc.places().out('array').length;
  const organizations = doc.organizations().out('array').length;
  const dates = doc.dates({ today: '2014-12-18' }).get().length;
  return { sentences, entities: people + places + organizations, dates };
};
