/**
 * Text → Workload: reads a workload described in chat ("20 MB documents, results within 30 minutes,
 * about 500 a day") plus optional `key=value` hints, and normalises units (bytes, seconds, per day).
 * Pure and total: any string in, a Workload out; nothing here throws on odd input.
 */

export type InferenceOption =
  | 'real-time'
  | 'serverless'
  | 'async'
  | 'batch'
  | 'multi-model'
  | 'multi-container';

/** A quantity as the person said it: `low..high` in base units (bytes or seconds). */
export interface Amount {
  low: number;
  high: number;
  /** "over 6 MB" is open above: the real value exceeds `high`; "under 4 MB" is open below. */
  open?: 'above' | 'below';
  said: string;
  /** Offsets into `Workload.text` (the normalised text that was read). */
  at: [number, number];
}

export interface Count {
  value: number;
  said: string;
}

export type Pattern = 'steady' | 'spiky' | 'intermittent' | 'batch' | 'peaks' | 'business-hours';

export interface Workload {
  /** The normalised text that was read (NFKC, ASCII lower-cased, cut at MAX_CHARS). */
  text: string;
  truncated: boolean;
  payload?: Amount;
  /** "large documents", "tiny JSON": a size in words when no figure is given. */
  payloadWord?: 'small' | 'large';
  modelSize?: Amount;
  memory?: Amount;
  dataVolume?: Amount;
  processing?: Amount;
  deadline?: Amount;
  /** true: the caller waits for the answer in the same call; false: it can wait or be notified. */
  sync?: boolean;
  lowLatency: boolean;
  coldStartOk?: boolean;
  perDay?: Count;
  records?: Count;
  concurrency?: Count;
  patterns: Set<Pattern>;
  idleCost: boolean;
  costSensitive: boolean;
  gpu?: boolean;
  models?: Count;
  multiTenant: boolean;
  sameFramework?: boolean;
  frameworks: string[];
  chain: boolean;
  containers?: Count;
  /** Inference options the text names, and the one it says is already in use. */
  mentioned: Set<InferenceOption>;
  current?: InferenceOption;
  /** Every keyword flag that matched (not negated). Decisions read these. */
  flags: Set<string>;
  hints: Record<string, string>;
  /** Things the parser could not read, phrased for the person ("I couldn't read ..."). */
  notes: string[];
}

/** Longer input is cut: chat messages are short, and the parser must stay fast on pasted logs. */
export const MAX_CHARS = 20_000;

const KB = 1024;
const MB = 1024 * KB;
const GB = 1024 * MB;
const MIN = 60;
const HOUR = 3600;
const DAY = 86_400;

const NUM = String.raw`(\d{1,3}(?:,\d{3})+(?:\.\d+)?|\d+(?:\.\d+)?|\.\d+)`;
const WORD_NUMBERS: Record<string, number> = {
  a: 1,
  an: 1,
  'a hundred': 100,
  'a few': 3,
  few: 3,
  'a couple of': 2,
  'a couple': 2,
  several: 5,
  'half an': 0.5,
  'half a': 0.5,
  'a half': 0.5,
  'a quarter of an': 0.25,
  'quarter of an': 0.25,
  'a dozen': 12,
};
/** Cardinals in words, compound ones included: "twenty-five", "forty five", "three hundred". */
const ONES = 'one|two|three|four|five|six|seven|eight|nine';
const TEENS = 'ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen';
const TENS = 'twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety';
const CARDINAL = String.raw`(?:(?:${TENS})(?:[- ](?:${ONES}))?|${TEENS}|${ONES})(?:\s+hundred)?`;
const WORD_NUM = `(half an|half a|a half|a quarter of an|quarter of an|a few|a couple of|a couple|a dozen|several|a hundred|${CARDINAL}|an|a)(?![a-z])`;
const CARDINAL_VALUES: Record<string, number> = {
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
};

/** "twenty-five" → 25, "three hundred" → 300; NaN when a word is not a cardinal. */
function cardinal(s: string): number {
  let n = 0;
  let seen = false;
  for (const part of s.split(/[\s-]+/)) {
    if (!part || part === 'and') continue;
    if (part === 'hundred') {
      n = (seen ? n : 1) * 100;
    } else {
      const v = CARDINAL_VALUES[part];
      if (v === undefined) return Number.NaN;
      n += v;
    }
    seen = true;
  }
  return seen ? n : Number.NaN;
}

const SIZE_UNITS: [RegExp, number][] = [
  [/^(tib|tb|terabytes?)$/, 1024 * GB],
  [/^(gib|gb|gigabytes?|gigs?)$/, GB],
  [/^(mib|mb|megabytes?|megs?)$/, MB],
  [/^(kib|kb|kilobytes?)$/, KB],
  [/^bytes?$/, 1],
];
const SIZE_UNIT =
  '(tib|tb|terabytes?|gib|gb|gigabytes?|gigs?|mib|mb|megabytes?|megs?|kib|kb|kilobytes?|bytes?)';
const SIZE_RE = new RegExp(
  String.raw`(?<![\w.])${NUM}(?:\s*(?:-|to|and)\s*${NUM})?\s*-?\s*${SIZE_UNIT}(?![a-z0-9])`,
  'g',
);
/** "half a GB", "forty to ninety MB", "a few megabytes". */
const WORD_SIZE_RE = new RegExp(
  String.raw`\b${WORD_NUM}(?:\s*(?:-|to|and)\s*${WORD_NUM})?\s+(kilobytes?|megabytes?|gigabytes?|kib|kb|mib|mb|gib|gb)(?![a-z0-9])`,
  'g',
);

const DURATION_UNITS: [RegExp, number][] = [
  [/^(milliseconds?|millis|msecs?|ms)$/, 0.001],
  [/^(seconds?|secs?|s)$/, 1],
  [/^(minutes?|mins?)$/, MIN],
  [/^(hours?|hrs?|h)$/, HOUR],
  [/^days?$/, DAY],
  [/^(weeks?|wks?)$/, 7 * DAY],
];
const DURATION_UNIT =
  '(milliseconds?|millis|msecs?|ms|seconds?|secs?|s|minutes?|mins?|hours?|hrs?|h|days?|weeks?|wks?)';
const DURATION_RE = new RegExp(
  String.raw`(?<![\w.])${NUM}(?:\s*(?:-|to)\s*${NUM})?\s*-?\s*${DURATION_UNIT}(?![a-z0-9])`,
  'g',
);
const WORD_DURATION_RE = new RegExp(
  String.raw`\b${WORD_NUM}(?:\s*(?:-|to|and|or)\s*${WORD_NUM})?\s+(milliseconds?|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?)(\s+and\s+a\s+half|\s+or\s+(?:two|three|so))?(?![a-z0-9])`,
  'g',
);
/** "1h30m", "1 hr 30 min", "2 hours and 15 minutes", "1m30s": one duration, not two. */
const COMPOUND_DURATION_RE = new RegExp(
  String.raw`(?<![\w.])${NUM}\s*(?:(h|hrs?|hours?)\s*(?:and\s*)?${NUM}\s*(?:m|mins?|minutes?)|(m|mins?|minutes?)\s*(?:and\s*)?${NUM}\s*(?:s|secs?|seconds?))(?![a-z0-9])`,
  'g',
);
/** Deadlines people give without a number. */
const DEADLINE_WORDS: [RegExp, number][] = [
  [/\b(overnight|by (?:the )?(?:next )?morning|before (?:the )?morning)\b/g, 12 * HOUR],
  [/\b(next day|end of (?:the )?day|same day|within a day|by tomorrow)\b/g, DAY],
];

/** "80 studies on a busy day": a rate per day, like "per day". */
const TYPICAL_DAY = `(?:on|in) an? (?:busy|typical|normal|good|bad|average|slow|quiet|peak|regular|given) `;
const MULTIPLIERS: Record<string, number> = {
  hundred: 100,
  k: 1e3,
  thousand: 1e3,
  m: 1e6,
  mn: 1e6,
  million: 1e6,
  b: 1e9,
  bn: 1e9,
  billion: 1e9,
};
const MULT = String.raw`(?:\s*(k|thousand|mn|million|m|bn|billion|b)(?![a-z]))?`;
const RATE_RE = new RegExp(
  String.raw`(?<![\w.$])${NUM}${MULT}\s*((?:[a-z][a-z'-]*\s+){0,3}?(?:[a-z][a-z'-]*(?=\/))?)(?:per|an?|each|every|\/|${TYPICAL_DAY})\s*(second|sec|s|minute|min|hour|hr|h|day|night|week|month)\b`,
  'g',
);
const WORD_QUANTITY: Record<string, number> = {
  'a few': 3,
  few: 3,
  several: 5,
  'a couple of': 2,
  'a handful of': 5,
  'a dozen': 12,
  'dozens of': 36,
  'hundreds of': 300,
  'thousands of': 3000,
  'millions of': 3e6,
};
const WORD_RATE_RE = new RegExp(
  String.raw`\b(a few|few|several|a couple of|a handful of|a dozen|dozens of|hundreds of|thousands of|millions of|${CARDINAL})(?:\s+(hundred|thousand|million))?\s+(?:[a-z][a-z'-]*\s+){0,3}?(?:[a-z][a-z'-]*(?=\/))?(?:per|an?|each|every|\/|${TYPICAL_DAY})\s*(second|sec|minute|min|hour|hr|day|night|week|month)\b`,
  'g',
);
const RPS_RE = new RegExp(
  String.raw`(?<![\w.])${NUM}${MULT}\s*(rps|tps|qps|req\/s|requests\/s|rpm|requests\/min)\b`,
  'g',
);
const PERIOD_PER_DAY: Record<string, number> = {
  second: DAY,
  sec: DAY,
  s: DAY,
  minute: 1440,
  min: 1440,
  hour: 24,
  hr: 24,
  h: 24,
  day: 1,
  night: 1,
  week: 1 / 7,
  month: 1 / 30,
};
const RECORDS_RE = new RegExp(
  String.raw`(?<![\w.$])${NUM}${MULT}\s*(?:[a-z][a-z-]*\s+){0,2}?(records|rows|items|customers|transactions|predictions|samples|images|documents|files|products|accounts|events|entries)\b`,
  'g',
);
const MODELS_RE = new RegExp(
  String.raw`(?<![\w.])(?:${NUM}${MULT}|(two|three|four|five|six|seven|eight|nine|ten|twelve|twenty|fifty|hundreds of|thousands of|dozens of))\s*(?:[a-z][a-z/-]*\s+){0,3}?models\b`,
  'g',
);
const CONTAINERS_RE = new RegExp(
  String.raw`(?<![\w.])(?:${NUM}|(two|three|four|five|six|seven|eight|nine|ten|twenty))\s*(?:[a-z][a-z-]*\s+){0,2}?containers\b`,
  'g',
);
const CONCURRENCY_RE = new RegExp(
  String.raw`(?:(?<![\w.])${NUM}${MULT}\s*(?:concurrent|simultaneous|parallel)|concurrency (?:of |is |=)?(?:about |around |~)?${NUM})`,
  'g',
);

