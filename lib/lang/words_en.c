/* words_en.c - English: the words tidings knows in this language (lang.h says
 * what each kind is for and how a list is written); tests/unit/test_lang.c checks
 * that each is folded and sorted. */
#include "lang/lang.h"

TDP_LANG_DEFINE(en, "english",
    [TDP_WL_STOP] =
        "a about above after again against all also am an and any are aren't as at be "
        "because been before being below between both but by can can't cannot could "
        "couldn't did didn't do does doesn't doing don't down during each few for "
        "from further had hadn't has hasn't have haven't having he he'd he'll he's "
        "her here here's hers herself him himself his how how's i i'd i'll i'm i've "
        "if in into is isn't it it's its itself just let's may me might more most mr "
        "mrs ms must mustn't my myself no nor not now of off on once only or other "
        "ought our ours ourselves out over own per s said same say says shall shan't "
        "she she'd she'll she's should shouldn't so some such t than that that's the "
        "their theirs them themselves then there there's these they they'd they'll "
        "they're they've this those through to too under until up upon us very via "
        "was wasn't we we'd we'll we're we've were weren't what what's when when's "
        "where where's which while who who's whom why why's will with won't would "
        "wouldn't you you'd you'll you're you've your yours yourself yourselves",
    [TDP_WL_DETECT] =
        "and are as be been by for from has have is it not of on said that the their "
        "they this to was were which will with would",
    [TDP_WL_EVENT] =
        "assembly ceremony championship conference congress consultations convention "
        "council election elections festival forum games hearing meeting negotiations "
        "olympics referendum session summit talks trial vote",
    [TDP_WL_SPEECH] =
        "according acknowledged added adding adds admitted affirmed announced "
        "answered argued asked asks asserted called calling calls claimed commented "
        "concluded confirmed continued declared described describes describing dubbed "
        "emphasised emphasized emphasizing explained explaining insisted labeled "
        "labeling labelled noted notes noting pointed posted read reads recalled "
        "reiterated remarked replied reported responded said say saying says stated "
        "states stating stressed stresses stressing suggested tells termed told "
        "tweeted underlined urged warned warning warns writes wrote",
    [TDP_WL_TITLE] =
        "adm admiral adviser advisor ambassador assistant attorney brig capt captain "
        "chair chairman chairwoman chancellor chief chiefs col colonel commander "
        "commissioner congressman congresswoman coordinator counselor crown defence "
        "defense deputy director dr duke emir emperor envoy executive first foreign "
        "gen general gov governor head interior judge justice king lady leader "
        "lieutenant lord lt maj major mayor minister mr mrs ms officer pope premier "
        "president presidential press prime prince princess prof professor queen rep "
        "representative secretary sen senator sergeant sgt sheikh sir speaker "
        "spokesman spokesperson spokeswoman state treasury under undersecretary vice",
    [TDP_WL_ROLE] =
        "adviser advisor aide ambassador analyst chairman chairwoman chancellor chief "
        "commander commissioner correspondent diplomat director envoy expert governor "
        "head leader minister negotiator officer official premier president "
        "prosecutor representative secretary senator spokesman spokesperson "
        "spokeswoman",
    [TDP_WL_CHROME] =
        "add a comment|advertisement|all rights reserved|also read|back to top|"
        "be the first to comment|cancel reply|click here|click to expand|comment|"
        "comments|continue reading|copy link|don't miss|e-mail|email|follow us|home|"
        "image|join the discussion|leave a comment|leave a reply|"
        "leave a reply cancel reply|like|link copied|listen|load more|loading|log in|"
        "log in to comment|login|menu|more|more from|more on this story|most popular|"
        "most read|newsletter|next|next article|next post|no comments|"
        "notify me of follow-up comments by email|notify me of new posts by email|"
        "open in app|photo|please enable javascript|post a comment|post navigation|"
        "previous|previous article|previous post|print|read also|read full article|"
        "read more|read next|read the full story|recommended|recommended for you|"
        "register|registration was successful|related|related articles|related news|"
        "related posts|related stories|related topics|reply|report|report this ad|"
        "required fields are marked|search|see also|share|share on facebook|"
        "share on twitter|share this|share this article|share this story|"
        "share via email|show comments|show more|sign in|sign in to comment|sign up|"
        "skip to content|skip to main content|sponsored|sponsored content|subscribe|"
        "subscribe now|tags|thank you for subscribing|top stories|topics|trending|"
        "tweet|video|view comments|view gallery|view more|what do you think|"
        "write a comment|you are here|you may also like|you might also like|"
        "your email address will not be published",
    [TDP_WL_CHROME_PREFIX] =
        "all rights reserved|also read:|click here to|copyright (c)|copyright ©|"
        "follow us on|listen to the full|more from|more:|read also:|read more:|"
        "read next:|related:|see also:|share this:|sign up for our|sign up to|"
        "subscribe to|subscribe to our|tagged:|tags:|this article was|topics:|"
        "watch the full|your email address will not be published",
    [TDP_WL_UI] =
        "&|account|back|close|comment|comments|content|copy|e-mail|email|facebook|"
        "feed|follow|home|in|instagram|like|link|linkedin|log|login|logout|mail|main|"
        "menu|my|newsletter|next|out|pinterest|previous|print|reddit|register|reply|"
        "report|rss|search|share|sign|skip|subscribe|telegram|to|top|twitter|up|us|vk|"
        "whatsapp|x|youtube",
    [TDP_WL_FORUM] =
        "age|country|credits|gender|joined|likes|likes received|location|member since|"
        "messages|occupation|points|posts|reaction score|registered|reputation|"
        "solutions|start date|thread starter|trophy points",
    [TDP_WL_CREDIT] =
        "(c)|credit|credits|file photo|getty images|illustration|image|image credit|"
        "images|photo|photo by|photograph|photos|picture|source|©",
    [TDP_WL_BYLINE] =
        "author:|by|editing by|posted by|reporting by|story by|text:|words by|"
        "writing by|written by",
    [TDP_WL_AHEAD] =
        "beginning of|by early|early|next|start of",
)
