/**
 * Word lists whose signal the tagger learns to weigh (once rules of their own): words after a name that
 * make it a company or institution, nouns before one, heads of place names, compass words. Training
 * copies them into the model's word table (bench/train/ner/lexicons.ts), so the shipped model and these
 * lists cannot disagree at run time.
 */

/** Words after a name that make it a company or institution ("Ruch SA", "Commerce Department"). */
export const ORG_SUFFIXES = (
  'inc inc. corp corp. corporation co co. ltd ltd. plc llc sa s.a. spa ag nv bv gmbh ab asa oyj group ' +
  'holdings international ministry department agency bank company association union council committee ' +
  'federation party institute foundation authority commission daily newspaper weekly club league ' +
  'university college school hospital court army navy police times post news network press studios ' +
  'fc united city airlines airways motors industries images studios pictures records media entertainment ' +
  'films productions labs technologies systems partners capital ventures solutions networks communications ' +
  'brands foods energy pharmaceuticals'
).split(' ');

/** Lower-case nouns before a name that make it an organisation ("news agency Tanjug", "chain Ruch"). */
export const ORG_NOUNS = (
  'agency company firm group maker producer carrier newspaper daily weekly magazine club team bank ' +
  'insurer retailer broker airline chain distributor consortium manufacturer conglomerate station ' +
  'network channel operator exporter importer utility subsidiary publisher brewer miner automaker ' +
  'ministry party broadcaster'
).split(' ');

/** Lower-case words after a place name that belong to it ("Kursk region"). */
export const PLACE_HEADS = 'region province oblast district county state city island islands'.split(' ');

/** Compass words before a place ("western Russia"). */
export const DIRECTIONS = 'northern southern eastern western central north south east west'.split(' ');

/** Lower-case particles inside names ("van", "de", "bin"). */
export const PARTICLES = 'van von de del della der den da di du dos das le la bin ibn al ter ten'.split(' ');