const UNIT_WORD =
  /\b(tib|tb|gib|gb|mib|mb|kib|kb|bytes?|ms|seconds?|secs?|minutes?|mins?|hours?|hrs?|days?|weeks?|%)\b/;

/** A keyword flag; `neg` is the flag a negated match sets instead ("not latency sensitive"). */
interface FlagRule {
  flag: string;
  re: RegExp;
  neg?: string;
  /** A topic is raised by naming it, negated or not ("never traverse the internet" is about networking). */
  topic?: boolean;
}

const FLAG_RULES: FlagRule[] = [
  {
    flag: 'sync',
    neg: 'wait',
    re: /\b(real[- ]?time|synchronous(?:ly)?|immediate(?:ly)?|instant(?:ly|aneous(?:ly)?)?(?! ?roll)|right away|live (?:predictions?|scoring|inference|answers?)|interactive(?:ly)?|(?:stare|stares|staring|look(?:s|ing)?|wait(?:s|ing)?) at (?:the|their|a) screens?|(?:watch|watches|watching|see|sees) (?:a |the )?(?:spinner|loading)|user[- ]facing|customer[- ]facing|in the request path|online (?:predictions?|inference|scoring)|while (?:the )?(?:users?|customers?) waits?|(?:users?|customers?|callers?|clients?|people) (?:waits?|(?:is|are) waiting)(?: for (?:the |an? )?(?:answer|result|response|prediction)s?)?|chat ?bots?|web ?apps?|mobile apps?|checkout|rest api|http api|an api|api calls?|behind an api|time[- ]sensitive|on the fly|(?:can'?t|cannot) wait)\b/g,
  },
  {
    flag: 'low-latency',
    neg: 'latency-tolerant',
    re: /\b(low[- ]latency|latency[- ]sensitive|latency[- ]critical|milliseconds?|sub[- ]?second|consistent latency|predictable latency|ultra[- ]low|as fast as possible|tight latency|strict latency|latency sla|fraud detection)\b/g,
  },
  {
    flag: 'latency-tolerant',
    re: /\b((?:extra |some |higher |more |added |a bit of )?(?:latency|delay) (?:is|are) (?:fine|ok|okay|acceptable|not a problem)|(?:ok|okay|fine) with (?:some |a bit of )?(?:extra |added )?(?:latency|delay)|tolerates? (?:some )?(?:latency|delay))\b/g,
  },
  {
    flag: 'wait',
    neg: 'sync',
    re: /\b(can wait|could wait|is (?:fine|ok|okay) to wait|not urgent|no rush|asynchronously|async is fine|queue (?:them|requests|it)|later|eventually|notif(?:y|ied|ies|ication|ications)|sns|email (?:them |us |me )?when|tolerat\w* (?:some )?(?:latency|delay)|delays? (?:is|are) (?:fine|ok|acceptable)|offline|fire and forget|callbacks?|webhooks?|poll(?:s|ing)? for|nobody (?:sits |is |will be |needs to be )?wait\w*|no one (?:sits |is )?wait\w*|(?:pings?|e-?mails?|texts?|alerts?|messages?) (?:them|us|me|the (?:user|customer|team|client)s?) when|e-?mail\w* (?:[a-z]+ ){0,2}when|(?:ok|okay|fine|happy) (?:with )?waiting|pick(?:ed)? up later)\b/g,
  },
  {
    flag: 'cold-start-ok',
    re: /\b(cold starts? (?:is|are) (?:fine|ok|okay|acceptable|tolerable)|(?:ok|okay|fine) with (?:a |some )?cold starts?|tolerates? (?:a |some )?cold starts?|a few seconds (?:of (?:delay|latency) )?(?:is|are) (?:fine|ok|okay|acceptable))\b/g,
  },
  {
    flag: 'cold-start-bad',
    re: /\b(cold starts? (?:would |will |could |might |can )?(?:annoy|hurt|frustrate|irritate|upset|ruin|kill|be (?:a problem|bad|painful|a deal ?breaker|unacceptable))\w*|(?:hate|dislike|can'?t stand) (?:the )?cold starts?|no cold starts?|avoid (?:any )?cold starts?|(?:can'?t|cannot) (?:afford|tolerate|accept) (?:a |any )?cold starts?|cold starts? (?:is|are) (?:not |un)acceptable|cold starts? (?:is|are) not (?:ok|okay|fine|tolerable|an option|allowed)|without cold starts?)\b/g,
  },
  {
    flag: 'steady',
    re: /\b(steady|constant|consistent (?:traffic|load|volume|stream)|continuous(?:ly)?|24\/7|24x7|around the clock|all day long|sustained|high[- ]traffic|heavy traffic|high[- ]volume|high throughput|always busy|stable (?:traffic|load)|even (?:traffic|load)|thousands of requests per|millions of requests)\b/g,
  },
  {
    flag: 'spiky',
    re: /\b(spiky|spikes?|spiking|bursty|bursts?|unpredictable|sudden(?:ly)?|surges?|variable (?:traffic|load|demand)|fluctuat\w*|erratic|peaky|(?:in|come in) waves|viral)\b/g,
  },
  {
    flag: 'intermittent',
    re: /\b(intermittent(?:ly)?|sporadic(?:ally)?|infrequent(?:ly)?|occasional(?:ly)?|rarely|now and then|few times (?:a|per) (?:day|week|month)|handful of|idle|quiet (?:periods?|hours|nights|times)|long gaps|gaps between|low traffic|light traffic|low volume|little traffic|dev(?:\/| and | or )test|test environment|proof[- ]of[- ]concept|poc|prototype|demo|pay[- ]per[- ](?:use|request|invocation)|pay (?:only )?(?:for|when) (?:what|it'?s|used|use)|no traffic|hours without|(?:traffic|volume|usage|load|demand)(?: is|'s| are)? (?:very |v |pretty |really |quite |fairly |super )?(?:low|light|small|tiny|minimal|sparse)|(?:pretty|mostly|very|fairly|otherwise(?: it'?s)?(?: pretty)?) quiet|almost no (?:traffic|requests|calls|usage|load)|(?:barely|rarely|seldom) (?:used|called|hit))\b/g,
  },
  {
    flag: 'batch',
    re: /\b(nightly|every night|each night|overnight|batch (?:job|scoring|inference|predictions?|process\w*)|bulk|entire dataset|whole dataset|full dataset|(?:entire|whole|full) (?:table|file|catalog|database)|all (?:the |our |of our )?(?:records|rows|customers|files|documents|products|users|accounts)|offline (?:scoring|predictions?|inference)|pre-?compute\w*|backfill\w*|once a (?:day|week|month)|(?:weekly|monthly|daily) (?:scoring|job|run|batch|export|report)|dataset (?:in|on|from) s3|files? (?:in|on) s3|csv files?|parquet|data lake|score (?:the|a|all|our|every)|scoring (?:the|all|every))\b/g,
  },
  {
    flag: 'peaks',
    re: /\b(every (?:weekday|morning|monday|friday|evening|day at)|weekdays? at|at \d{1,2}(?::\d\d)? ?(?:am|pm)|(?<![-\d] ?)\d{1,2}(?::\d\d)? ?(?:am|pm)(?! ?(?:-|to|until|till) ?\d)|black friday|cyber monday|holiday (?:season|sales?|peaks?)|known (?:peaks?|events?|schedule)|predictable (?:peaks?|spikes?|pattern|traffic|schedule|load)|scheduled (?:events?|campaigns?|sales?|promotions?)|end of (?:the )?month|month[- ]end|lunch ?time|same time every|each morning|every morning|daily peak|morning peak|evening peak|peak hours|(?:tax|holiday|shopping|exam|enrol+ment|back[- ]to[- ]school|festive|sales) season|seasonal (?:peaks?|spikes?|traffic|load|demand)|known (?:in advance|ahead(?: of time)?)|(?:planned|expected) (?:peaks?|events?|launch(?:es)?|campaigns?|promotions?))\b/g,
  },
  {
    flag: 'business-hours',
    re: /\b(\d{1,2}(?::\d\d)? ?(?:am|pm)? ?(?:-|to|until|till) ?\d{1,2}(?::\d\d)? ?(?:am|pm)|business hours|office hours|working hours|work hours|9 ?(?:-|to) ?5|during the (?:work ?)?day|daytime|weekdays only)\b/g,
  },
  {
    flag: 'idle-cost',
    re: /\b(idle|nothing (?:at night|overnight|on weekends)|quiet (?:at night|overnight|on weekends)|not (?:to )?pay(?:ing)? for (?:\w+ )?(?:overnight|at night|on weekends|while idle|when idle|when unused|idle)|scale to zero|scales? (?:down |in )?to zero|zero instances|pay (?:nothing|only)|no cost when|(?:minimi[sz]e|reduce|cut|avoid) (?:the )?costs? when|costs? when (?:not|idle|nothing)|pay for idle|paying for idle|pay[- ]per[- ](?:use|request|invocation)|nothing running|no (?:traffic|requests) (?:for|at|most|during|overnight)|most of the (?:day|time) (?:idle|quiet)|when there (?:are|is) no|(?:don'?t|do not|doesn'?t|never) (?:want|like) (?:to )?(?:[a-z]+ ){0,2}(?:idl\w+|sitting idle)|(?:gpus?|instances?|endpoints?|machines?|servers?|fleet) (?:sitting |running )?idl(?:e|ing)|pay(?:s|ing)? for (?:an? |the |our )?(?:[a-z0-9.]+ ){0,2}(?:all (?:weekend|night)|over the weekend|on weekends|overnight|at night)|zero (?:traffic |requests |calls )?(?:on|at|during|over) (?:the )?(?:weekends?|nights?))\b/g,
  },
  {
    flag: 'scale-to-zero',
    re: /\b(scal(?:e|es|ing) (?:down |in |back )?to zero|scale (?:out |up )?from zero|zero instances|min(?:imum)? (?:instance )?(?:count|capacity) (?:of |to |=)?0)\b/g,
  },
  {
    flag: 'cost',
    re: /\b(cheap(?:est|er|ly)?|cost[- ](?:effective|efficient|sensitive|optimi[sz]ed|conscious)|(?:low|lower|lowest|minimal|minimum) cost|budget|save money|reduce costs?|minimi[sz]e costs?|cost matters|inexpensive|economical)\b/g,
  },
  {
    flag: 'gpu',
    neg: 'no-gpu',
    re: /\b(gpus?|cuda|nvidia|a10g?|a100|h100|v100|t4|ml\.g[456]\w*|ml\.p[2345]\w*|g4dn|g5|p4d?|p5)\b/g,
  },
  {
    flag: 'big-dl',
    re: /\b(llms?|large language models?|foundation models?|stable diffusion|diffusion models?|generative|gen ?ai|billions? of parameters|\d+ ?b(?:illion)? param\w*|\d+b (?:model|llm)|vision transformers?|large (?:deep learning|dl|transformer|vision|neural) models?|computer vision models?|deep learning models?|object detection|segmentation model)\b/g,
  },
  {
    flag: 'cpu',
    re: /\b(cpu(?: only| is fine| instances?)?|xgboost|scikit[- ]learn|sklearn|linear learner|random forest|tabular|logistic regression|lightgbm|catboost|small models?|lightweight models?|tiny models?|simple models?|rule[- ]based)\b/g,
  },
  { flag: 'inferentia', re: /\b(inferentia\d?|inf[12]|neuron sdk|neuron)\b/g },
  {
    flag: 'many-models',
    re: /\b((?:one )?models? (?:per |for each |for every |for each of (?:our|the|their|its|these|those|all) (?:[\d,]+ )?)(?:customer|tenant|user|region|store|city|device|client|account|country|site|merchant|shop|market|branch|team|brand|warehouse|hospital|school|partner)s?|(?:customer|tenant|user|region|store|client|city|merchant|shop|site|country)[- ]specific models?|per[- ](?:customer|tenant|user|region|store|client|merchant|city|country|site|device|account) models?|(?:hundreds|thousands|dozens|lots|a large number|a lot) of (?:[a-z0-9-]+ ){0,3}?(?:models|variants|classifiers|forecasters|regressors)|many (?:[a-z0-9-]+ ){0,2}?models|multi[- ]?tenan\w*|each (?:customer|tenant|client|merchant) (?:has|gets) (?:its|their) own model)\b/g,
  },
  {
    flag: 'shared-endpoint',
    re: /\b((?:on|behind|into|onto|in|from|share|sharing) (?:a single|one|the same|a shared|a single shared|one shared) endpoint|(?:one|a single|a shared) endpoint (?:for|to serve|serving|hosting) (?:all|them|these|those|both|every|each|the models)|consolidat\w* (?:[a-z]+ ){0,3}(?:models|endpoints))\b/g,
  },
  {
    flag: 'direct',
    re: /\b(direct (?:mode|invocation)|targetcontainerhostname|(?:called|invoked|used|hit) (?:independently|separately|individually|directly|on (?:its|their) own)|(?:call|invoke) (?:each|them|one) (?:[a-z]+ )?(?:independently|separately|individually|directly))\b/g,
  },
  {
    flag: 'same-framework',
    neg: 'diff-frameworks',
    re: /\b(same (?:framework|algorithm|container|model type|architecture|library)|all (?:xgboost|pytorch|tensorflow|sklearn|scikit-learn|the same type)|similar models|identical (?:framework|architecture)s?|one framework|single framework)\b/g,
  },
  {
    flag: 'diff-frameworks',
    re: /\b(different (?:frameworks?|libraries|model types|algorithms|runtimes|containers|tech stacks?)|mixed frameworks|heterogeneous|various frameworks|multiple frameworks|mix of frameworks)\b/g,
  },
  {
    flag: 'chain',
    re: /\b(inference pipeline|serial (?:pipeline|containers?|steps?|inference)|chain(?:ed)? (?:of )?(?:steps|containers|models)|chain|sequence of (?:steps|containers|models)|(?:separate|own) containers?|(?:different|multiple|several) containers|ensembles?|followed by (?:a|another) (?:model|container)|two[- ]step|multi[- ]step (?:inference|prediction))\b/g,
  },
  { flag: 'prepost', re: /\b(pre-?process\w*|post-?process\w*|feature transform\w*|featuri[sz]ation)\b/g },
  {
    flag: 'rollback',
    re: /\b(instant(?:ly)? roll ?back|instant(?:ly)? revert|roll ?backs?|rolled back|revert\w*|zero[- ]downtime|no downtime|without downtime|safe(?:st|r)? (?:way to )?(?:deploy\w*|rollout|roll out|release|strategy|update)|outage|bad (?:deploy\w*|release|model)|cloudwatch alarms?|alarms?|blue\/green|blue[- ]green|(?:minimi[sz]e|reduce|lower) (?:the )?risk)\b/g,
  },
  {
    flag: 'small-slice',
    re: /\b(canary|small (?:portion|percentage|slice|fraction|subset|share|amount|group|part|%)(?: of)?|subset of (?:users|traffic|requests|customers)|(?:[1-9]|[1-4]\d|50)(?: ?%| percent) of (?:the )?(?:live |production |prod |real )?(?:traffic|users|requests|customers|calls)|(?:[1-9]|[1-4]\d)(?: ?%| percent) (?:to|goes to|on|for) (?:the )?(?:new|candidate|v\d)|then (?:shift |send |move |route )?(?:the rest|the remaining|100 ?%|everything|all (?:of )?(?:the )?traffic)|few (?:percent|users)|first slice|small group of users)\b/g,
  },
  {
    flag: 'equal-steps',
    re: /\b(linear(?:ly)?|equal (?:steps|increments|slices)|(?:fixed|equal|regular|set|even) (?:increments|steps)|increments? of|in (?:\d+ )?steps|\d{1,2} ?% (?:every|each|at a time|per step|increments?|steps?)|every \d+ minutes)\b/g,
  },
  {
    flag: 'gradual',
    re: /\b(gradual(?:ly)?|slowly (?:shift|move|increase|roll|ramp)\w*|progressive(?:ly)?|incremental(?:ly)?|bit by bit|step[- ]by[- ]step|ramp(?:ing)? up|shift (?:the )?traffic|increase (?:its|the|their) (?:traffic|share))\b/g,
  },
  {
    flag: 'no-user-impact',
    re: /\b(shadow\w*|without (?:affecting|impacting|exposing|touching|disturbing|any (?:user|customer) impact|user impact|customer impact|impact(?:ing)? (?:on |to )?(?:users|customers))|no (?:user|customer)[- ]impact|(?:users?|customers?) (?:never|won'?t|don'?t|do not|will not|should not|shouldn'?t|must not) see|not (?:returned|served|shown|visible) to (?:the )?(?:users|customers)|mirror(?:ed|ing)? (?:the |our )?(?:prod(?:uction)? |live |real )?(?:traffic|requests)|(?:users?|customers?) (?:[a-z']+ ){0,3}only (?:ever )?(?:see|get) (?:the )?(?:current|old|existing|production|live)|before (?:it|they) (?:serves?|reach(?:es)?|affects?) (?:any )?(?:users|customers|anyone|anybody)|(?:without|w\/o) (?:any )?(?:users?|customers?) (?:seeing|noticing|knowing|being affected)|compare (?:the |their )?(?:outputs?|predictions?|answers?) offline|copy of (?:the )?(?:production |live |real )?(?:traffic|requests)|challenger|dark launch\w*|before (?:any )?(?:users|customers) see|risk[- ]free)\b/g,
  },
  {
    flag: 'live-validate',
    re: /\b((?:validate|test|evaluate|try|compare|check|run)\w* (?:[a-z0-9.'-]+ ){0,3}?(?:on|against|with) (?:real|live|production|prod|actual) (?:traffic|requests|queries|data|calls|inputs|payloads)|on (?:real|live|production|prod) traffic)\b/g,
  },
  {
    flag: 'compare-metrics',
    re: /\b(a\/b|ab test\w*|a-b test\w*|split test\w*|business metrics?|conversion(?: rate)?s?|click[- ]?through|ctr|engagement|revenue|which (?:model|version|one) (?:performs|converts|does|works) better|compare (?:the )?(?:two|both) models|experiment(?:s|ation)?|two variants|both (?:models|variants) (?:serve|receive|answer|get)|real users (?:see|get) both)\b/g,
  },
  {
    flag: 'low-capacity',
    re: /\b(little (?:spare )?capacity|limited (?:spare )?capacity|no spare capacity|not enough (?:spare )?capacity|capacity (?:is )?(?:limited|tight|constrained|scarce)|(?:can'?t|cannot) (?:afford|run) (?:two|2|a second|double)|double (?:the )?(?:instances|fleet|capacity|cost)|instance (?:quota|limits?)|quotas?|(?:large|big|huge) fleet|\d{2,} instances|gpu (?:capacity|shortage|scarcity)|scarce|mixed versions|in batches)\b/g,
  },
  {
    flag: 'rollout',
    re: /\b(roll ?out|rollout|new (?:model )?version|new model|deployment strateg\w*|updat(?:e|ing) (?:the )?(?:model|endpoint)|releas(?:e|es|ing) (?:a |the )?new|traffic shift\w*|production variants?|upgrad\w*|swap (?:the )?model)\b/g,
  },
  {
    flag: 'deploy',
    re: /\b(deploy(?:ing|ment|ments|s|ed)?|roll ?out|rolling|releas(?:e|es|ing)|new (?:model )?version|new model|updat(?:e|ing) (?:the )?(?:model|endpoint)|upgrad\w*|ship(?:ping)? (?:a|the) new|traffic shift\w*|production variants?)\b/g,
  },
  {
    flag: 'scaling',
    topic: true,
    re: /\b(auto ?-?scal\w*|scal(?:e|es|ing) (?:policy|policies|out|in|up|down)|scaling|scale)\b/g,
  },
  {
    flag: 'fine-control',
    re: /\b(step scaling|finer control|fine[- ]grained (?:control|scaling)|granular (?:control|scaling)|(?:scaling|alarm|metric|multiple|different) thresholds|aggressive(?:ly)? scal\w*|scale (?:out )?(?:more )?aggressively|scale out from zero|from zero|(?:cpu|utili[sz]ation|several|two|three) thresholds|step adjustments?|(?:add|remove) (?:\d+|one|two|three|four|five|ten) (?:more )?instances? (?:above|over|at|when|if|beyond))\b/g,
  },
  {
    flag: 'slow-scaling',
    re: /\b(reacts? too slow\w*|too slow to (?:scale|react)|scal\w* (?:is |are )?(?:too )?slow\w*|lag(?:s|ging)? behind|timeouts? during|throttl\w*|not fast enough)\b/g,
  },
  {
    flag: 'ask-instance',
    topic: true,
    re: /\b(instance (?:type|family|families|class|size)s?|which instances?|what instances?|hardware|accelerators?|cpu or gpu|gpu or cpu|compute[- ]optimi[sz]ed|memory[- ]optimi[sz]ed|ml\.[a-z0-9]+\.[a-z0-9]+|cheapest gpu|gpu option|inferentia\d?|inf[12])\b/g,
  },
  {
    flag: 'ask-container',
    topic: true,
    re: /\b(docker\w*|byoc|bring your own (?:container|image)|script mode|entry ?point|custom (?:image|runtime|container|librar(?:y|ies)|dependenc(?:y|ies)|algorithm|inference code|code)|pre-?built|deep learning containers?|dlcs?|managed containers?|container images?|which container|what container|framework (?:support|container)|unsupported framework|proprietary|c\+\+|(?:written |built )?in r\b|rust|julia)\b/g,
  },
  {
    flag: 'ask-orchestration',
    topic: true,
    re: /\b(orchestrat\w*|workflows?|pipeline steps?|pipeline caching|(?:ml|training|sagemaker|mlops|retraining) pipelines?|pipelines? (?:to|that) (?:train|retrain)|airflow|mwaa|mlflow|kubeflow|step functions?|state machines?|dags?|retrain\w*|train(?:ing)?,? (?:→|->|to|then|and) evaluat\w*|ci\/cd|cicd|codepipeline|mlops)\b/g,
  },
  {
    flag: 'ask-iac',
    topic: true,
    re: /\b(iac|infrastructure as code|cloudformation|cfn|cdk|cloud development kit|terraform|pulumi|hcl|(?:yaml|json) templates?)\b/g,
  },
  {
    flag: 'ask-target',
    topic: true,
    re: /\b(eks|ecs|fargate|kubernetes|k8s|ec2|deployment targets?|where (?:to|should (?:we|i)) (?:host|deploy|run)|unmanaged|self[- ]managed|(?:in|on|with|using|inside|via) (?:aws )?lambda|lambda (?:function )?(?:to serve|for inference|inference))\b/g,
  },
  {
    flag: 'edge',
    re: /\b(edge|iot|on[- ]device|(?:on|to|onto) (?:the |our |their )?(?:devices?|phones?|cameras?)|device fleets?|fleets? of (?:[\d,]+ )?(?:[a-z]+ )?(?:devices|cameras|sensors|robots|vehicles|gateways)|(?:security|smart|traffic|ip) cameras?|doorbells?|drones?|robots?|jetson|raspberry ?pi|greengrass|sagemaker neo|neo|factory floor|offline (?:devices?|sites?)|intermittent connectivity|no connectivity|in the field)\b/g,
  },
  { flag: 'elastic-inference', topic: true, re: /\b(elastic inference|eia\d?|ei accelerators?)\b/g },
  { flag: 'edge-manager', topic: true, re: /\b(edge manager)\b/g },
  {
    flag: 'model-monitor',
    topic: true,
    re: /\b(model monitor|data drift|concept drift|drift\w*|distribution\b[^.;]{0,60}\b(?:shifted|changed|moved)|data quality monitor\w*|model quality monitor\w*|bias drift|feature attribution drift)\b/g,
  },
  {
    flag: 'inference-recommender',
    topic: true,
    re: /\b(inference recommender|best instance type|right[- ]?siz\w*|which instance type|load test\w*|benchmark\w*)\b/g,
  },
  {
    flag: 'model-registry',
    topic: true,
    re: /\b(model registry|version control (?:and|\+) approval|versioning|approval|approve[ds]?|lineage|model catalog)\b/g,
  },
  {
    flag: 'pipeline-caching',
    topic: true,
    re: /\b(caching|cache|reuse (?:unchanged|previous|prior)|skip (?:re-?running|unchanged)|unchanged (?:pipeline )?steps)\b/g,
  },
  {
    flag: 'eventbridge',
    topic: true,
    re: /\b(eventbridge|cloudwatch events|new data (?:arrives|lands|is uploaded|in s3)|when (?:new )?data (?:arrives|lands)|s3 events?|trigger\w* (?:re)?training|on a schedule|cron)\b/g,
  },
  {
    flag: 'cicd',
    topic: true,
    re: /\b(ci\/cd|cicd|codepipeline|codebuild|codedeploy|continuous (?:delivery|integration|deployment))\b/g,
  },
  {
    flag: 'network',
    topic: true,
    re: /\b(vpc|privatelink|private link|traverse the (?:public )?internet|public internet|no internet)\b/g,
  },
  { flag: 'kms', topic: true, re: /\b(kms|encrypt\w*|customer[- ]managed keys?)\b/g },
  {
    flag: 'network-isolation',
    topic: true,
    re: /\b(network isolation|no network access|(?:any )?external resources)\b/g,
  },
  {
    flag: 'quality-gate',
    topic: true,
    re: /\b(automated tests?|unit tests?|integration tests?|regression tests?|quality gates?|degraded models?|prevent deploying|evaluation step|minimum set of (?:automated )?tests)\b/g,
  },
  {
    flag: 'small-payload',
    re: /\b(small|tiny|lightweight|short|compact) (?:payloads?|requests?|json|inputs?|records?|messages?|texts?|feature vectors?)\b/g,
  },
  {
    flag: 'large-payload',
    re: /\b(?:(?:large|big|huge|high[- ]resolution|hi[- ]?res|massive|heavy|multi[- ]page|long) (?:payloads?|files?|documents?|images?|imagery|videos?|inputs?|requests?|scans?|pdfs?|audio|recordings?)|videos?|video files?|satellite imagery|medical (?:scans|images)|audio recordings?)\b/g,
  },
];

const FRAMEWORKS: [string, RegExp][] = [
  ['pytorch', /\b(pytorch|torch)\b/],
  ['tensorflow', /\b(tensorflow|tf2?|keras)\b/],
  ['xgboost', /\bxgboost\b/],
  ['scikit-learn', /\b(scikit[- ]learn|sklearn)\b/],
  ['mxnet', /\bmxnet\b/],
  ['onnx', /\bonnx\b/],
  ['hugging face', /\b(hugging ?face|transformers library|hf(?: transformers)?)\b/],
  ['lightgbm', /\blightgbm\b/],
  ['catboost', /\bcatboost\b/],
  ['spacy', /\bspacy\b/],
  ['fasttext', /\bfast ?text\b/],
];

const OPTION_MENTIONS: [InferenceOption, RegExp][] = [
  ['real-time', /\breal[- ]?time (?:endpoints?|inference|hosting)\b/g],
  ['serverless', /\bserverless (?:endpoints?|inference)\b/g],
  ['async', /\b(?:async|asynchronous) (?:endpoints?|inference)\b/g],
  ['batch', /\bbatch transform\b/g],
  ['multi-model', /\b(?:multi[- ]model endpoints?|mmes?)\b/g],
  ['multi-container', /\b(?:multi[- ]container endpoints?|inference pipelines?)\b/g],
];

const NEGATION =
  /\b(no|not|never|nobody|no one|without|w\/o|don'?t|doesn'?t|didn'?t|isn'?t|aren'?t|won'?t|wouldn'?t|shouldn'?t|dont|doesnt|isnt|arent|nor|neither|no need (?:for|to)|rather than|instead of|avoid|unlike)\b/;
const NEGATION_AFTER =
  /^\s*(?:is |are |was |isn'?t |aren'?t )?(?:not (?:needed|required|necessary|important|a concern|an issue|critical)|unnecessary|optional|irrelevant|isn'?t needed|aren'?t needed)/;

const IDLE_STATE_AFTER =
  /^\s*(?:to )?(?:sit(?:s|ting)? |be |being |stay(?:ing)? |running |left )?(?:idl\w*|running (?:idle|overnight|all|at night|on weekends|when)|(?:on|up) (?:all|over|overnight|at night)|all (?:weekend|night|day)|overnight|at night|on weekends)/;

/** The clause before `at`: negation and context never reach across a sentence or a "but". */
function clauseBefore(text: string, at: number, span: number): string {
  const window = text.slice(Math.max(0, at - span), at);
  const cut = Math.max(
    window.lastIndexOf('.'),
    window.lastIndexOf(';'),
    window.lastIndexOf('!'),
    window.lastIndexOf('?'),
    window.lastIndexOf('\n'),
    window.lastIndexOf(','),
    window.lastIndexOf(' but '),
    window.lastIndexOf(' while '),
  );
  return cut >= 0 ? window.slice(cut + 1) : window;
}

function clauseAfter(text: string, at: number, span: number): string {
  const window = text.slice(at, at + span);
  const m = /[.;!?\n,]| but /.exec(window);
  return m ? window.slice(0, m.index) : window;
}

function isNegated(text: string, start: number, end: number): boolean {
  const before = clauseBefore(text, start, 32);
  const neg = NEGATION.exec(before);
  // "not to pay for GPUs overnight" negates the paying, not the GPU.
  if (neg && !/\b(pay|paying|spend\w*|wast\w+|keep\w*|leav\w+|idle)\b/.test(before.slice(neg.index))) {
    // "don't want GPUs idling", "no instances running overnight": the state is negated, not the thing.
    if (IDLE_STATE_AFTER.test(text.slice(end, end + 40))) return false;
    return true;
  }
  return NEGATION_AFTER.test(text.slice(end, end + 30));
}

/** "pay for GPUs overnight", "idle overnight": a quiet time of day, not an overnight job. */
function idleOvernight(text: string, at: number): boolean {
  return /\b(pay\w*|idle|nothing|quiet|off|down|shut\w*|scal\w+|zero|empty|no (?:traffic|requests)|flat|low|light|slow|dead|calm|drops?|dips?)\b/.test(
    clauseBefore(text, at, 40),
  );
}

function toNumber(s: string | undefined): number {
  if (s === undefined) return Number.NaN;
  if (s in WORD_NUMBERS) return WORD_NUMBERS[s] ?? Number.NaN;
  if (/^[a-z]/.test(s)) return cardinal(s);
  return Number.parseFloat(s.replace(/,/g, ''));
}

function unitFactor(unit: string, table: [RegExp, number][]): number | undefined {
  for (const [re, f] of table) if (re.test(unit)) return f;
  return undefined;
}

/** "up to 5 MB", "over 6 MB", "under 4 MB": the words before a figure that bound it. */
function boundBefore(text: string, start: number): 'above' | 'below' | 'approx' | undefined {
  const before = clauseBefore(text, start, 24);
  if (
    /(?:over|above|more than|greater than|larger than|bigger than|longer than|at least|exceeds?|exceeding|>=?|beyond|upwards of)\s*$/.test(
      before,
    )
  ) {
    return 'above';
  }
  if (
    /(?:under|below|less than|smaller than|shorter than|fewer than|up to|at most|max(?:imum)?|no more than|within|<=?|not more than)\s*$/.test(
      before,
    )
  ) {
    return 'below';
  }
  return undefined;
}

function amount(
  text: string,
  start: number,
  end: number,
  a: number,
  b: number,
  factor: number,
): Amount | undefined {
  if (!Number.isFinite(a) || a < 0) return undefined;
  const lo = Number.isFinite(b) ? Math.min(a, b) : a;
  const hi = Number.isFinite(b) ? Math.max(a, b) : a;
  const out: Amount = {
    low: lo * factor,
    high: hi * factor,
    said: text.slice(start, end).trim(),
    at: [start, end],
  };
  const bound = boundBefore(text, start);
  if (bound === 'above') out.open = 'above';
  if (bound === 'below') {
    out.open = 'below';
    out.low = 0;
  }
  if (!Number.isFinite(out.high)) return undefined;
  return out;
}

type SizeKind = 'payload' | 'model' | 'memory' | 'data';

function sizeKind(text: string, start: number, end: number): SizeKind {
  const before = clauseBefore(text, start, 40);
  const after = clauseAfter(text, end, 30);
  if (/\b(memory|ram|vram|heap)\b/.test(before) || /^\s*(?:of )?(?:memory|ram|vram)\b/.test(after))
    return 'memory';
  if (
    /\b(payloads?|requests?|request body|body|bodies|inputs?|per (?:request|call|image|document|file|item|record))\b/.test(
      before + after,
    )
  ) {
    return 'payload';
  }
  if (
    /^\s*(?:[a-z-]+\s+)?(?:models?|weights|artifacts?|checkpoints?|model\.tar)\b/.test(after) ||
    /\b(models?|weights|artifacts?|checkpoints?)\s+(?:is|are|of|size|weighs|takes up)?\s*(?:about|around|roughly|~)?\s*$/.test(
      before,
    )
  ) {
    return 'model';
  }
  if (
    /\b(datasets?|data sets?|in total|total|tables?|corpus|archive|backlog|data lake|warehouse|per (?:day|night|hour|week|month)|a (?:day|night|week|month)|daily|nightly|every (?:day|night)|each (?:day|night))\b/.test(
      before + after,
    ) ||
    /^\s*(?:of (?:data|records|logs|files|csv|parquet|text))\b/.test(after)
  ) {
    return 'data';
  }
  return 'payload';
}

type DurationKind = 'processing' | 'deadline' | 'interval' | 'other';

const PROCESSING_CONTEXT =
  /\b(takes?|taking|took|processing|process(?:es|ed)?|runs?|running|inference (?:time|takes|is|needs)|compute|computation|execution|job duration|to (?:score|analy[sz]e|transcribe|render|run|process|complete|finish|generate)|(?:per|each) (?!(?:day|night|hour|week|month|minute|second|year|weekday|weekend|time|instance|endpoint|step|batch)s?\b)[a-z]{2,}|long[- ]running|lasts?|duration|inference of|model needs|needs about)\b/g;
const DEADLINE_CONTEXT =
  /\b(within|latency|respond|response|responses|answers?|results?|deadline|sla|slo|turnaround|wait(?:ing)?|ready|back|in under|by|p\d\d|sub|expect\w*|returned|delivered|available|need(?:s|ed)? (?:it|them|the \w+) (?:in|within)|tolerate|acceptable|ok to|fine to|response time|get (?:it|them|an answer|a result))\b/g;
const INTERVAL_CONTEXT =
  /\b(every|each|per|cold starts?|baking|bake|shadow|for the (?:next|last)|ago|retrain\w*|weekly|daily|test for|period|window|cooldown|ttl|keep|retention|history|last|past|lasts? for)\s*$/;

function lastIndexOfRe(s: string, re: RegExp): number {
  let last = -1;
  for (const m of s.matchAll(re)) last = m.index + m[0].length;
  return last;
}

function durationKind(text: string, start: number, end: number, unitFactorValue: number): DurationKind {
  const before = clauseBefore(text, start, 48);
  const after = clauseAfter(text, end, 36);
  const lead = before.replace(/\s*(?:about|around|roughly|~|approx\.?|up to|at least)\s*$/, '');
  if (INTERVAL_CONTEXT.test(lead)) return 'interval';
  // "run the shadow test for 2 weeks" is a period; "a request can run for three hours" is the work.
  if (
    /\brun (?:for|over)\s*$/.test(lead) &&
    !/\b(requests?|jobs?|inferences?|single|each|tasks?|calls?|invocations?|predictions?|processing)\b/.test(
      lead,
    )
  ) {
    return 'interval';
  }
  if (
    /^\s*(?:ago|old|of (?:data|history|logs|retention)|retention|cool ?down|window|baking|bake)\b/.test(after)
  )
    return 'interval';
  // "2-hour audio recordings": the length of the media, not the time to process it.
  if (
    /^\s*(?:long )?(?:audio|video|recordings?|calls?|podcasts?|movies?|clips?|meetings?|sessions?|episodes?|footage|interviews?)\b/.test(
      after,
    )
  ) {
    return 'other';
  }
  // "a 2-hour outage", "15-minute standup": durations of something other than the work.
  if (
    /^\s*(?:(?:or (?:two|so|more) )?of (?:extra |added |additional )?(?:latency|delay)|-?long )?(?:outages?|downtime|incidents?|meetings?|standups?|sprints?|maintenance|breaks?|drive|commute|shifts?)\b/.test(
      after,
    )
  ) {
    return 'other';
  }
  if (
    /^\s*(?:cold start|warm[- ]?up)/.test(after) ||
    /cold starts?\s*(?:of|take|takes|are|is)?\s*(?:about|around|up to)?\s*$/.test(before)
  ) {
    return 'other';
  }
  const p = lastIndexOfRe(before, PROCESSING_CONTEXT);
  const d = lastIndexOfRe(before, DEADLINE_CONTEXT);
  const pAfter = PROCESSING_CONTEXT.exec(after);
  PROCESSING_CONTEXT.lastIndex = 0;
  const dAfter = DEADLINE_CONTEXT.exec(after);
  DEADLINE_CONTEXT.lastIndex = 0;
  // The keyword nearest to the figure decides: "takes 5 minutes, results within 30" splits cleanly.
  const pDist = Math.min(p >= 0 ? before.length - p : 999, pAfter ? pAfter.index + 10 : 999);
  const dDist = Math.min(d >= 0 ? before.length - d : 999, dAfter ? dAfter.index + 10 : 999);
  if (pDist < dDist) return 'processing';
  if (dDist < pDist) return 'deadline';
  // No context: a figure in milliseconds is a latency target; otherwise it is the work's duration only
  // when the clause is about the model or its requests.
  if (unitFactorValue < 1) return 'deadline';
  return /\b(models?|inference|predict\w*|requests?|images?|documents?|files?|videos?|jobs?|calls?|invocations?|scor\w+|transcri\w+)\b/.test(
    before + after,
  )
    ? 'processing'
    : 'other';
}

function mergeMax(prev: Amount | undefined, next: Amount): Amount {
  if (!prev) return next;
  if (next.high > prev.high || (next.high === prev.high && next.open === 'above')) return next;
  return prev;
}

function mergeMin(prev: Amount | undefined, next: Amount): Amount {
  if (!prev) return next;
  return next.high < prev.high ? next : prev;
}

/** Blank out a span, keeping offsets: hints are read once, never twice. */
function blank(s: string, start: number, end: number): string {
  return s.slice(0, start) + ' '.repeat(end - start) + s.slice(end);
}

/** Length-preserving normalisation, so offsets into `text` stay meaningful. */
function normalise(input: string): string {
  let t: string;
  try {
    t = input.normalize('NFKC');
  } catch {
    t = input;
  }
  return (
    t
      .replace(/[A-Z]/g, (c) => c.toLowerCase())
      .replace(/[\u2018\u2019\u02bc]/g, "'")
      .replace(/[\u201c\u201d]/g, '"')
      .replace(/[\u2010-\u2015\u2212]/g, '-')
      .replace(/[\u00a0\u2000-\u200b\u3000]/g, ' ')
      // A line wrapped mid-sentence in a pasted paragraph is one sentence; lists and paragraphs stay apart.
      .replace(/([a-z0-9,)%])\r?\n(?=[ \t]*[a-z(~"'])/g, (m, c: string) => `${c}${' '.repeat(m.length - 1)}`)
  );
}

const HINT_RE = /(?:^|[\s,;(])([a-z][a-z_.-]{0,30})\s*=\s*("[^"\n]{0,80}"|'[^'\n]{0,80}'|[^\s,;)]{1,80})/g;

const HINT_ALIASES: Record<string, string> = {
  payload: 'payload',
  size: 'payload',
  payload_size: 'payload',
  request_size: 'payload',
  input: 'payload',
  latency: 'deadline',
  deadline: 'deadline',
  sla: 'deadline',
  response_time: 'deadline',
  wait: 'deadline',
  processing: 'processing',
  processing_time: 'processing',
  duration: 'processing',
  runtime: 'processing',
  inference_time: 'processing',
  timeout: 'processing',
  traffic: 'traffic',
  pattern: 'traffic',
  load: 'traffic',
  volume: 'volume',
  requests: 'volume',
  rate: 'volume',
  gpu: 'gpu',
  models: 'models',
  tenants: 'models',
  framework: 'framework',
  frameworks: 'framework',
  containers: 'containers',
  steps: 'containers',
  rollout: 'rollout',
  strategy: 'rollout',
  deploy: 'rollout',
  capacity: 'capacity',
  idle: 'idle',
  edge: 'edge',
  sync: 'sync',
  memory: 'memory',
};

const TRUE_WORDS = /^(yes|y|true|1|on|needed|required|need|sure)$/;
const FALSE_WORDS = /^(no|n|false|0|off|none|not-needed|unneeded|never)$/;

/** Parse a `key=value` hint; returns a note for the person when the value can't be read. */
function applyHint(w: Workload, key: string, rawValue: string, at: number): string | undefined {
  const value = rawValue.replace(/^["']|["']$/g, '').trim();
  const k = HINT_ALIASES[key.replace(/-/g, '_')];
  const span: [number, number] = [at, at + key.length + 1 + rawValue.length];
  const said = `${key}=${rawValue}`;
  if (!k)
    return `I didn't use the hint "${said}": I know payload, processing, latency, traffic, volume, gpu, models, framework, containers, rollout, capacity, idle, memory and edge.`;
  const sizeOf = (): Amount | undefined => {
    const m = /^(?:<|>|<=|>=|~)?\s*(\d+(?:\.\d+)?|\.\d+)(?:\s*-\s*(\d+(?:\.\d+)?))?\s*([a-z]+)?$/.exec(value);
    if (!m) return undefined;
    const f = unitFactor(m[3] ?? 'mb', SIZE_UNITS);
    if (f === undefined) return undefined;
    const a = toNumber(m[1]);
    const b = m[2] === undefined ? a : toNumber(m[2]);
    const out: Amount = { low: Math.min(a, b) * f, high: Math.max(a, b) * f, said, at: span };
    if (value.startsWith('>')) out.open = 'above';
    if (value.startsWith('<')) out.open = 'below';
    return Number.isFinite(out.high) ? out : undefined;
  };
  const durationOf = (): Amount | undefined => {
    const named = /^(overnight|morning|next-?day|tomorrow|realtime|real-time|instant|immediate|sync)$/.exec(
      value,
    );
    if (named) {
      const s = /^(overnight|morning)$/.test(value)
        ? 12 * HOUR
        : /^(next-?day|tomorrow)$/.test(value)
          ? DAY
          : 1;
      return { low: s, high: s, said, at: span };
    }
    const m = /^(?:<|>|<=|>=|~)?\s*(\d+(?:\.\d+)?|\.\d+)(?:\s*-\s*(\d+(?:\.\d+)?))?\s*([a-z]+)?$/.exec(value);
    if (!m) return undefined;
    const f = m[3] === 'm' ? MIN : unitFactor(m[3] ?? 's', DURATION_UNITS);
    if (f === undefined) return undefined;
    const a = toNumber(m[1]);
    const b = m[2] === undefined ? a : toNumber(m[2]);
    const out: Amount = { low: Math.min(a, b) * f, high: Math.max(a, b) * f, said, at: span };
    if (value.startsWith('>')) out.open = 'above';
    if (value.startsWith('<')) out.open = 'below';
    return Number.isFinite(out.high) ? out : undefined;
  };
  switch (k) {
    case 'payload': {
      const a = sizeOf();
      if (!a) return `I couldn't read "${said}" as a payload size; try "payload=20MB".`;
      w.payload = a;
      return undefined;
    }
    case 'memory': {
      const a = sizeOf();
      if (!a) return `I couldn't read "${said}" as a memory size; try "memory=8GB".`;
      w.memory = a;
      return undefined;
    }
    case 'deadline': {
      if (/^(async|can-?wait|whenever|none|any|relaxed|offline|batch)$/.test(value)) {
        w.sync = false;
        return undefined;
      }
      if (/^(low|realtime|real-time|instant|immediate|sync|ms|fast|strict|tight)$/.test(value)) {
        w.sync = true;
        w.lowLatency = true;
        return undefined;
      }
      const a = durationOf();
      if (!a) return `I couldn't read "${said}" as a time; try "latency=30m" or "latency=200ms".`;
      w.deadline = a;
      return undefined;
    }
    case 'processing': {
      const a = durationOf();
      if (!a) return `I couldn't read "${said}" as a processing time; try "processing=5m".`;
      w.processing = a;
      return undefined;
    }
    case 'traffic': {
      const map: Record<string, Pattern> = {
        steady: 'steady',
        constant: 'steady',
        continuous: 'steady',
        high: 'steady',
        spiky: 'spiky',
        bursty: 'spiky',
        burst: 'spiky',
        unpredictable: 'spiky',
        variable: 'spiky',
        intermittent: 'intermittent',
        sporadic: 'intermittent',
        infrequent: 'intermittent',
        rare: 'intermittent',
        low: 'intermittent',
        occasional: 'intermittent',
        nightly: 'batch',
        batch: 'batch',
        bulk: 'batch',
        daily: 'batch',
        weekly: 'batch',
        dataset: 'batch',
        peaks: 'peaks',
        predictable: 'peaks',
        scheduled: 'peaks',
        'business-hours': 'business-hours',
        business: 'business-hours',
      };
      let used = false;
      for (const part of value.split(/[+,/|]/)) {
        const p = map[part.trim()];
        if (p) {
          w.patterns.add(p);
          used = true;
        }
      }
      return used
        ? undefined
        : `I couldn't read "${said}"; traffic can be steady, spiky, intermittent, nightly or peaks.`;
    }
    case 'volume': {
      const m =
        /^(\d[\d,]*(?:\.\d+)?)\s*(k|m|b)?\s*(?:\/|per|-)?\s*(s|sec|second|min|minute|h|hr|hour|d|day|night|w|week|month)?$/.exec(
          value,
        );
      if (!m) return `I couldn't read "${said}" as a volume; try "volume=500/day".`;
      const n = toNumber(m[1]) * (m[2] ? (MULTIPLIERS[m[2]] ?? 1) : 1);
      const per = m[3] ?? 'day';
      const f = PERIOD_PER_DAY[per] ?? (per === 'd' ? 1 : per === 'w' ? 1 / 7 : 1);
      w.perDay = { value: n * f, said };
      return undefined;
    }
    case 'gpu':
      if (TRUE_WORDS.test(value)) w.gpu = true;
      else if (FALSE_WORDS.test(value) || value === 'cpu') w.gpu = false;
      else if (/^(inf|inf2|inferentia)$/.test(value)) w.flags.add('inferentia');
      else return `I couldn't read "${said}"; try "gpu=yes" or "gpu=no".`;
      w.flags.add('ask-instance');
      return undefined;
    case 'models': {
      const n = toNumber(value.replace(/k$/, '000'));
      if (!Number.isFinite(n) || n < 0)
        return `I couldn't read "${said}" as a number of models; try "models=200".`;
      w.models = { value: n, said };
      if (n >= 2) w.multiTenant = true;
      return undefined;
    }
    case 'framework':
      if (/^(same|one|single|shared)$/.test(value)) w.sameFramework = true;
      else if (/^(different|mixed|many|multiple|various)$/.test(value)) w.sameFramework = false;
      else {
        const names = value.split(/[+,/|]/).filter(Boolean);
        if (names.length > 1) w.sameFramework = false;
        for (const n of names) if (!w.frameworks.includes(n)) w.frameworks.push(n);
      }
      return undefined;
    case 'containers': {
      const n = toNumber(value);
      if (!Number.isFinite(n) || n < 0)
        return `I couldn't read "${said}" as a number of containers; try "containers=3".`;
      w.containers = { value: n, said };
      if (n >= 2) w.chain = true;
      return undefined;
    }
    case 'rollout': {
      const map: Record<string, string> = {
        canary: 'small-slice',
        linear: 'equal-steps',
        rolling: 'low-capacity',
        shadow: 'no-user-impact',
        ab: 'compare-metrics',
        'a/b': 'compare-metrics',
        'ab-test': 'compare-metrics',
        'blue-green': 'rollback',
        bluegreen: 'rollback',
        'all-at-once': 'rollback',
        rollback: 'rollback',
        safe: 'rollback',
        gradual: 'gradual',
      };
      const flag = map[value];
      if (!flag)
        return `I couldn't read "${said}"; rollout can be canary, linear, rolling, shadow, ab or blue-green.`;
      w.flags.add(flag);
      w.flags.add('rollout');
      if (value === 'all-at-once' || value === 'blue-green' || value === 'bluegreen')
        w.flags.add('all-at-once');
      return undefined;
    }
    case 'capacity':
      if (/^(low|little|limited|tight|none|scarce)$/.test(value)) {
        w.flags.add('low-capacity');
        w.flags.add('rollout');
      }
      return undefined;
    case 'idle':
      if (TRUE_WORDS.test(value) || /^(often|mostly|long|zero)$/.test(value)) {
        w.idleCost = true;
        w.patterns.add('intermittent');
      }
      return undefined;
    case 'edge':
      if (TRUE_WORDS.test(value)) w.flags.add('edge');
      return undefined;
    case 'sync':
      if (TRUE_WORDS.test(value)) w.sync = true;
      else if (FALSE_WORDS.test(value)) w.sync = false;
      return undefined;
    default:
      return undefined;
  }
}

function emptyWorkload(text: string, truncated: boolean): Workload {
  return {
    text,
    truncated,
    lowLatency: false,
    patterns: new Set(),
    idleCost: false,
    costSensitive: false,
    multiTenant: false,
    frameworks: [],
    chain: false,
    mentioned: new Set(),
    flags: new Set(),
    hints: {},
    notes: [],
  };
}

/** Parse chat text into a Workload. Total: never throws, whatever the input. */
export function parseWorkload(input: unknown): Workload {
  const raw = typeof input === 'string' ? input : '';
  const truncated = raw.length > MAX_CHARS;
  const cut = truncated ? raw.slice(0, MAX_CHARS) : raw;
  const text = normalise(cut);
  const w = emptyWorkload(text, truncated);
  try {
    readInto(w);
    // Quote figures as the person typed them when normalising kept the offsets.
    if (cut.length === text.length) {
      for (const a of [w.payload, w.processing, w.deadline, w.modelSize, w.memory, w.dataVolume]) {
        if (a) a.said = cut.slice(a.at[0], a.at[1]).trim() || a.said;
      }
    }
  } catch {
    // A parser bug must never reach the person: answer from what was read so far.
    w.notes.push('Part of that message confused me; the answer uses what I could read.');
  }
  return w;
}

function readInto(w: Workload): void {
  let t = w.text;

  // Hints first, then blank them out so the free-text pass doesn't read them twice.
  const hintSpans: [number, number][] = [];
  for (const m of t.matchAll(HINT_RE)) {
    const key = m[1] ?? '';
    const value = m[2] ?? '';
    const at = m.index + m[0].indexOf(key);
    w.hints[key] = value.replace(/^["']|["']$/g, '');
    const note = applyHint(w, key, value, at);
    if (note && w.notes.length < 8) w.notes.push(note);
    hintSpans.push([at, m.index + m[0].length]);
  }
  for (const [s, e] of hintSpans) t = blank(t, s, Math.min(e, t.length));

  // Keyword flags, each with its negation ("no GPU", "not latency sensitive", "GPU isn't needed").
  for (const rule of FLAG_RULES) {
    for (const m of t.matchAll(rule.re)) {
      if (m[0] === 'overnight' && idleOvernight(t, m.index)) continue;
      const negated = isNegated(t, m.index, m.index + m[0].length);
      if (!negated || rule.topic) w.flags.add(rule.flag);
      else if (rule.neg) w.flags.add(rule.neg);
    }
  }
  const f = w.flags;
  // "test it on live traffic" is a shadow test only when nothing else says how users are exposed.
  if (
    f.has('live-validate') &&
    !['small-slice', 'equal-steps', 'compare-metrics', 'low-capacity'].some((x) => f.has(x))
  ) {
    f.add('no-user-impact');
  }

  // Sizes.
  for (const m of t.matchAll(SIZE_RE)) {
    const factor = unitFactor(m[3] ?? '', SIZE_UNITS);
    if (factor === undefined) continue;
    const a = amount(t, m.index, m.index + m[0].length, toNumber(m[1]), toNumber(m[2]), factor);
    if (a) addSize(w, t, a);
  }
  for (const m of t.matchAll(WORD_SIZE_RE)) {
    const unit = m[3] ?? '';
    const factor = unitFactor(unit.replace(/s$/, ''), SIZE_UNITS) ?? unitFactor(unit, SIZE_UNITS);
    if (factor === undefined) continue;
    const a = amount(t, m.index, m.index + m[0].length, toNumber(m[1]), toNumber(m[2]), factor);
    if (a) addSize(w, t, a);
  }
  if (!w.payload) {
    if (f.has('large-payload')) w.payloadWord = 'large';
    else if (f.has('small-payload')) w.payloadWord = 'small';
  }

  // Durations. Compound ones first ("1h30m"), so their parts are not read again on their own.
  const compound: [number, number][] = [];
  // Matches come in text order, so one forward pointer per pass keeps the check linear on long input.
  const inside = (spans: [number, number][]) => {
    let i = 0;
    return (at: number): boolean => {
      while (i < spans.length && (spans[i]?.[1] ?? 0) <= at) i++;
      const span = spans[i];
      return span !== undefined && at >= span[0];
    };
  };
  for (const m of t.matchAll(COMPOUND_DURATION_RE)) {
    const n = m[2] ? toNumber(m[1]) * HOUR + toNumber(m[3]) * MIN : toNumber(m[1]) * MIN + toNumber(m[5]) * 1;
    const a = amount(t, m.index, m.index + m[0].length, n, Number.NaN, 1);
    compound.push([m.index, m.index + m[0].length]);
    if (a) addDuration(w, t, a, m[2] ? HOUR : MIN);
  }
  const inCompound = inside(compound);
  for (const m of t.matchAll(DURATION_RE)) {
    if (inCompound(m.index)) continue;
    const factor = unitFactor(m[3] ?? '', DURATION_UNITS);
    if (factor === undefined) continue;
    // "5 s3 buckets", "3 hours ago" and rates ("5 per second") are not durations of work.
    const a = amount(t, m.index, m.index + m[0].length, toNumber(m[1]), toNumber(m[2]), factor);
    if (a) addDuration(w, t, a, factor);
  }
  const inCompoundWord = inside(compound);
  for (const m of t.matchAll(WORD_DURATION_RE)) {
    if (inCompoundWord(m.index)) continue;
    const before = t.slice(Math.max(0, m.index - 24), m.index);
    // "500 a day", "twice an hour", "per hour": rates, not durations.
    if (
      /^(a|an)$/.test(m[1] ?? '') &&
      m[2] === undefined &&
      !/\b(within|in|under|about|around|than|takes?|took|taking|for|of|to|after|approx\w*|roughly|nearly|almost|least|most|over|up to|is|are|be|wait|waiting|by|only|just|max|maximum)\s*$/.test(
        before,
      )
    ) {
      continue;
    }
    const unit = m[3] ?? '';
    const factor = unitFactor(unit, DURATION_UNITS);
    if (factor === undefined) continue;
    let lo = toNumber(m[1]);
    let hi = toNumber(m[2]);
    // "one and a half hours" is 1.5, not a range from a half to one.
    if (/\band a half\s+[a-z]+$/.test(m[0]) && Number.isFinite(hi)) {
      lo += hi;
      hi = Number.NaN;
    }
    const tail = m[4] ?? '';
    if (/and a half/.test(tail)) lo += 0.5;
    else if (/or (two|three)/.test(tail)) hi = toNumber(/or (two|three)/.exec(tail)?.[1]);
    const a = amount(t, m.index, m.index + m[0].length, lo, hi, factor);
    if (a) addDuration(w, t, a, factor);
  }
  for (const [re, seconds] of DEADLINE_WORDS) {
    for (const m of t.matchAll(re)) {
      if (isNegated(t, m.index, m.index + m[0].length) || idleOvernight(t, m.index)) continue;
      const a: Amount = { low: seconds, high: seconds, said: m[0], at: [m.index, m.index + m[0].length] };
      if (!w.deadline || w.deadline.high < seconds) w.deadline = w.deadline ?? a;
    }
  }

  // Volumes and counts.
  for (const m of t.matchAll(RATE_RE)) {
    if (UNIT_WORD.test(m[3] ?? '')) continue;
    if (/\b(models?|instances?|containers?|gb|mb|percent)\b/.test(m[3] ?? '')) continue;
    const n = toNumber(m[1]) * (m[2] ? (MULTIPLIERS[m[2]] ?? 1) : 1);
    const per = PERIOD_PER_DAY[m[4] ?? ''];
    if (!Number.isFinite(n) || per === undefined) continue;
    const perDay = n * per;
    if (!w.perDay || perDay > w.perDay.value) w.perDay = { value: perDay, said: m[0].trim() };
    if (m[4] === 'night') w.patterns.add('batch');
  }
  for (const m of t.matchAll(WORD_RATE_RE)) {
    const base = WORD_QUANTITY[m[1] ?? ''] ?? toNumber(m[1]);
    if (!Number.isFinite(base)) continue;
    const n = base * (m[2] ? (MULTIPLIERS[m[2]] ?? 1) : 1);
    const per = PERIOD_PER_DAY[m[3] ?? ''];
    if (per === undefined) continue;
    const perDay = n * per;
    if (!w.perDay || perDay > w.perDay.value) w.perDay = { value: perDay, said: m[0].trim() };
  }
  for (const m of t.matchAll(RPS_RE)) {
    const n = toNumber(m[1]) * (m[2] ? (MULTIPLIERS[m[2]] ?? 1) : 1);
    const perDay = n * (/rpm|min/.test(m[3] ?? '') ? 1440 : DAY);
    if (Number.isFinite(perDay) && (!w.perDay || perDay > w.perDay.value))
      w.perDay = { value: perDay, said: m[0].trim() };
  }
  for (const m of t.matchAll(RECORDS_RE)) {
    if (UNIT_WORD.test(m[0])) continue;
    const n = toNumber(m[1]) * (m[2] ? (MULTIPLIERS[m[2]] ?? 1) : 1);
    if (Number.isFinite(n) && (!w.records || n > w.records.value))
      w.records = { value: n, said: m[0].trim() };
  }
  for (const m of t.matchAll(MODELS_RE)) {
    if (UNIT_WORD.test(m[0])) continue;
    let n: number;
    if (m[3])
      n = /hundreds/.test(m[3])
        ? 200
        : /thousands/.test(m[3])
          ? 2000
          : /dozens/.test(m[3])
            ? 24
            : toNumber(m[3]);
    else n = toNumber(m[1]) * (m[2] ? (MULTIPLIERS[m[2]] ?? 1) : 1);
    if (!Number.isFinite(n) || isNegated(t, m.index, m.index + m[0].length)) continue;
    if (!w.models || n > w.models.value) w.models = { value: n, said: m[0].trim() };
  }
  for (const m of t.matchAll(CONTAINERS_RE)) {
    const n = m[2] ? toNumber(m[2]) : toNumber(m[1]);
    if (Number.isFinite(n) && (!w.containers || n > w.containers.value))
      w.containers = { value: n, said: m[0].trim() };
  }
  for (const m of t.matchAll(CONCURRENCY_RE)) {
    const n = m[1] ? toNumber(m[1]) * (m[2] ? (MULTIPLIERS[m[2]] ?? 1) : 1) : toNumber(m[3]);
    if (Number.isFinite(n) && (!w.concurrency || n > w.concurrency.value))
      w.concurrency = { value: n, said: m[0].trim() };
  }

  // Frameworks named.
  for (const [name, re] of FRAMEWORKS)
    if (re.test(t) && !w.frameworks.includes(name)) w.frameworks.push(name);

  // Options named, and the one already in use ("our real-time endpoint ...").
  const mentionAt: [InferenceOption, number][] = [];
  for (const [opt, re] of OPTION_MENTIONS) {
    for (const m of t.matchAll(re)) {
      w.mentioned.add(opt);
      mentionAt.push([opt, m.index]);
    }
  }
  if (w.mentioned.size === 1 && mentionAt[0]) {
    const [opt, at] = mentionAt[0];
    const before = clauseBefore(t, at, 48);
    const asking =
      /\b(should|could|would|or|vs\.?|versus|instead|which|whether|consider|is|use)\b/.test(before) ||
      /\?/.test(t.slice(at, at + 60));
    // "Real-time endpoint, traffic jumps at 9am ...": a message that opens by naming the endpoint sets the scene.
    const opens = t.slice(0, at).trim() === '';
    if (
      (opens ||
        /\b(our|their|existing|current(?:ly)?|deployed|running|have|has|had|uses|using|on a|a sagemaker|the sagemaker|runs on|hosted on)\b/.test(
          before,
        )) &&
      !asking
    ) {
      w.current = opt;
    }
  }

  // Derived facts.
  for (const p of ['steady', 'spiky', 'intermittent', 'batch', 'peaks', 'business-hours'] as const)
    if (f.has(p)) w.patterns.add(p);
  if (f.has('idle-cost')) w.idleCost = true;
  if (f.has('cost') || w.idleCost) w.costSensitive = true;
  if (f.has('low-latency')) w.lowLatency = true;

  if (w.gpu === undefined) {
    // An explicit "no GPU" wins over a model type that usually wants one.
    if (f.has('no-gpu')) w.gpu = false;
    else if (f.has('gpu') || f.has('big-dl')) w.gpu = true;
  }

  // "one endpoint for all of them" with several models or frameworks named: models sharing an endpoint.
  const sharing =
    f.has('shared-endpoint') && ((w.models !== undefined && w.models.value >= 2) || w.frameworks.length >= 2);
  if (
    sharing ||
    f.has('many-models') ||
    (w.models && w.models.value >= 3) ||
    (w.models && w.models.value >= 2 && !f.has('deploy') && !f.has('compare-metrics'))
  ) {
    w.multiTenant = true;
  }
  if (w.sameFramework === undefined) {
    if (f.has('diff-frameworks')) w.sameFramework = false;
    else if (f.has('same-framework')) w.sameFramework = true;
    else if (w.frameworks.length >= 2 && (w.multiTenant || f.has('chain') || f.has('prepost')))
      w.sameFramework = false;
    else if (w.frameworks.length === 1 && w.multiTenant) w.sameFramework = true;
  }
  if (
    f.has('chain') ||
    (w.containers && w.containers.value >= 2) ||
    (f.has('prepost') && (w.frameworks.length >= 2 || /\bcontainers?\b/.test(t) || /\bsteps?\b/.test(t)))
  ) {
    w.chain = true;
  }

  // How soon the answer is needed.
  if (w.sync === undefined) {
    const deadline = w.deadline?.high;
    if (f.has('sync') && !f.has('wait')) w.sync = true;
    else if (f.has('wait') && !f.has('sync')) w.sync = false;
    else if (f.has('sync') && f.has('wait')) w.sync = deadline !== undefined ? deadline <= 60 : undefined;
    if (w.sync === undefined && deadline !== undefined && !f.has('latency-tolerant')) w.sync = deadline <= 60;
    if (w.sync === undefined && (w.patterns.has('batch') || f.has('latency-tolerant'))) w.sync = false;
  }
  if (f.has('latency-tolerant')) w.lowLatency = false;
  else if (w.deadline && w.deadline.high <= 1 && w.deadline.open !== 'above') w.lowLatency = true;
  if (f.has('cold-start-ok') || f.has('latency-tolerant')) w.coldStartOk = true;
  if (f.has('cold-start-bad')) w.coldStartOk = false;

  // Volume shapes the pattern when no pattern word was used.
  if (
    w.perDay &&
    !w.patterns.has('steady') &&
    !w.patterns.has('intermittent') &&
    !w.patterns.has('spiky') &&
    !w.patterns.has('batch')
  ) {
    if (w.perDay.value >= 50_000) w.patterns.add('steady');
    else if (w.perDay.value <= 2_000 && !w.patterns.has('batch')) w.patterns.add('intermittent');
  }
  if (
    w.records &&
    w.records.value >= 100_000 &&
    (f.has('batch') || /\b(every|each|once a|per) (?:night|day|week|month)\b/.test(t))
  ) {
    w.patterns.add('batch');
  }
}

function addSize(w: Workload, t: string, a: Amount): void {
  const kind = sizeKind(t, a.at[0], a.at[1]);
  if (kind === 'payload') w.payload = mergeMax(w.payload, a);
  else if (kind === 'model') w.modelSize = mergeMax(w.modelSize, a);
  else if (kind === 'memory') w.memory = mergeMax(w.memory, a);
  else w.dataVolume = mergeMax(w.dataVolume, a);
}

function addDuration(w: Workload, t: string, a: Amount, factor: number): void {
  const kind = durationKind(t, a.at[0], a.at[1], factor);
  if (kind === 'processing') w.processing = mergeMax(w.processing, a);
  else if (kind === 'deadline') w.deadline = mergeMin(w.deadline, a);
}
