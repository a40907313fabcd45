/**
 * Text → Workload: what a chat message says about a workload, each field with its value and where it
 * came from (a span of the text or a `key=value` hint). Concepts come from one lexicon; each mention
 * carries its mode: stated, negated ("don't want to pay for an idle box"), asked ("do we need a GPU?"),
 * listed as an alternative ("Pipelines, Step Functions or Airflow?") or past ("we did a shadow test").
 */
import type { INFERENCE_OPTIONS } from './options.ts';
import { parseQuantity, type Quantity, readQuantities, type Words } from './quantity.ts';

/** Longer input is cut: chat messages are short, and the reader must stay fast on pasted logs. */
export const MAX_CHARS = 20_000;
type InferenceChoice = (typeof INFERENCE_OPTIONS)[number];

const CONCEPTS =
  'sync syncWeak wait lowLatency coldOk coldBad steady spiky intermittent idleCost noInstances cost peaks businessHours fullyPredictable offline perRequest manyModels sharedEndpoint sameFramework mixedFrameworks chain direct prepost offlineComparison gpu deepModel classicModel customCuda neuron inf1 throughput elasticInference byoc script stock airflow stepFunctions kubeflow mlflow smPipelines askOrchestration multiCloud awsOnly programming declarative terraform pulumi cdk cloudformation askIac lambda ecs k8sControl managed askTarget onDevice compile fleet edgeManager shadow abTest canary linear rolling allAtOnce rollback rollout gradual liveValidate marketplace variants dataCapture askScaling targetMetric tiers fineControl scaleToZero slowScaling modelMonitor inferenceRecommender modelRegistry pipelineCaching eventbridge cicd network kms networkIsolation qualityGate askInstance askContainer largePayload smallPayload cpuOnly unhappy';
export type Concept = Words<typeof CONCEPTS>;

