/* words_it.c - Italian: the words tidings knows in this language (lang.h says
 * what each kind is for and how a list is written); tests/unit/test_lang.c checks
 * that each is folded and sorted. */
#include "lang/lang.h"

TDP_LANG_DEFINE(it, "italian",
    [TDP_WL_STOP] =
        "a ad agli ai al alla alle allo anche che chi ci come con da dal dalla dalle "
        "degli dei del della delle dello di e ed gli ha hanno i il in la le lo loro "
        "ma mi ne negli nei nel nella nelle non o per più quando quella quelle quelli "
        "quello questa queste questi questo se si sono su sua sue suo suoi tra un una "
        "uno è",
    [TDP_WL_DETECT] =
        "alla anche che con da dei del della delle di e ed gli ha il la le nel nella "
        "non per questo si sono un una è",
    [TDP_WL_EVENT] =
        "conferenza consiglio elezioni riunione vertice",
    [TDP_WL_SPEECH] =
        "afferma affermato aggiunge aggiunto annunciato avvertito chiesto confermato "
        "detto dice dichiara dichiarato disse precisato ribadito risposto scritto "
        "scrive sottolinea sottolineato spiega spiegato",
    [TDP_WL_TITLE] =
        "ambasciatore cancelliere deputata deputato dott dottor dottoressa generale "
        "giudice governatore ministra ministro papa premier presidente principe "
        "principessa prof re regina segretaria segretario senatore senatrice sig "
        "signor signora sindaco vicepresidente",
    [TDP_WL_ROLE] =
        "ambasciatore cancelliere consigliere diplomatica diplomatico esperta esperto "
        "ministra ministro portavoce presidente",
    [TDP_WL_CHROME] =
        "articoli correlati|commenti|condividi|"
        "il tuo indirizzo email non sarà pubblicato|lascia un commento|leggi anche|"
        "potrebbe interessarti anche|pubblicità|rispondi",
    [TDP_WL_CHROME_PREFIX] =
        "leggi anche:",
    [TDP_WL_UI] =
        "cerca|condividi",
    [TDP_WL_FORUM] =
        "iscritto|messaggi",
    [TDP_WL_CREDIT] =
        "foto",
    [TDP_WL_BYLINE] =
        "di",
    [TDP_WL_AHEAD] =
        "inizio",
)
