/* words_nl.c - Dutch: the words tidings knows in this language (lang.h says
 * what each kind is for and how a list is written); tests/unit/test_lang.c checks
 * that each is folded and sorted. */
#include "lang/lang.h"

TDP_LANG_DEFINE(nl, "dutch",
    [TDP_WL_STOP] =
        "aan al als bij dan dat de der des deze die dit doch door dus een en er ge "
        "geen had heb hebben heeft het hij hoe hun ik in is je kan kon maar me meer "
        "men met mij mijn na naar niet niets nog nu of om omdat ons ook op over te "
        "tegen toch toen tot u uit van veel voor want was wat we wel werd wie wij wil "
        "worden zal ze zich zij zijn zo zonder",
    [TDP_WL_DETECT] =
        "aan bij dat de die een en er heeft het hij in is maar met naar niet ook op "
        "te van voor werd worden wordt zijn",
    [TDP_WL_SPEECH] =
        "aldus antwoordde benadrukte bevestigde meldde schreef schrijft stelde "
        "verklaarde vertelde voegde vroeg waarschuwde zegt zei zeiden",
    [TDP_WL_TITLE] =
        "ambassadeur burgemeester commissaris dhr dr generaal gouverneur kanselier "
        "koning koningin meneer mevr mevrouw minister paus premier president prins "
        "prinses prof rechter secretaris senator staatssecretaris voorzitter",
    [TDP_WL_ROLE] =
        "adviseur ambassadeur deskundige diplomaat kanselier minister premier "
        "president woordvoerder woordvoerster",
    [TDP_WL_CHROME] =
        "advertentie|delen|gerelateerde artikelen|"
        "je e-mailadres wordt niet gepubliceerd|laat een reactie achter|lees meer|"
        "lees ook|reacties",
    [TDP_WL_CHROME_PREFIX] =
        "lees ook:",
    [TDP_WL_UI] =
        "delen|zoeken",
    [TDP_WL_FORUM] =
        "berichten|lid sinds",
    [TDP_WL_CREDIT] =
        "foto|fotos",
    [TDP_WL_BYLINE] =
        "door",
)