/** One concept a line: its name, then the pattern (matched at a word start; "=" for a raw pattern). */
const LEXICON_SOURCE = String.raw`
sync (?:loading|waiting) (?:screen|page)|stuck (?:on|at|waiting)|(?:until|till|til) (?:we|it|the model|the endpoint) (?:answers?|responds?|returns?|replies)|(?:shows?|display\w*|returns?) (?:the )?(?:\w+ ){0,3}(?:instantly|immediately|right away|on (?:the )?screen)|synchronous(?:ly)?|sync\b|in[- ]request|inline in|in the (?:same )?(?:request|response|call|http response)|(?:in|within) (?:the )?same (?:call|response|request)|(?:users?|customers?|callers?|clients?|agents?|people|radiologists?|reps?|(?:checkout|calling) service|caller|app|front ?end)\s+(?:\w+\s+){0,4}?(?:waits?|waiting|blocks?|sits?|stares?|watch(?:es)?)\b(?! for (?:a |the |human )?approval)|stare at|staring at|spinner|answer (?:back )?in(?:line)?|must (?:get|return|respond|answer)|(?:has|have|needs?) to come back|come back in|block(?:s|ing)? on the call|immediate(?:ly)?|instant(?:ly)?\b(?! ?(?:roll|revert|flip))|right away|on the fly|live (?:predictions?|scoring|answers?|inference)|online (?:predictions?|inference|scoring)|can'?t wait|real[- ]?time (?:answers?|predictions?|scoring|inference|video|fraud|api|responses?)|realtime pls|while (?:the )?(?:user|customer)s? waits?
syncWeak time[- ]critical|real[- ]?time|user[- ]facing|customer[- ]facing|interactive(?:ly)?|mobile app|web ?app|chat ?bots?|checkout|search box|card swipe|rest api|http api|behind an api|api calls?|\bapi\b|time[- ]sensitive|ad bidding|bidding|voice assistant|predict-on-write
wait (?:they|users?|customers?|people|callers?|clients?)(?:'re)? (?:don'?t|do not|doesn'?t|won'?t|never) (?:have to |need to )?wait|(?:can|could|may|is (?:ok|fine) to) wait|ok to wait|happy to wait|don'?t mind waiting|latency (?:is )?(?:irrelevant|not important|unimportant|not a concern|doesn'?t matter)|later|whenever|eventually|notif\w*|sns|e-?mail(?:s|ed)?|ping(?:s|ed)? (?:them|the|us|me|him|her)\b|push notification|poll(?:s|ing|ed)?|callbacks?|webhook|pick(?:ed)? (?:it |them |the results? )?up|collect (?:the )?results?|(?:lands?|arrive|come back) later|no rush|not urgent|no hurry|nobody (?:\w+ ){0,3}(?:waits?|waiting|queries|calls|sits)|no one (?:\w+ )?(?:waits?|waiting)|not needed immediately|(?:don'?t|doesn'?t|do not) need (?:it|them|the \w+) (?:instantly|immediately|right away|in real ?time)|asynchronous(?:ly)?|async is fine|fire and forget|queue (?:in front|them|requests)|a queue|come back for it|results? (?:can|may) (?:take|wait)|(?:when|once) (?:it'?s |its |it is )?(?:done|ready|finished)|when (?:the result )?lands|worklist|no interactive|not interactive|not (?:\w+ )?latency[- ](?:sensitive|critical)|latency (?:is )?not (?:critical|important)
lowLatency low[- ]latency|latency[- ](?:sensitive|critical)|ms latency|sub[- ]?second|sub-\d+ ?ms|milliseconds?|as fast as possible|tight latency|strict latency|latency sla|ultra[- ]low|p9\d(?:\.\d)? ?(?:<|under|of)? ?\d+ ?ms|\d+ ?ms (?:p9\d|budget|slo|sla)
coldOk cold[- ]?starts? (?:of |around |up to )?(?:a few|a couple(?: of)?|\d+|some) ?[\w-]{0,12} (?:is|are|would be|will be) (?:fine|ok|okay|acceptable)|(?:fine|ok|okay|happy|live) with (?:the )?first (?:call|request)s? (?:\w+ ){0,4}(?:being )?slow|first (?:call|request) (?:after \w+ (?:\w+ )?)?(?:can be|being|is|may be) slow(?:er)?|cold[- ]?starts? (?:is |are )?(?:ok|okay|fine|np|acceptable|tolerable|whatever|not a problem|no problem|are fine)|(?:ok|okay|fine) with (?:a |the |some )?cold|tolerat\w* (?:a |some )?cold|cold starts? (?:would be |are |is )?(?:fine|ok)|(?:few|couple)[- ](?:\w+[- ])?(?:of )?cold start (?:is )?(?:not a problem|fine|ok|whatever)|cold start (?:not a problem|is whatever)|slow(?:er)? first (?:call|request) (?:is )?(?:ok|fine|acceptable)|(?:fine|ok) if the first call is slow\w*|first call (?:is |being )?slow(?:er)? (?:is )?(?:ok|fine)|a few sec\w* (?:of )?(?:delay|latency) (?:is|are) (?:fine|ok)|second or two of extra latency
coldBad (?:can'?t|cannot|won'?t|don'?t) (?:tolerate|accept|live with|afford|want) (?:a )?(?:slow|sluggish|laggy) (?:first|initial|morning) (?:responses?|requests?|calls?|answers?)|slow first (?:responses?|calls?|requests?) (?:are|is) (?:not ok|unacceptable|a problem)|(?:never|not|no) (?:\w+ )?cold[- ]?start|must not cold start|no cold starts?|avoid (?:any )?cold starts?|(?:can'?t|cannot) (?:afford|tolerate|accept) (?:a |any )?cold|cold starts? (?:are |is )?(?:not|never) (?:acceptable|ok|okay|fine|an option|allowed)|cold starts? (?:would |will |could )?(?:annoy|hurt|frustrate|ruin|kill|be (?:a problem|bad|unacceptable))\w*|(?:hate|dislike) (?:the )?cold starts?|without cold starts?|cold starts? (?:are |is )?unacceptable
steady 24 ?(?:hours?|hrs?|h)(?: a day)?[ ,/]*7 ?(?:days?|d)\b|steady|constant(?:ly)?|consistent (?:traffic|load|volume)|continuous(?:ly)?|(?<!(?:run|runs|running|up|on|endpoint|instance|box|pay\w*)\b[^,.;]{0,30})(?:24\/7|24x7)|around the clock|all day(?: long)?|(?:traffic|load|requests|calls|volume|usage)[^,.;]{0,20}(?:through(?:out)?|thru) the day|(?:even|evenly|spread)[^,.;]{0,15}(?:through(?:out)?|thru) the day|never idle|sustained|high[- ](?:traffic|volume|throughput)|heavy traffic|always busy|evenly|pretty even|even (?:traffic|load)|millions of (?:users|requests)|thousands of requests per|flat (?:inside|during|all)|dead flat|requests come in constantly
spiky spiky|spikes?|spiking|bursty|bursts?|surges?|unpredictable|rises and falls|no (?:real )?pattern|without (?:any )?(?:real )?pattern|kinda random|random(?:ly)?(?! (?:forest|cut|split|seed|sampl\w*|search))|(?:big |in |come in )waves|fluctuat\w*|uneven|erratic|peaky|viral|noisy|noise|jumps?|moves around
intermittent (?:0|zero|nothing|no traffic|dead) (?:for )?(?:most of )?(?:the )?(?:night|nights|weekends?)\b|otherwise (?:nothing|quiet|idle|dead|zero|silent)|(?:weekends?|nights?|evenings?) nothing|(?:basically|practically|almost|pretty much) (?:nil|nothing|zero|none|dead)|traffic is nil|near(?:ly)? zero traffic|(?:some|many|most) (?:days|nights|weeks|hours) (?:nothing|no (?:one|traffic|requests|calls)|zero)|nothing comes in|no (?:traffic|requests|calls) (?:at all|for hours|for days)|(?:nights?|weekends?) (?:are|is) (?:empty|dead|quiet|idle)|intermittent(?:ly)?(?! (?:connectivity|network|internet|connection|errors?|failures?|5xx|\d))|sporadic(?:ally)?|infrequent(?:ly)?|occasional(?:ly)?(?! (?:surges?|spikes?|bursts?|peaks?|errors?|5xx))|rarely|now and then|trickles?(?! in)|(?:few|couple of) (?:times|calls|requests) (?:a|per) (?:day|week|month)|handful of|mostly idle|idle most|quiet (?:periods?|hours|most)|long (?:idle )?gaps|low (?:traffic|volume|usage)|light traffic|almost no (?:traffic|requests|usage)|barely (?:used|called)|dev(?:\/| and | or )test|test endpoint|proof[- ]of[- ]concept|\bpoc\b|prototype|demo|hackathon|\d-\d users|at random times|ad[- ]hoc|only when (?:people|someone|users?) (?:use|need)|dead at night|tiny (?:&|and) sporadic|(?:traffic|volume|usage|load)(?: is|'s)? (?:very |v |pretty |really |super )?(?:low|light|tiny|small|minimal)|(?:pretty|mostly|otherwise(?: it'?s)?(?: pretty)?) quiet|poke it
idleCost (?:don'?t|dont|not|never) (?:want |wanna )?(?:to )?(?:keep|leave|have) (?:an? |the |our )?(?:\w+ )?(?:gpus?|instances?|box(?:es)?|servers?|endpoints?|machines?) (?:running|up|on)\b|cost (?:nothing|zero|\$0) (?:when|then|at night|while|overnight|on weekends)|zero (?:traffic |requests |calls )?(?:at night|overnight|on weekends|outside)|(?:nights?|weekends?|evenings?) (?:are|is) (?:empty|dead|quiet|idle)|pay(?:ing)? for (?:an? |the )?idle|idle (?:cost|instances?|box(?:es)?|time|capacity|gpus?)|idl(?:e|ing) (?:overnight|at night|all)|(?:gpus?|instances?|box(?:es)?|endpoints?) (?:sitting )?idl(?:e|ing)|scal(?:e|es|ing) (?:down |in )?to (?:zero|0)|pay (?:only|nothing) (?:when|for what)|pay only when used|pay[- ]per[- ](?:use|request|invocation)|pay for what we use|no cost when|(?:minimi[sz]e|reduce|cut|avoid) (?:the )?costs? when (?:there (?:are|is) )?(?:no|nothing|idle)|costs? when (?:not|idle|nothing)|nothing at night|zero (?:traffic )?on weekends|(?:not|don'?t|dont|never) (?:want |wanna |like )?(?:to )?pay(?:ing)? (?:for )?(?:an? |the |our )?(?:[a-z0-9.]+ ){0,3}?(?:overnight|at night|on weekends|all weekend|idl\w+|when (?:nobody|no one|idle|unused))|pay for (?:an? |the )?(?:gpu|instance|box) all (?:weekend|night)|why we pay for
noInstances no instances? to (?:babysit|manage)|(?:don'?t|dont|do not) (?:want to |wanna )?manage (?:any )?instances|no servers? to manage|without managing instances
cost cheap(?:est|er|ly)?|cost[- ](?:effective|efficient|sensitive|conscious)|(?:low|lower|lowest|minimal) cost|budget|save (?:money|\$\$|cost)|reduce costs?|minimi[sz]e costs?|cost (?:matters|is the problem)|hosting cost|inexpensive|\$\$|cfo
peaks (?:we have|known|published) (?:the )?(?:fixtures?|schedule|calendar|timetable)|kick-?off times?|fixtures? list|know(?:n)? (?:the )?(?:dates?|times?|schedule)\b|(?:months?|weeks?|days?) ahead|campaigns? (?:run|launch|go live)|\d+x (?:traffic|load|volume|more)|(?:explodes|grows|spikes|jumps|increases|goes up) (?:by )?\d+x|(?:at|around|from) \d{1,2}:\d\d\b|(?:spikes?|peaks?|surges?|rush(?:es)?) (?:\w+ ){0,2}(?:at|around|every) \d|monday[- ](?:to[- ])?friday|when (?:employees|people|staff|users) (?:log|sign) (?:in|on)|\d{1,2}(?::\d\d)? ?(?:am|pm) (?:\w+ ){0,2}(?:peak|surge|spike|rush|burst)|(?:daily|weekly|nightly|morning|evening|friday|monday|weekend) (?:traffic )?(?:surge|spike|peak|rush|burst)s?|(?:ahead of|before) (?:the |our )?(?:\w+ ){0,3}(?:peak|surge|spike|rush|launch|event|sale)|(?:doubles|triples|spikes|surges|jumps|peaks) (?:\w+ ){0,2}every (?:day|week|month|morning|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday|weekday|weekend)|(?:at|around|from) \d{1,2}(?::\d\d)? ?(?:am|pm)|every (?:weekday|morning|monday|friday|evening|day at|day \d)|weekdays? at|black friday|cyber monday|(?:tax|holiday|shopping|exam|festive|sales) season|seasonal|known (?:peaks?|spikes?|in advance|ahead|schedule|events?)|predictable|scheduled (?:events?|sales?)|month[- ]end|end of (?:the )?month|lunch ?(?:time|rush)|prime time|paydays?|payroll|every (?:day|week|month) (?:\d|at|around)|on the \d+(?:st|nd|rd|th)|(?:morning|evening|daily) peaks?|peak hours|same time every
businessHours (?:call[- ]cent(?:er|re)|opening|trading|store|shop|clinic) hours|\d{1,2}(?::\d\d)? ?(?:am|pm)?\s?(?:-|to|until)\s?(?:\d{1,2}(?::\d\d)? ?(?:am|pm)|noon|\d{1,2}:\d\d)|business hours|office (?:hours|hrs)|working hours|work hours|9 ?(?:-|to) ?5|during the (?:work ?)?day|daytime|outside \d{1,2}(?::\d\d)?|8am-6pm|weekdays only
fullyPredictable never random|not random|dead predictable|nothing random|same every (?:day|weekday|week)|like clockwork|always the same|never surprises?|identical every day|no (?:surprises|random|unexpected)|dead flat|exactly the same every|fully predictable
offline (?:per|a|each) night\b|(?:drop|dump|batch|load|export) of (?:~?\d[\w,.]* )?(?:\w+ )?(?:events|rows|records|files|images|documents|logs) (?:in|to|into|on|lands in) s3|(?:events|rows|records|files) (?:land|arrive|drop)s? in s3|scor\w* (?:of )?(?:\d[\d.,]*\s*[km]?\s*|all |the )?(?:rows|records|accounts|customers|items|users|leads|transactions)\b[^.;]{0,30}\b(?:weekly|nightly|daily|monthly|quarterly)|one[- ]time (?:job|run|batch|scoring|backfill|pass)|tonight|(?:computed|run|scored|precomputed|generated) (?:tonight|overnight|ahead|in advance)|from (?:the|our) (?:\w+ )?(?:table|warehouse|export|dump)\b|for tomorrow|(?:entire|whole|full) (?:\w+ )?(?:base|table|dataset|catalog\w*|population|list|inventory|portfolio|history|backlog|archive)|(?:already )?sitting in s3|(?:rows|records|files|data|exports?) (?:in|on|from) s3|scores? for (?:all|every|the whole|the entire)|pull (?:a |the )?(?:batch|dump|export)|nightly|every night|each night|(?<!(?:pay|paying|for|idle|quiet|nothing|off|down|zero|flat|idling|running|gpus?|instances?|box(?:es)?|dead|traffic)[^,.;]{0,25})overnight|batch (?:job|scoring|inference|predictions?|process\w*|run)|bulk|(?:entire|whole|full) (?:dataset|table|catalog(?:ue)?|population|file|customer (?:base|table)|user table|history)|all (?:the |our |of our )?(?:\d[\d,.]*[km]? )?(?:records|rows|customers|accounts|users|products|policies|subscribers|leads|files|documents|skus|card accounts)|every (?:account|customer|one of our|user|subscriber)|offline(?! (?:devices?|sites?))|pre-?comput\w*|backfill\w*|once a (?:day|week|month|quarter)|(?:weekly|monthly|quarterly|daily) (?:job|run|scoring|batch|export)|^(?:weekly|monthly|quarterly)\b|every (?:sunday|monday|quarter|month|week)\b|(?<![-\w])once(?=\s*(?:$|[,.;!)]|for |over |and |a (?:day|week|month|quarter|year)|per ))|one[- ]off(?! requests?)|no endpoint|(?:don'?t|do not|doesn'?t) need an endpoint|nobody (?:\w+ )?(?:queries|calls) (?:the model |it |this )?(?:live|interactively)|no interactive use|dashboard|already (?:sitting )?in s3|data lake|s3:\/\/|\.jsonl|re-?score|score (?:the|all|every|yesterday)|embed \d|for our vector db|(?:weekly|nightly|daily|monthly) (?:\w+ )?(?:drop|dump|export|extract)s?
perRequest (?:users?|teams?|customers?|people|advertisers|clients?|agents?|staff) (?:\w+ )?upload\w*|per request|each request|one (?:user|request|file) at a time|users? upload\w*|single requests?|per call|each call
manyModels (?:each|every)\b[^.;]{0,50}\b(?:its|their) own (?:[\w-]+ ){0,3}(?:models?|classifiers?)|(?:every|each) (?:tenant|customer|client|store|user|region|city|merchant|account|device|site|shop|team|hospital|school|branch|warehouse|country|partner)\b[^.;]{0,40}?\b(?:trains?|owns?|uses?|needs?|runs?) (?:its|their) own (?:[\w-]+ ){0,3}(?:model|classifier|forecaster)|(?:every|each) (?:tenant|customer|client|store|user|region|city|merchant|account|device|site|shop|team)\b[^.;]{0,40}?\b(?:gets?|has|have|with) (?:its |their |a |an )?(?:own )?(?:[\w-]+ ){0,3}(?:model|classifier|forecaster|bert|variant)|(?:one |a |its own |their own |own |separate |dedicated )?models? (?:per|for each|for every) \w+|per[- ]\w+ (?:\w+ )?models|(?:one |a |its own |their own |own )?models? (?:per|for each|for every|for each of (?:our|the|their) (?:[\d,]+ )?)(?:customer|tenant|user|region|store|city|device|client|account|country|site|merchant|shop|market|branch|team|brand|warehouse|hospital|school|partner)s?|(?:customer|tenant|user|region|store|client|city|merchant|shop|site|country|hospital)[- ]specific models?|per[- ](?:customer|tenant|user|region|store|client|merchant|city|country|site|account|hospital)\b|(?:hundreds|thousands|dozens|lots) of (?:[a-z0-9-]+ ){0,3}?(?:models|variants|classifiers|forecasters)|many (?:[a-z0-9-]+ ){0,2}?models|multi[- ]?tenan\w*|tenant models?|(?:has|have|with|gets?) (?:its|their) own (?:[a-z-]+ ){0,3}?(?:model|bert|classifier|forecaster)|same code,? different weights|(?:one|one model) per (?:region|city|store|tenant|customer)|(?:customer|tenant|user|region|store|client|city|merchant|shop|site|country|hospital)[- ]specific (?:[\w-]+ ){0,2}(?:fine-?tunes?|variants?|adapters?)
sharedEndpoint (?:on|behind|into|onto|in|from|share|sharing|all) (?:a single|one|the same|a shared|one shared) endpoint|(?:one|a single|a shared) endpoint(?! per)|consolidat\w*|sharing one|share one|(?:don'?t|dont) want \d+\w* endpoints
sameFramework same (?:framework|algorithm|container|model type|architecture|library|code)|all (?:xgboost|pytorch|tensorflow|sklearn|scikit-learn|lightgbm|the same type)|one framework|single framework|identical (?:framework|architecture)s?
mixedFrameworks different (?:frameworks?|libraries|model types|runtimes|containers|tech stacks?)|each a different framework|mixed frameworks|multiple frameworks|mix of frameworks|various frameworks|heterogeneous
chain back[- ]to[- ]back|one after (?:the other|another)|in (?:sequence|series)|sequentially|pipeline them|inference pipeline|serial (?:pipeline|containers?|steps?|inference)|chain(?:ed)?|sequence of (?:steps|containers|models)|in sequence|one after the other|followed by (?:a|an|another|the)|then (?:the|an?|a small|our) (?:\w+ ){0,2}?(?:model|container|post-?process\w*|classifier)|(?!(?:train|evaluat|deploy|regist|approv|retrain|monitor|process)\w*\s*(?:->|→))\w+\)?\s*(?:->|→)\s*\(?(?!train|evaluat|deploy|regist|approv|retrain|monitor)\w|(?:separate|its own|their own|own) containers?|(?:pre|post)-?processing container|(?:pre|post)proc\b|two[- ]step|multi[- ]step (?:inference|prediction)|ensembles? of containers
direct direct (?:mode|invocation)|targetcontainerhostname|container hostname|(?:called|invoked|used|hit) (?:independently|separately|individually|directly|on (?:its|their) own)|picks? (?:wh?ich|the right) (?:one|model|container)|call the right one|each called on its own
prepost pre-?process\w*|post-?process\w*|postproc\b|feature transform\w*|featuri[sz]\w*|tokeni[sz]\w*
offlineComparison compared (?:\w+ ){0,3}models|picked one|(?:evaluated|tried) (?:\w+ ){0,2}models
gpu gpus?|cuda|nvidia|a10g?|a100|h100|v100|t4\b|ml\.g[4-6]\w*|ml\.p[2-5]\w*|g4dn|g5\b|p4d?\b|p5\b|jetson
deepModel cnns?\b|convolutional|neural net\w*|lstm|rnn|llms?|large language models?|foundation models?|stable diffusion|diffusion models?|generative|gen ?ai|image generation|bert\w*|t5\b|resnet|yolo\w*|vision transformers?|transformers?|large (?:deep learning|dl|neural) models?|computer vision|deep learning|object detection|segmentation|detector|\d+ ?b(?:illion)? param\w*
classicModel gradient[- ]boost\w*|gbms?\b|boosted trees|decision trees?|linear regression|regression models?|distil\w*|mobilenet|tiny ?bert|small bert|quantized|scikit\w*|small (?:\w+ )?models?|little (?:\w+ )?models?|xgboost|scikit[- ]learn|sklearn|linear learner|random forest|tabular|logistic regression|lightgbm|catboost|small models?|tiny (?:\w+ )?models?|lightweight models?|simple models?|rule[- ]?(?:based|ish)|isolation forest|\d+ (?:numeric |tabular )?features|logistic|k-?means|arima|prophet|svms?\b|naive bayes
customCuda custom (?:\w+ )?cuda|cuda (?:kernels?|ops?|extensions?)|own (?:custom )?cuda|fused (?:attention|kernels?)
neuron neuron|inferentia\d?|inf2\b|compiles? (?:cleanly )?(?:with|on|for) (?:the )?neuron
inf1 inf1\b
throughput high throughput|throughput[- ](?:heavy|bound)|very high volume|high volume|lowest cost per inference|cost per inference
elasticInference elastic inference|eia\d?\b|ei accelerators?
byoc (?:installed |install(?:ed)? (?:\w+ )?)?via apt\b|apt install|custom[- ]compiled|compiled c extensions?|c extensions?|(?:model |inference |web )?server (?:in|written in) (?:java|go|rust|c\+\+|node|scala)|\bdjl\b|\b(?:need|use|using|written in|in) r\b|cran|own (?:\w+ ){0,3}(?:stack|web server|serving stack)|apt(?:-get)? packages?|apt-get|yum install|nginx|gunicorn|custom (?:c|c\+\+|native|rust|cython|fortran) (?:extension|library|lib|module)s?|native (?:librar\w+|dependenc\w+|extensions?|code|binaries)|libvips|opencv build|system-level|custom (?:\w+ )?(?:http |web |grpc )?(?:server|runtime)|written in (?:go|golang|rust|julia|r|c\+\+|java|scala|haskell|elixir|\.net|c#)\b|(?:in|using) (?:go|golang)\b|byoc|bring (?:your|our) own (?:container|image)|(?:build|built) (?:our|your) own (?:image|container)|own (?:docker )?image|own (?:model )?server|(?:not|isn'?t) in any (?:aws )?(?:dlc|prebuilt|container)|unsupported framework|proprietary|c\+\+|glibc|system (?:librar\w+|dependenc\w+|packages)|rust\b|julia\b|in r\b|\br \(|caret|fork of (?:the )?(?:\w+ )?framework|own fork|specific cuda toolkit|\/invocations|\/ping|port 8080|exotic deps
script (?:own )?entry_?point(?: script)?|requirements\.txt|script mode|inference\.py|(?:input|output|predict|model)_fn|own (?:inference )?script|custom (?:inference )?(?:script|handler|code)|custom (?:pre|post)-?(?:\/post-?)?process\w*|(?:pre|post)-?processing in (?:the |our )?(?:own )?script|change how outputs are formatted|parse a (?:\w+ )?(?:protobuf|format)|(?:in|with) (?:a |our |my )?(?:python |own )?script (?:before|after|for|to)|custom (?:tokeni[sz]\w*|parsing|formatting|feature \w+)
stock (?:serving )?defaults (?:are|is) (?:fine|ok|okay|enough)|standard predict|stock|standard (?:\w+ )?(?:model|classifier|framework)|default handler|built-in|builtin|no code of our own|no custom code|plain (?:xgboost|sklearn|pytorch|tensorflow|tf)|off[- ]the[- ]shelf|csv in,? score out|plain (?:scikit[- ]learn|lightgbm|keras|huggingface|hf)|no extras
airflow airflow|mwaa|dags?\b|sensors
stepFunctions step functions?|state machines?|branch(?:es|ing)? on|branching|parallel branches|human approval|glue|lambdas?\b|dynamodb|emr\b|retries per state|visual(?:,)? (?:serverless )?(?:workflow|state)|non-sagemaker|other aws services
kubeflow kubeflow|kubernetes|k8s|eks\b|on-?prem kubernetes
mlflow experiments? (?:\w+ )?tracked|track(?:ing)? (?:\w+ )?experiments|compare (?:\w+ )?runs|experiment (?:tracking|management)|run tracking|mlflow|experiment tracking|log (?:runs|params|metrics)|runs\/params\/metrics|model packaging|track(?:ing)? (?:\w+ ){0,3}experiments
smPipelines sagemaker pipelines?|pipelines?\b|inside sagemaker|lives? in sagemaker|all (?:our stuff )?(?:lives )?in(?:side)? sagemaker|(?:step )?caching|skips? steps|lineage|model registry|register(?: model)?|train(?:ing)? ?(?:→|->|-|to|,) ?eval\w*
askOrchestration orchestrat\w*|workflow|(?<!work)flow\b(?! (?:rate|of traffic))|pipelines?\b|retrain\w*|what orchestrates|ci\/cd|mlops|train(?:ing)? ?(?:→|->) ?eval\w*|(?:processing|training),? (?:->|→|then)|codepipeline
multiCloud multi[- ]?cloud|hybrid|gcp|google cloud|azure|other clouds?|on-?prem|vsphere|cloud[- ]agnostic|portable
awsOnly only (?:to|on|in) aws|only on aws|aws exclusively|single cloud|just on aws|aws[- ]only|aws[- ]native|only aws|just aws
programming (?:complex|conditional|real|lots of) logic|(?:go|java|python|typescript|c#|kotlin|\.net) shop|reusable components|general[- ]purpose (?:programming )?languages?|typescript|python|java\b|c#|\.net|golang|programming(?: languages?)?|loops|conditionals|classes|constructs?|real code|imperative
declarative declarative|yaml|json templates?|templates?|hcl
terraform terraform|hcl
pulumi pulumi\b
cdk cdk|cloud development kit|synth\w*
cloudformation cloudformation|cfn|service catalog|createproject|templateproviders|sagemaker projects
askIac (?:our|the|my) (?:\w+ )?infra(?:structure)? (?:needs|code|is|will|should)|for (?:our |the )?infra(?:structure)?\b|infra(?:structure)? (?:tool|code|language)s?|define (?:\w+ ){0,3}(?:in|as|with) (?:\w+ )?code|infra(?:structure)? (?:in|as) code|in (?:python|typescript|java|go|c#) code|iac|infrastructure as code|as code|provision\w*|infra in|defined in terraform
lambda (?:use|just|a|an?) (?:lambda |serverless )?function\b|serverless functions?|lambda\b|as a function|plain function|(?:don'?t|do not) want sagemaker|need sagemaker\?|without sagemaker|no sagemaker|not sagemaker|skip sagemaker|sagemaker (?:is|feels|seems) (?:overkill|too much)
ecs ecs|fargate|microservices
k8sControl custom node configs?|advanced scheduling|gpu sharing|karpenter|node scheduling|gpu nodes?|eks|kubernetes|k8s|service mesh|node pools?|bin-?packing|custom autoscalers|platform team|fine-grained control over scheduling
managed (?:avoid|without|no|don'?t want to) manag\w* (?:any )?(?:servers|clusters|infrastructure|infra)|(?:deploy|host|run) (?:\w+ ){0,3}managed\b|fully managed|minimal ops|small team|managed (?:hosting|service)|zero k8s|no k8s|out of the box|managed please|(?:want|prefer|need) (?:something |it )?managed
askTarget where to (?:host|deploy|run)|where (?:do|should|can) (?:we|i) (?:host|deploy|run)|lambda or sagemaker|sagemaker or lambda|(?:run|host) it in lambda|need sagemaker|hosting target|deploy(?:ment)? target
onDevice (?:run|runs|running|deploy\w*|execute) (?:\w+ ){0,2}on (?:them|the devices|the cameras|each (?:camera|device))\b|no internet(?! access| gateway)|(?:factory|warehouse|security|traffic|store|retail) cameras|in (?:the |our )?(?:trucks|vehicles|cars|robots|drones|devices|cameras|ships|boats|planes|kiosks|stores? (?:devices|boxes))|(?:no|without|zero|spotty|flaky|poor|limited) (?:cloud )?(?:connectivity|signal|wifi|wi-fi|cell coverage|cloud connection)|smart (?:meters?|cameras?|speakers?|watches|thermostats?|devices?|appliances?)|wearables?|(?:meters|thermostats|appliances) (?:in|at) (?:homes|the field)|(?:on|to|for|across|inside) (?:the |our |all |each |every |\d[\d,]* )?(?:\w+ )?(?:devices|drones|robots|vehicles|cameras|sensors|kiosks|phones|tablets|trucks|cars|boats|ships|scanners|appliances|doorbells|machines)\b|(?:spotty|flaky|intermittent|limited|poor|unreliable|patchy) (?:wifi|wi-fi|connectivity|internet|network|signal|connection)|edge|iot|on[- ]device|on (?:the |our |each )?(?:devices?|board|the device|phones?|kiosks?)|device fleets?|jetson|raspberry ?pi|arm (?:boards?|chips?|cortex\S*|cpus?)|\barm\b|cortex-a|thermostat|(?<!api )gateways?|(?:on|to|for) (?:the |our |\d+ )?(?:drones?|robots?)|tractors?|handheld|barcode scanners?|kiosks?|run (?:inference |it |the model )?locally|local (?:run|inference)|fleet of (?:[\w,~]+ ){0,3}(?:devices|cameras|drones|robots|sensors|vehicles|gateways|pcs|kiosks|scanners)|offline (?:devices?|sites?)|on board|factory (?:line|floor)|oil rigs?|ships? at sea|onboard|on-board
compile reduce (?:the )?(?:model )?(?:size|footprint|latency)|make (?:it|the model) (?:smaller|faster|lighter)|microcontroller|\bmcu\b|smaller and faster|(?:smaller|faster|lighter|leaner) (?:for|on)|for (?:the |that |this |our |its )?(?:\w+ )?(?:chip|cpu|board|soc|hardware|processor|mcu)\b|compil\w*|neo\b|optimi[sz]e (?:\w+ ){0,3}for|shrink|quanti[sz]\w*|for (?:that|the|this) chip|footprint
fleet push(?:ed)? (?:it |them )?(?:out )?to (?:all|every|each|the (?:whole )?fleet)\b|(?:manag|updat|deploy|push|distribut|roll)\w* (?:and \w+ )?(?:the )?models? (?:on|to|across) (?:the |our |all |\d[\d,]*k? )?(?:\w+ )?(?:devices|kiosks|cameras|robots|drones|vehicles|gateways|sensors|meters|machines|sites|stores|boxes|pcs)|update (?:the )?models? (?:on (?:the )?(?:devices|them)|when they)|over the air|\bota\b|roll (?:it |them )?out to (?:all |every |\d[\d,]* )|to \d[\d,]* of them|in the field|push (?:\w+ ){0,2}(?:versions?|updates?|models?|releases?) to|(?:update|roll out to|deploy to) (?:all|every|each) (?:of )?(?:them|devices|robots|drones|cameras|sites)|fleet|greengrass|deploy\w* (?:\w+ )?(?:to|across) (?:\w+ ){0,3}(?:devices|cameras|drones|gateways|sites|pcs|robots|vehicles|trucks|sensors|kiosks|boards|machines|stores|meters)|push (?:\w+ )?(?:updates|to the (?:whole )?fleet)|push(?:ed)? to (?:the )?(?:whole )?fleet|ship it (?:\w+ ){0,4}to \d|mqtt|manag\w* (?:deployments|models? on (?:the )?devices|the devices)|local run|run (?:inference |it |the model )?locally|sync results|deploy\w* (?:\w+ ){0,2}(?:via|through|with) (?:aws )?iot|iot (?:core|greengrass|jobs)
edgeManager edge manager\b
shadow without (?:a single |any )?(?:customers?|users?|clients?) (?:ever )?(?:seeing|getting|receiving) (?:its|the|their|any) (?:outputs?|answers?|predictions?|results?|decisions?)|(?:decisions?|outputs?|predictions?|answers?) can'?t be used until|never (?:serves?|reach(?:es)?|answers?|touch(?:es)?) (?:a |any )?(?:customers?|users?|clients?)|compar\w* (?:its |the )?(?:outputs?|predictions?|answers?) (?:with|to|against) (?:prod|production|the current|live)|replay(?:ing|ed)? (?:\w+ )?(?:prod(?:uction)?|live|real) (?:traffic|requests)|(?:zero|no|without) (?:exposure|impact|risk) (?:to|for|on) (?:the |our )?(?:users|customers|clients)|compare (?:\w+ )?offline|no impact on (?:the )?(?:live|users|customers|production|prod)|(?:must|should|will|does|may|can) not (?:affect|impact|touch|reach|be seen by|be visible to) (?:any |the |our )?(?:customers?|users?|clients?)|not affect any (?:customer|user)|(?:zero|no|without) risk (?:of|to|for) (?:the )?(?:users|customers)|mirror(?:ed|ing|s)? (?:\w+ ){0,4}(?:traffic|requests|calls)|only the (?:old|current|existing|production|prod|live) (?:model|version|variant|one) (?:responds|answers|serves|replies|is returned)|copy of (?:\w+ ){0,3}(?:traffic|requests)|(?:zero|no|without) (?:\w+ )?(?:customer|user|client)s? (?:exposure|impact|visibility)|test(?:ing)? in prod(?:uction)? (?:with|without)|only (?:go|get (?:written|sent)|be (?:logged|written|stored)|end up) (?:in|to) (?:our |the )?logs|never (?:go |be sent |be shown |be returned )?to (?:the |our )?(?:customers|users)|logged,? not (?:returned|served|shown)|shadow\w*|mirror(?:ed|ing)? (?:the |our )?(?:prod(?:uction)? |live |real )?(?:traffic|requests)|copy of (?:~?\d+% of )?(?:the )?(?:production |live |real |prod )?(?:traffic|requests)|(?:answers?|outputs?|predictions?|responses?) (?:\w+ ){0,2}(?:never|not) (?:reach|be returned|returned|shown|served)|never returned|only (?:\w+ )?logged|only return the|(?:without|w\/o) (?:any )?(?:users?|customers?) (?:ever )?(?:seeing|noticing|knowing|being affected)|no (?:user|customer)[- ]impact|without (?:affecting|impacting|exposing) (?:\w+ )?(?:users|customers)|without user impact|(?:users?|customers?) (?:must |should )?(?:only ever|never|won'?t|don'?t) see|before (?:it|they) (?:serves?|reach(?:es)?) (?:any(?:one)?|users|customers)|before any (?:users|customers) see|dark launch\w*|keeps? answering 100|compare outputs offline
abTest (?:half|part|some) (?:of )?the users\b[^.;]{0,40}\b(?:other half|rest)|the other half|decide (?:on|by|based on) (?:\w+ )?(?:retention|conversion|revenue|metrics|numbers|ctr)|pick (?:\w+ )?by (?:revenue|conversion|ctr|clicks|retention|sales|engagement)|incumbent and (?:the )?challenger|which (?:\w+ )?(?:sells|earns|converts|performs|wins) (?:more|better)|both (?:the )?(?:old and new|new and old|versions|models|variants) (?:\w+ ){0,4}live|at the same time,? (?:\w+ )?(?:to )?compare|which (?:one|model|version|variant) (?:\w+ )?(?:drives|earns|converts|performs|sells|gets|brings|does|wins)\b|(?:more|higher|better) (?:purchases|sales|revenue|conversions?|clicks|engagement|retention)|with real (?:users|shoppers|customers|traffic)|a\/b|ab test\w*|a-b test\w*|split (?:test\w*|users|traffic between)|both (?:models|variants|versions) (?:\w+ ){0,2}(?:serv\w*|answer\w*|live|get)|both live|both serving|compare (?:\w+ ){0,3}(?:conversion|revenue|ctr|click\w*|engagement|metrics|them on real users)|which one (?:earns|converts|performs|does) (?:more|better)|(?:variant )?weights? \d+ (?:and|to|:) \d+|\b\d0\/\d0\b|targetvariant|route (?:\w+ ){0,4}explicitly|picks? the winner|experiment\w*|revenue per session|conversion
canary expose \d+ ?%|then (?:go|move|shift|switch|ramp) (?:\w+ )?to (?:full|100 ?%|everyone|all)|(?:tiny|small|little) (?:fraction|portion|slice|share|percentage|group|subset|number) of (?:users|traffic|requests|customers)|(?:at first|first),? (?:and |then )?(?:the rest|everyone|everybody|all)|the rest once|rest (?:later|after)|(?:a bit|a little|a small (?:part|portion|amount|slice|share|fraction)|some) of (?:the )?(?:live |prod(?:uction)? |real )?traffic|small percentage|canary(?! ?(?:ies|s\b))|(?<!synthetics )canary|\d+ ?(?:%|percent) (?:of (?:the )?(?:\w+ ){0,2}(?:traffic|fleet|requests)\s*)?(?:first|to start)|first (?:a )?(?:small )?slice|small (?:portion|percentage|slice|fraction|subset|share|group)|then (?:shift |send |move |route )?(?:the rest|everything|100 ?%|all (?:the )?traffic|full cutover)|then the rest|few percent|(?:send|route) (?:like |about |~)?(?:\w+ )?(?:\d+ ?%|\w+ percent) of (?:the )?traffic
linear in \d+ ?% (?:chunks|increments|slices|hops|batches|steps)|\d+ ?%[^.;]{0,40}?then \d+(?: ?%)?,? then \d+|(?:of (?:the )?traffic|of requests) at a time|\d+/\d+ of (?:the )?traffic|in (?:quarters|thirds|halves|fifths|tenths)|\d+ ?%?, ?\d+ ?%?, ?\d+|(?:after|between) (?:each|every) (?:step|hop|shift|increment)|each step|linear(?:ly)?|equal (?:steps|increments|slices|hops|shifts|chunks)|(?:same|equal)[- ]size(?:d)? steps|(?:fixed|regular|even) (?:increments|steps)|increments? of|in \d+ ?% steps|\d+ ?% (?:steps?|increments?|every|each|at a time|per step)|\d+ -> \d+ -> \d+|every \d+ min\w* until
rolling (?:can'?t|cannot|unable to) get (?:more|extra|additional|enough) (?:[\w.-]+ ){0,2}capacity|second fleet (?:[\w/]+ ){0,4}(?:isn'?t|is not|won'?t|not) (?:happening|possible|an option|going to happen)|(?:won'?t|can'?t|not|never) (?:approve|pay for|fund|budget) (?:a |an )?(?:second|2nd|another|duplicate|extra|double)|(?:old and new|both) versions? (?:\w+ ){0,3}(?:side by side|at the same time|simultaneously|together|mixed)|(?:spare |extra )?capacity (?:is |was )?(?:limited|tight|scarce|constrained|short)|(?:can'?t|cannot|won'?t) (?:launch|deploy|get|start|bring up|stand up|spin up) (?:a |an )?(?:duplicate|parallel|extra|spare|separate|second|2nd|another|full|copy)|capacity[- ]constrained|constrained (?:on )?capacity|short on capacity|tight on capacity|(?:can'?t|cannot|won'?t|no budget for) (?:afford )?doubl\w*|(?:can'?t|cant|cannot|won'?t) (?:afford|spin up|stand up|run|create|provision|pay for) (?:a |an )?(?:duplicate|parallel|extra|spare|separate|second|2nd|another|full|copy)|no (?:headroom|room|spare capacity|capacity|budget|quota) (?:to|for) (?:double|run|stand up|spin up|a second|another|two)|headroom|quota (?:is |was )?(?:maxed|exhausted|full|reached|hit|tight)|(?:maxed|hit|reached) (?:out )?(?:our |the )?(?:\w+ )?quota|no (?:spare )?quota|double the fleet|rolling(?! ?out)|in batches|batches of|(?:instances|fleet) at a time|\d+ (?:instances )?at a time|between batches|(?:can'?t|cant|cannot) (?:afford|get|fit|run|stand up|spin up|double)\b(?: \w+){0,4} (?:second|2nd|another|full|double|copy)|(?:can'?t|cant|cannot) double|no (?:room|capacity|budget|quota) (?:\w+ ){0,3}(?:second|another|copy)|(?:little|limited|no|minimal) (?:spare |extra )?capacity|not enough (?:spare )?capacity|at (?:our )?(?:\S+ )?(?:instance )?quota|quota for a second|can'?t get quota|not enough (?:quota|capacity|headroom|instances) for (?:blue\/green|blue-green|a second|another|double)|(?:can'?t|cannot|won'?t) (?:spin|stand|bring) (?:up )?a second
allAtOnce (?:single|one|one-time|hard|instant) (?:cutover|switch(?:over)?|flip|swap)|all[- ]at[- ]once|(?:in )?one (?:go|shot|step)|one-step|flip (?:100 ?%|all(?: the)? traffic|everything|back)|full cutover at once|default (?:blue\/green )?traffic shifting|if we don'?t pass any routing|blue\/green|blue[- ]green|just swap (?:it|the model)|replace (?:the model|it) (?:at|all at) once
rollback go back (?:instantly|quickly|fast|immediately|right away)|switch back|fall ?back|flip back|roll ?backs?|rolled back|auto-?rollback|revert\w*|zero[- ]downtime|no downtime|outage|flip back|safer? (?:rollout|deploy\w*|release|way)|ship (?:the new model )?safely|(?:minimi[sz]e|reduce) (?:the )?risk
rollout how (?:do we |to |should we |can we )?(?:update|upgrade|roll out|ship|deploy)\b|for the update|during the update|the upgrade|the release|this release|(?:a|the) new release|release it|go live with|model update|deploy (?:a |the |our )?(?:\w+ )?update|update (?:to |of )?(?:the |our )?model|roll(?:ing)? ?out|rollout|new (?:model )?version|next release|release plan|ship(?:ping)? (?:the |a )?(?:new|model)|(?:updat(?:e|ing)|swap) (?:the )?(?:model|endpoint)|upgrad\w*|traffic shift\w*|v\d\b|deploy(?:s|ing)? (?:the )?new|after each deploy|gradual\w*|progressive\w*|shift (?:the )?traffic
gradual gradual(?:ly)?|progressive(?:ly)?|slowly (?:shift|move|increase|ramp)\w*|ramp(?:ing)? up|increase (?:its|the|their) (?:traffic|share)
liveValidate (?:see|watch|observe|look at|inspect|monitor)\w* (?:[\w.'-]+ ){0,3}?(?:outputs?|predictions?|answers?|behaviou?r|behaves|performs) (?:on|against|with) (?:real |live |actual )?(?:real|live|production|prod|actual) (?:traffic|requests|data)|(?:validat|test|evaluat|tr(?:y|ied)|compar|check|run|benchmark)\w* (?:[\w.'-]+ ){0,4}?(?:on|against|with) (?:real|live|production|prod|actual) (?:traffic|requests|queries|data|calls|inputs|payloads)|no impact on (?:the )?(?:live|users|customers|production|prod)|validate on live
marketplace marketplace\b
variants production variants?|prod variants?|two variants|(?:several|multiple) variants|variant weights
dataCapture data capture|captured? to s3|capture every request
askScaling auto ?-?scal\w*|scal(?:e|es|ing) (?:policy|policies|out|in|up|down)|scaling|scale
targetMetric target tracking|invocationsperinstance|(?:keep|hold) (?:\w+ ){0,3}(?:near|at|around|~) ?\d+|hold ~?\d+ (?:invocations|requests)|nothing fancy
tiers =\b\d+ (?:more )?(?:instances? )?(?:at|above|over|past|when)\b[^.;]{0,40}?\b\d+ (?:more )?(?:instances? )?(?:at|above|over|past|when) \d|by \d+ (?:instances? )?(?:when|if|at|above|over)\b[^.;]{0,60}?by \d+ (?:instances? )?(?:when|if|at|above|over)\b|(?:\+|add )\d+ (?:\w+ )?(?:at|above|over|when|if|past|>) (?:\w+ ){0,3}\d+\b[^.;]{0,40}?(?:\+|add |and )\d+ (?:\w+ )?(?:at|above|over|past|when|>) (?:\w+ ){0,3}\d+|(?:add|\+) ?\d+\b[^.;]{1,60}?(?:add|\+) ?\d+|(?:\+|add )\d+ (?:\w+ )?(?:at|above|over|when|if|>) ?\d+ ?%?\b.{0,60}?(?:\+|add |and )\d+ (?:\w+ )?(?:at|above|over|>) ?\d+|(?:> ?\d+|above \d+%?) add \d+.{0,40}(?:> ?\d+|above \d+) add \d+|different step sizes|step sizes at different|alarm tiers|step adjustments?|how far (?:the |an )?alarm
fineControl step scaling|finer control|fine[- ]grained (?:control|scaling)|granular (?:control|scaling)|(?:different|multiple|several) (?:scaling |alarm |cpu )?thresholds|aggressive\w* scal\w*|too coarse
scaleToZero (?:drop|go|scale|shrink|fall) (?:down )?to (?:0|zero|none|nothing)(?: instances)?|scal(?:e|es|ing) (?:down |in )?to (?:nothing|none|zero|0)|spin (?:back )?up when|wake (?:back )?up|come back (?:up )?when|scal(?:e|es|ing) (?:down |in |back )?to (?:zero|0)|(?:scale|wake|come) (?:out |up |back )?(?:from zero|when (?:a new )?requests?)|zero instances|min(?:imum)?(?:instance)?count 0|mininstancecount 0|drop to zero|wake up when
slowScaling reacts? too slow\w*|too slow to (?:scale|react)|scal\w* (?:is |are )?too slow|lag(?:s|ging)? behind|timeouts? during
modelMonitor model monitor|data drift|concept drift|drift\w*|distribution\b[^.;]{0,60}\b(?:shifted|changed)|data quality monitor\w*|bias drift
inferenceRecommender inference recommender|best instance type|right[- ]?siz\w*|which instance type|load test\w*|benchmark\w*
modelRegistry model registry|version control (?:and|\+) approval|versioning|approvals?|approve[ds]?|lineage
pipelineCaching caching|cache|reuse (?:unchanged|previous)|skip(?:s)? (?:re-?running|unchanged|steps)|unchanged (?:pipeline )?steps
eventbridge eventbridge|new data (?:arrives|lands|is uploaded)|when (?:new )?data (?:arrives|lands)|s3 events?|trigger\w* (?:re)?training|on a schedule|cron
cicd ci\/cd|cicd|codepipeline|codebuild|continuous (?:delivery|integration|deployment)
network vpc|privatelink|private link|traverse the (?:public )?internet|public internet|no internet access
kms kms|encrypt\w*|customer[- ]managed keys?
networkIsolation network isolation|no network access
qualityGate automated tests?|unit tests?|integration tests?|regression tests?|quality gates?|degraded models?|prevent deploying
askInstance what (?:compute|machine|instance)\b|which compute|(?:cpu|gpu) (?:and|or|vs\.?) (?:cpu|gpu)|choose between (?:\w+ ){0,2}instances|(?:cpu|gpu) instances\?|instance (?:type|family|families|class)|which (?:instance|hardware|hw|accelerator|family)|what (?:hardware|accelerator|instance)|which hw|(?:cpu|gpu),? (?:or )?(?:gpu|cpu|inferentia)|gpu or inferentia|hardware\?|hardware|accelerator|need (?:a )?gpu|pay for a gpu|picking hardware|instance family|cheapest gpu|gpu option
askContainer containeri[sz]e|container question|container (?:choice|option)s?|(?:what|which) (?:kind of )?container|which (?:docker |serving )?image|what image|image\?|which serving container|serving container\?|container(?: approach| story| image)?\?|which container|what container|container (?:approach|story|image)|build our own image|docker\w*|container \+
largePayload (?:large|big|huge|high[- ]res\w*|hi[- ]?res|massive|heavy|multi[- ]page|long) (?:payloads?|files?|documents?|images?|imagery|videos?|inputs?|scans?|pdfs?|audio|recordings?|reports?)|videos?|video files?|satellite imagery|medical (?:scans|images)
smallPayload (?:small|tiny|lightweight|short|compact) (?:payloads?|requests?|json|inputs?|records?|messages?|texts?|queries|protobuf|features?)|json in json out|small-payload|tiny json|is small
cpuOnly cpu[- ]only|only (?:on )?cpus?\b|cpus? (?:is|are) (?:fine|enough)|no gpus? (?:needed|required)
unhappy costs? (?:way )?too much|too (?:expensive|costly|pricey)|wast\w* (?:money|\$)|overpay\w*|paying (?:way )?too much|(?:move|switch|migrate) (?:off|away from)|is overkill|bill is (?:too|crazy|huge)
`;
const LEXICON = new Map<Concept, { re: RegExp; starts?: string[] }>();
for (const line of LEXICON_SOURCE.trim().split('\n')) {
  const [name, body] = [line.slice(0, line.indexOf(' ')), line.slice(line.indexOf(' ') + 1)];
  const re = new RegExp(body.startsWith('=') ? body.slice(1) : String.raw`\b(?:${body})`, 'g');
  // Each alternative needs some literal run of its own (a word outside any group): a text with none of them
  // skips the pattern (fast, and the pattern is never compiled).
  const starts = body.startsWith('=') ? [] : alternatives(body).map(requiredWord);
  LEXICON.set(name as Concept, {
    re,
    starts: starts.length && starts.every(Boolean) ? (starts as string[]) : undefined,
  });
}
/** The longest literal run an alternative cannot match without ("(?:can'?t|cannot) get more" → " get more"). */
function requiredWord(alt: string): string | undefined {
  let [best, run, depth] = ['', '', 0];
  for (let i = 0; i <= alt.length; i++) {
    const c = alt[i] ?? '';
    if (depth === 0 && /[a-z0-9' ]/.test(c) && c !== '') {
      run += c;
      continue;
    }
    // "spikes?": a quantifier makes the last letter optional.
    const kept = /[?*{]/.test(c) ? run.slice(0, -1) : run;
    if (kept.trim().length > best.trim().length) best = kept;
    run = '';
    if (c === '\\') i++;
    else if (c === '[') while (i < alt.length && alt[i] !== ']') i += alt[i] === '\\' ? 2 : 1;
    else depth += c === '(' ? 1 : c === ')' ? -1 : 0;
  }
  return best.trim().length >= 3 ? best : undefined;
}
function alternatives(body: string): string[] {
  const out = [''];
  let depth = 0;
  for (let i = 0; i < body.length; i++) {
    const c = body[i] ?? '';
    if (c === '\\') out[out.length - 1] += c + (body[++i] ?? '');
    else if (c === '|' && depth === 0) out.push('');
    else {
      depth += c === '(' ? 1 : c === ')' ? -1 : 0;
      out[out.length - 1] += c;
    }
  }
  return out;
}
// A concept named in the union but missing from the lexicon (or the reverse) fails at cold start.
if (
  LEXICON.size !== CONCEPTS.split(' ').length ||
  CONCEPTS.split(' ').some((c) => !LEXICON.has(c as Concept))
)
  throw new Error('the lexicon and the concept names disagree');

/** Concepts whose pattern already carries its negation ("no cold starts", "can't afford a second fleet"). */
const KEEPS_NEGATION = new Set(
  'idleCost coldBad coldOk rolling noInstances offline wait intermittent offlineComparison fullyPredictable lowLatency sharedEndpoint'.split(
    ' ',
  ),
);
/** Options of one dimension: two of them joined by "or"/"vs" in one sentence are alternatives. */
const ALTERNATIVES = [
  'airflow stepFunctions kubeflow mlflow smPipelines',
  'terraform pulumi cdk cloudformation',
  'canary linear rolling shadow abTest allAtOnce',
  'gpu neuron',
  'fineControl targetMetric tiers',
].map((g) => g.split(' ') as Concept[]);

export type Mode = 'stated' | 'negated' | 'asked' | 'listed' | 'past';
export interface Source {
  from: 'text' | 'hint';
  said: string;
  at: [number, number];
}
export interface Mention extends Source {
  mode: Mode;
}
export interface Field<T> {
  value: T;
  source: Source;
}
export interface Range {
  low: number;
  high: number;
  open?: 'above' | 'below';
}
export type Pattern = 'steady' | 'spiky' | 'intermittent' | 'batch' | 'peaks' | 'business-hours';
const FIGURE_NAMES =
  'payload processing turnaround modelSize memory dataset testDuration bake perDay models containers instances concurrency records share';
/** The figures a workload can carry, each the largest quantity of one role (the tightest turnaround). */
export type Figure = Words<typeof FIGURE_NAMES>;
const ROLE_OF: Record<string, Figure> = Object.fromEntries(
  'payload:payload processing:processing turnaround:turnaround model-size:modelSize memory:memory dataset:dataset test-duration:testDuration wait:bake request-rate:perDay models:models containers:containers instances:instances concurrency:concurrency records:records traffic-share:share'
    .split(' ')
    .map((p) => p.split(':')),
);

export interface Workload {
  /** The normalised text that was read (NFKC, lower-cased, cut at MAX_CHARS). */
  text: string;
  truncated: boolean;
  figures: Partial<Record<Figure, Field<Range>>>;
  sync?: Field<boolean>;
  gpu?: Field<boolean>;
  sameFramework?: Field<boolean>;
  coldStartOk?: Field<boolean>;
  patterns: Map<Pattern, Source>;
  frameworks: string[];
  /** The inference option in use, or the one the person wants on that endpoint. */
  current?: Field<InferenceChoice>;
  /** Inference options named in any mode ("is serverless ok?", "async or batch?"). */
  named: Map<InferenceChoice, Mention>;
  mentions: Map<Concept, Mention[]>;
  quantities: Quantity[];
  hints: Record<string, string>;
  notes: string[];
}

const NEGATION =
  /\b(no|not|never|nobody|nothing|without|w\/o|don'?t|dont|doesn'?t|doesnt|didn'?t|isn'?t|aren'?t|won'?t|wouldn'?t|shouldn'?t|can'?t|cant|cannot|nor|no need (?:for|to)|rather than|instead of|avoid|don'?t care about|not need)\b[^,;.]{0,28}$|\bzero\s+$/;
const NEGATION_AFTER =
  /^\s*\?\s*(?:no|nope)\b|^\s*[:=]?\s*(?:is |are |isn'?t |aren'?t )?(?:not (?:needed|required|necessary|important|a concern|wanted|an option)|off the table|a no-?go|unnecessary|isn'?t needed|aren'?t needed|not required|optional)/;
const PAST = /\b(did|last (?:quarter|year|month|week|time)|previously|used to|already (?:did|ran|tried))\b/;
const PAST_AFTER = /^\s*(?:\w+ ){0,3}(?:last (?:quarter|year|month|week)|(?:did|ran) (?:it )?already)\b/;

const OPTION_NAMES: [InferenceChoice, RegExp][] = [
  [
    'real-time',
    /\b(?:real[- ]?time|realtime)(?: (?:endpoints?|inference|hosting|fraud endpoint|\w+ endpoint))?\b(?= endpoint| inference| hosting| or|\?| \w+ endpoint|,? (?:but|with|hosting|one prod|traffic))|\brealtime or\b|\breal[- ]?time endpoint/g,
  ],
  [
    'serverless',
    /\bserverless\b(?! ?\(| (?:api|lambda|app|stack|architecture|functions?|state machine))(?!-)/g,
  ],
  ['async', /\b(?:async|asynch?|asynchronous) (?:endpoints?|inference|queue)\b|\basync or\b|\bor async\b/g],
  ['batch', /\bbatch transform\b|\bor batch\b/g],
  ['multi-model', /\b(?:multi[- ]model endpoints?|mmes?)\b/g],
  ['multi-container', /\b(?:multi[- ]container endpoints?|inference pipelines?)\b/g],
];
/** "we run a serverless endpoint", "the endpoint is serverless", "picked real-time": what is in use. */
const IN_USE =
  /\b(?:we run(?: on)?|runs on|hosted on|existing|current(?:ly)?|deployed|picked|chose|went with|moved to|migrated to|switched to|settled on|(?:endpoint|model|it) (?:is|runs?) (?:on )?(?:an? )?)\s*(?:\w+\s+)?$/;
const OWNED =
  /\b(our|my|their|the|this|running|on an?|have an?|has an?|uses?|using|for an?|with an?|on sagemaker|on aws)\s*(?:\w+\s+)?$|\bwe (?:run|use|host|serve)\b[^,.;]{0,40}$/;
/** "can we do a serverless ...", "is serverless ok?", "we'd love serverless": a proposal, not what runs. */
const PROPOSED =
  /\b(?:would|could|should|can|do|shall) (?:we|i|you) (?:\w+ ){0,3}$|\b(?:love|wants?|prefer|consider\w*|instead of|maybe|told me|thinking|planning|wondering|or|if|i'?d|we'?d)\b[^,;.]*$|\bis (?:\w+ ){0,2}$/;
const PROPOSED_AFTER =
  /^(?: endpoints?| inference)?\s*(?:is |are )?(?:\w+ )?(?:ok|okay|fine|work|fit|enough|possible|better|worth|dumb|overkill|too|necessary|needed|a good|right|the best|cut it|or\b)/;

const FRAMEWORKS =
  'pytorch=pytorch|torch;tensorflow=tensorflow|tf2?|keras;xgboost=xgboost;scikit-learn=scikit(?:[- ]learn)?|sklearn;mxnet=mxnet;onnx=onnx;hugging face=hugging ?face|hf transformers;lightgbm=lightgbm;catboost=catboost;spacy=spacy;fasttext=fast ?text'
    .split(';')
    .map((p) => [p.split('=')[0] ?? '', new RegExp(String.raw`\b(?:${p.split('=')[1]})\b`)] as const);

/** Length-preserving normalisation, so spans into `text` stay spans into what was typed. */
function normalise(input: string): string {
  const t = input.normalize('NFKC');
  return (t.length === input.length ? t : input)
    .replace(/[A-Z]/g, (c) => c.toLowerCase())
    .replace(/[\u2018\u2019\u02bc]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2010-\u2015\u2212]/g, '-')
    .replace(/[\u00a0\u2000-\u200b\u3000]/g, ' ')
    .replace(/([a-z0-9,)%])\r?\n(?=[ \t]*[a-z(~"'])/g, (m, c: string) => `${c}${' '.repeat(m.length - 1)}`);
}

/** The sentence around a span, and the clause before it: bounded windows keep long logs linear. */
function sentenceOf(text: string, s: number, e: number): { end: string; before: string; sentence: string } {
  const from = Math.max(0, s - 240);
  const head = text.slice(from, s);
  const start = from + Math.max(...['.', '!', '?', ';', '\n'].map((c) => head.lastIndexOf(c))) + 1;
  const m = /[.!?;\n]/.exec(text.slice(e, e + 240));
  const stop = m ? e + m.index : Math.min(text.length, e + 240);
  const back = text.slice(Math.max(start, s - 60), s);
  const cut = Math.max(...[',', ' but ', '(', ':'].map((c) => back.lastIndexOf(c)));
  return {
    end: text[stop] ?? '',
    before: cut >= 0 ? back.slice(cut + 1) : back,
    sentence: text.slice(start, stop + 1),
  };
}

function modeOf(text: string, c: Concept | null, s: number, e: number): Mode {
  const { end, before, sentence } = sentenceOf(text, s, e);
  const neg = c && KEEPS_NEGATION.has(c) ? null : NEGATION.exec(before);
  // "don't want GPUs idling": the idling is negated, not the GPU.
  const aboutIdling =
    c === 'gpu' &&
    neg &&
    (/\b(pay|paying|idle|idling|afford)\b/.test(before.slice(neg.index)) ||
      /^\s*(?:sitting |running )?idl/.test(text.slice(e, e + 20)));
  if ((neg && !aboutIdling) || (!KEEPS_NEGATION.has(c ?? '') && NEGATION_AFTER.test(text.slice(e, e + 30))))
    return 'negated';
  if (PAST.test(before) || PAST_AFTER.test(text.slice(e, e + 40))) return 'past';
  return end === '?' ||
    /\bright\s*$/.test(sentence) ||
    /\b(?:how many|how much|do (?:i|we|you) (?:really )?need(?: an?)?)\s*$/.test(before)
    ? 'asked'
    : 'stated';
}

export const mention = (w: Workload, c: Concept, ...modes: Mode[]): Mention | undefined =>
  w.mentions.get(c)?.find((m) => modes.includes(m.mode));
/** A concept the text states or asks about (not negated, not an alternative, not the past). */
export const has = (w: Workload, c: Concept): boolean => mention(w, c, 'stated', 'asked') !== undefined;
/** A concept stated as a fact of the workload (a question is not a fact). */
export const states = (w: Workload, c: Concept): boolean => mention(w, c, 'stated') !== undefined;
export const negates = (w: Workload, c: Concept): boolean => mention(w, c, 'negated') !== undefined;
/** A topic raised in any mode: "we don't need A/B testing" is still about rollouts. */
export const raises = (w: Workload, c: Concept): boolean => w.mentions.has(c);
const add = (w: Workload, c: Concept, m: Mention) => w.mentions.set(c, [...(w.mentions.get(c) ?? []), m]);

/** Read a chat message into a Workload. Total: any input, a Workload out. */
export function readWorkload(input: unknown): Workload {
  const raw = typeof input === 'string' ? input : '';
  const truncated = raw.length > MAX_CHARS;
  const cut = truncated ? raw.slice(0, MAX_CHARS) : raw;
  let text = normalise(cut);
  const w: Workload = {
    text,
    truncated,
    figures: {},
    patterns: new Map(),
    frameworks: [],
    named: new Map(),
    mentions: new Map(),
    quantities: [],
    hints: {},
    notes: [],
  };
  const said = (s: number, e: number) => (cut.length === text.length ? cut : text).slice(s, e).trim();
  const fromText = (s: number, e: number): Source => ({ from: 'text', said: said(s, e), at: [s, e] });
  const stated = (s: number, e: number): Mention => ({ ...fromText(s, e), mode: 'stated' });

  // Hints first, then blanked out so the free text is not read twice.
  const hinted: Partial<Record<Figure, Field<Range>>> = {};
  for (const m of text.matchAll(HINT_RE)) {
    const [key = '', value = ''] = [m[1], (m[2] ?? '').replace(/^["']|["']$/g, '').trim()];
    const [at, end] = [m.index + m[0].indexOf(key), m.index + m[0].length];
    w.hints[key] = value;
    const note = applyHint(w, hinted, HINTS[key.replace(/-/g, '_')], value, {
      from: 'hint',
      said: said(at, end),
      at: [at, end],
    });
    if (note && w.notes.length < 8) w.notes.push(note);
    text = text.slice(0, at) + ' '.repeat(end - at) + text.slice(end);
  }
  for (const [c, { re, starts }] of LEXICON)
    for (const m of starts && !starts.some((p) => text.includes(p)) ? [] : text.matchAll(re))
      add(w, c, {
        ...fromText(m.index, m.index + m[0].length),
        mode: modeOf(text, c, m.index, m.index + m[0].length),
      });
  for (const group of ALTERNATIVES) {
    const ms = group.flatMap((c) => (w.mentions.get(c) ?? []).map((m) => ({ c, m })));
    for (const a of ms)
      for (const b of ms) {
        const between = text.slice(a.m.at[1], b.m.at[0]);
        if (
          a.c !== b.c &&
          a.m.at[1] <= b.m.at[0] &&
          between.length < 24 &&
          /^[\s,/]*(?:or|vs\.?|versus|,|\/)\s/.test(`${between} `) &&
          !/[.;!?]/.test(between)
        )
          a.m.mode = b.m.mode = 'listed';
      }
  }
  for (const [name, re] of FRAMEWORKS)
    if (re.test(text) && !w.frameworks.includes(name)) w.frameworks.push(name);

  // Quantities: the largest of each role is the figure that decides (a range counts at its top).
  w.quantities = readQuantities(text);
  for (const q of w.quantities) {
    const fig = ROLE_OF[q.role];
    if (!fig || hinted[fig] || modeOf(text, null, q.at[0], q.at[1]) === 'negated') continue;
    const prev = w.figures[fig]?.value;
    const better =
      !prev ||
      (fig === 'turnaround'
        ? q.high < prev.high
        : q.high > prev.high || (q.high === prev.high && q.open === 'above'));
    if (better)
      w.figures[fig] = {
        value: { low: q.low, high: q.high, ...(q.open ? { open: q.open } : {}) },
        source: fromText(q.at[0], q.at[1]),
      };
  }
  Object.assign(w.figures, hinted);
  // "each of our 60 hospitals has its own model": the count of owners is the count of models.
  const owners = w.quantities.find(
    (q) => q.role === 'entities' || (q.role === 'records' && /customers?|users?|tenants?/.test(q.unit)),
  );
  if (!w.figures.models && has(w, 'manyModels') && owners)
    w.figures.models = {
      value: { low: owners.low, high: owners.high },
      source: fromText(owners.at[0], owners.at[1]),
    };
  if (has(w, 'offlineComparison')) delete w.figures.models;
  // Two or more slices of traffic ("10%, then 30%, then 60%") are steps, not one canary slice.
  if (
    new Set(w.quantities.filter((q) => q.role === 'traffic-share' && q.high < 100).map((q) => q.high)).size >=
      2 &&
    !has(w, 'linear')
  )
    add(w, 'linear', stated(0, 0));
  // "85/15", "70-30": a weighted split between two variants.
  const split = /\b(\d{1,2}) ?[/:-] ?(\d{1,2})\b(?! ?(?:am|pm|min|s\b))/.exec(text);
  if (split && Number(split[1]) + Number(split[2]) === 100 && !has(w, 'abTest'))
    add(w, 'abTest', stated(split.index, split.index + split[0].length));
  // Two frameworks run one after the other, or all in one call: a chain.
  const oneCall =
    /\b(?:then|followed by|after that|combined?|ensembles?|both)\b|\b(?:in )?(?:one|a single|the same) (?:call|invoke|invocation|request)\b/.test(
      text,
    );
  if (
    w.frameworks.length >= 2 &&
    oneCall &&
    /\b(?:one|single|same|each|every) (?:\w+ )?(?:request|call|invoke|invocation)|as one\b/.test(text) &&
    !has(w, 'chain')
  )
    add(w, 'chain', stated(0, 0));
  // Alarm tiers said in figures: two thresholds, each with its own adjustment ("add 3 above 75%, 6 more past 90%").
  const thresholds = w.quantities.filter((q) => q.role === 'threshold');
  const [t0, t1] = [thresholds[0]?.at[0] ?? 0, thresholds.at(-1)?.at[1] ?? 0];
  if (
    thresholds.length >= 2 &&
    /\b(?:add|remove)\b|\+\s?\d|\d+ more\b/.test(text) &&
    !w.mentions.has('tiers')
  )
    add(w, 'tiers', { ...fromText(t0, t1), mode: modeOf(text, 'tiers', t0, t1) });
  readOptions(w, text, fromText);
  readPatterns(w);
  readTriStates(w);
  return w;
}

function readOptions(w: Workload, text: string, fromText: (s: number, e: number) => Source): void {
  for (const [opt, re] of OPTION_NAMES)
    for (const m of text.matchAll(re)) {
      const [s, e] = [m.index, m.index + m[0].length];
      const listed =
        /\bor\b/.test(m[0]) ||
        /\b(?:or|vs\.?)\s*$/.test(text.slice(Math.max(0, s - 6), s)) ||
        /^\s*(?:or|vs\.?|versus)\b/.test(text.slice(e, e + 10));
      const mode = listed ? 'listed' : modeOf(text, null, s, e);
      if (!w.named.has(opt) || mode === 'stated') w.named.set(opt, { ...fromText(s, e), mode });
      const before = text.slice(Math.max(0, s - 40), s);
      const inUse = IN_USE.test(before);
      // A message that opens with the endpoint sets the scene, unless it only asks "realtime?".
      const opens =
        text.slice(0, s).trim() === '' && !/^(?: endpoints?| inference)?\s*\?/.test(text.slice(e, e + 14));
      const owned = inUse || OWNED.test(before) || opens;
      const proposed =
        !inUse &&
        (PROPOSED.test(before) || PROPOSED_AFTER.test(text.slice(e, e + 24))) &&
        !/\b(we run|runs on|hosted on|our|my|their|this|existing)\b/.test(before);
      if ((mode === 'stated' || mode === 'asked') && owned && !proposed && !w.current)
        w.current = { value: opt, source: fromText(s, e) };
      // "thinking of serverless", "I'd use real-time": an option considered, not one wanted.
      const named = w.named.get(opt);
      if (proposed && named?.mode === 'stated' && named.at[0] === s) named.mode = 'listed';
    }
}

function readPatterns(w: Workload): void {
  // A traffic hint wins over the text: the form's correction replaces what was read.
  const hintedTraffic = [...w.patterns.values()].some((s) => s.from === 'hint');
  for (const [p, c] of [
    ['steady', 'steady'],
    ['spiky', 'spiky'],
    ['intermittent', 'intermittent'],
    ['intermittent', 'idleCost'],
    ['batch', 'offline'],
    ['peaks', 'peaks'],
    ['business-hours', 'businessHours'],
  ] as [Pattern, Concept][]) {
    // "nightly we retrain" is about training, not about how the model is called.
    const m = w.mentions.get(c)?.find(
      (x) =>
        (x.mode === 'stated' || x.mode === 'asked') &&
        !(
          p === 'batch' &&
          (/\b(?:re)?train\w*|\betl\b|\bbackups?\b/.test(
            w.text.slice(Math.max(0, x.at[0] - 30), x.at[1] + 30),
          ) ||
            // "a spike on the last days of every month" is traffic, not a job.
            /\b(?:spikes?|peaks?|surges?|rush)\b[^.;]*$/.test(
              w.text.slice(Math.max(0, x.at[0] - 60), x.at[0]),
            ))
        ),
    );
    if (m && !w.patterns.has(p) && !hintedTraffic) w.patterns.set(p, m);
  }
  // Many records on a schedule ("30M rows weekly") are an offline job too.
  const recs = w.figures.records;
  if (
    recs &&
    recs.value.high >= 100_000 &&
    /\b(?:weekly|nightly|daily|monthly|quarterly|every (?:night|day|week|month))\b/.test(w.text)
  )
    w.patterns.set('batch', w.patterns.get('batch') ?? recs.source);
  // A dataset's size ("2 TB of historic images") is an offline job.
  const data = w.figures.dataset;
  if (data && !w.patterns.has('batch') && !mention(w, 'sync', 'stated')) w.patterns.set('batch', data.source);
  // Volume shapes the pattern when no pattern word was used.
  const rate = w.figures.perDay;
  if (rate && !['steady', 'intermittent', 'spiky', 'batch'].some((p) => w.patterns.has(p as Pattern))) {
    if (rate.value.high >= 50_000) w.patterns.set('steady', rate.source);
    else if (rate.value.high <= 2_000) w.patterns.set('intermittent', rate.source);
  }
}

function readTriStates(w: Workload): void {
  const set = <K extends 'sync' | 'gpu' | 'sameFramework' | 'coldStartOk'>(
    k: K,
    value: boolean,
    source: Source | undefined,
  ) => {
    if (source && w[k] === undefined) w[k] = { value, source } as Workload[K];
  };
  // GPU: a stated need, then an explicit "no GPU"; a question is neither.
  set('gpu', true, mention(w, 'gpu', 'stated') ?? mention(w, 'customCuda', 'stated'));
  set('gpu', false, mention(w, 'gpu', 'negated') ?? mention(w, 'cpuOnly', 'stated'));
  set(
    'sameFramework',
    false,
    mention(w, 'mixedFrameworks', 'stated') ?? mention(w, 'sameFramework', 'negated'),
  );
  set('sameFramework', true, mention(w, 'sameFramework', 'stated'));
  const together =
    has(w, 'sharedEndpoint') ||
    has(w, 'chain') ||
    has(w, 'direct') ||
    (w.figures.models?.value.high ?? 0) >= 2;
  if (w.frameworks.length >= 2 && together)
    set('sameFramework', false, { from: 'text', said: w.frameworks.join(', '), at: [0, 0] });
  set('coldStartOk', false, mention(w, 'coldBad', 'stated', 'asked'));
  set('coldStartOk', true, mention(w, 'coldOk', 'stated', 'asked'));
  // How soon the answer is needed: said outright, or implied by the turnaround.
  const t = w.figures.turnaround;
  const sync = mention(w, 'sync', 'stated', 'asked');
  const wait =
    mention(w, 'wait', 'stated', 'asked') ??
    mention(w, 'sync', 'negated') ??
    mention(w, 'syncWeak', 'negated');
  // A corrected turnaround (a hint) decides over the words of the text.
  const hint = t?.source.from === 'hint';
  if (t && (!sync || wait || hint) && !(t.value.open === 'above' && t.value.high < 60)) {
    if (t.value.high <= 60 && (!wait || hint)) set('sync', true, t.source);
    if (t.value.high >= 300) set('sync', false, t.source);
  }
  if (sync && wait && t) set('sync', t.value.high <= 60, t.source);
  set('sync', true, wait ? undefined : sync);
  set('sync', false, wait);
  set('sync', true, mention(w, 'syncWeak', 'stated'));
  set('sync', false, w.patterns.get('batch'));
}

/** `key=value`; a figure may keep a space before its unit ("latency=30 min", "volume=500 / day"), as the form shows. */
const HINT_RE =
  /(?:^|[\s,;(|]|---)([a-z][a-z_.-]{0,30})\s*=\s*("[^"\n]{0,80}"|'[^'\n]{0,80}'|[<>~]?=?\d[\d.,]*(?:\s*-\s*\d[\d.,]*)?(?:[ \t]?[a-z%]{1,12})?(?:[ \t]*(?:\/|per)[ \t]*[a-z]{1,8})?(?![\w=])|[^\s,;)]{0,80})/g;
/** "field: the keys that set it". */
const HINTS: Record<string, string> = Object.fromEntries(
  'payload: payload size payload_size request_size input; turnaround: latency deadline sla response_time wait; processing: processing processing_time duration runtime inference_time timeout; traffic: traffic pattern load; perDay: volume requests rate; gpu: gpu; models: models tenants; framework: framework frameworks; containers: containers steps; rollout: rollout strategy deploy; capacity: capacity; idle: idle; edge: edge; sync: sync; memory: memory'
    .split('; ')
    .flatMap((p) => (p.split(': ')[1] ?? '').split(' ').map((k) => [k, p.split(': ')[0] ?? ''])),
);
const words = (s: string): Record<string, string> =>
  Object.fromEntries(
    s.split('; ').flatMap((p) => (p.split(': ')[1] ?? '').split(' ').map((k) => [k, p.split(': ')[0] ?? ''])),
  );
const TRAFFIC = words(
  'steady: steady constant continuous high; spiky: spiky bursty burst unpredictable variable; intermittent: intermittent sporadic infrequent rare low occasional; batch: nightly batch bulk daily weekly dataset; peaks: peaks predictable scheduled; business-hours: business-hours business',
);
const ROLLOUTS = words(
  'canary: canary; linear: linear; rolling: rolling; shadow: shadow; abTest: ab a/b ab-test; allAtOnce: blue-green bluegreen all-at-once',
);
const YES = /^(yes|y|true|1|on|needed|required|need|sure)$/;
const NO = /^(no|n|false|0|off|none|not-needed|unneeded|never|cpu)$/;
const SAME = /^(same|one|single|shared)$/;
const MIXED = /^(different|mixed|many|multiple|various)$/;

/** Read one `key=value` hint into the workload; a sentence for the person when it cannot be read. */
function applyHint(
  w: Workload,
  hinted: Partial<Record<Figure, Field<Range>>>,
  key: string | undefined,
  value: string,
  source: Source,
): string | undefined {
  const fig = (k: Figure, kind: 'size' | 'duration' | 'rate', unit: string, example: string) => {
    const q = parseQuantity(value, kind, unit);
    if (q) hinted[k] = { value: { low: q.low, high: q.high, ...(q.open ? { open: q.open } : {}) }, source };
    return q ? undefined : `I couldn't read "${source.said}"; try "${example}".`;
  };
  const on = (c: Concept) => add(w, c, { ...source, mode: 'stated' });
  const tri = (k: 'gpu' | 'sync' | 'sameFramework', v: boolean) => (w[k] = { value: v, source });
  switch (key) {
    case 'payload':
      return fig('payload', 'size', 'mb', 'payload=20MB');
    case 'memory':
      return fig('memory', 'size', 'mb', 'memory=8GB');
    case 'processing':
      return fig('processing', 'duration', 's', 'processing=5m');
    case 'perDay':
      return fig('perDay', 'rate', 'day', 'volume=500/day');
    case 'turnaround':
      if (/^(async|can-?wait|whenever|none|any|relaxed|offline|batch)$/.test(value)) tri('sync', false);
      else if (/^(low|realtime|real-time|instant|immediate|sync|ms|fast|strict|tight)$/.test(value))
        [on('lowLatency'), tri('sync', true)];
      else if (/^(overnight|morning|next-?day|tomorrow)$/.test(value))
        hinted.turnaround = { value: { low: 43_200, high: 86_400 }, source };
      else return fig('turnaround', 'duration', 's', 'latency=30m');
      return undefined;
    case 'traffic': {
      const ps = value.split(/[+,/|]/).map((p) => TRAFFIC[p.trim()] as Pattern | undefined);
      for (const p of ps) if (p) w.patterns.set(p, source);
      return ps.some(Boolean)
        ? undefined
        : `I couldn't read "${source.said}"; traffic can be steady, spiky, intermittent, nightly or peaks.`;
    }
    case 'gpu':
      if (YES.test(value) || NO.test(value)) tri('gpu', YES.test(value));
      else if (/^(inf|inf2|inferentia)$/.test(value)) on('neuron');
      else return `I couldn't read "${source.said}"; try "gpu=yes" or "gpu=no".`;
      on('askInstance');
      return undefined;
    case 'models':
    case 'containers': {
      const n = Number.parseFloat(value.replace(/k$/, '000'));
      if (!Number.isFinite(n) || n < 0)
        return `I couldn't read "${source.said}" as a number; try "${key}=3".`;
      hinted[key] = { value: { low: n, high: n }, source };
      if (n >= 2) on(key === 'containers' ? 'chain' : 'manyModels');
      return undefined;
    }
    case 'framework':
      if (SAME.test(value) || MIXED.test(value) || value.split(/[+,/|]/).length > 1)
        tri('sameFramework', SAME.test(value));
      for (const n of value.split(/[+,/|]/)) if (n && !SAME.test(n) && !MIXED.test(n)) w.frameworks.push(n);
      return undefined;
    case 'rollout': {
      const c = ROLLOUTS[value] as Concept | undefined;
      if (c) [c, 'rollout' as const].forEach(on);
      return c
        ? undefined
        : `I couldn't read "${source.said}"; rollout can be canary, linear, rolling, shadow, ab or blue-green.`;
    }
    case 'capacity':
      if (/^(low|little|limited|tight|none|scarce)$/.test(value)) on('rolling');
      return undefined;
    case 'idle':
      if (YES.test(value) || /^(often|mostly|long|zero)$/.test(value)) on('idleCost');
      return undefined;
    case 'edge':
      if (YES.test(value)) on('onDevice');
      return undefined;
    case 'sync':
      if (YES.test(value) || NO.test(value)) tri('sync', YES.test(value));
      return undefined;
    default:
      return `I didn't use the hint "${source.said}": I know payload, processing, latency, traffic, volume, gpu, models, framework, containers, rollout, capacity, idle, memory and edge.`;
  }
}
