/* words_fr.c - French: the words tidings knows in this language (lang.h says
 * what each kind is for and how a list is written); tests/unit/test_lang.c checks
 * that each is folded and sorted. */
#include "lang/lang.h"

TDP_LANG_DEFINE(fr, "french",
    [TDP_WL_STOP] =
        "a ai aie au aux avait avec c ce ceci cela ces cet cette d dans de des du "
        "elle elles en est et eu il ils j je l la le les leur leurs lui m ma mais me "
        "mes moi mon même n ne nos notre nous on ont ou où par pas pour qu que qui s "
        "sa sans se ses son sont sur ta te tes toi ton tu un une vos votre vous y à "
        "été être",
    [TDP_WL_DETECT] =
        "au aux avec ce cette dans des du est et il la le les mais ont par pas pour "
        "que qui selon sont sur un une été",
    [TDP_WL_EVENT] =
        "assemblée conférence conseil réunion sommet élection élections",
    [TDP_WL_SPEECH] =
        "affirme affirmé ajoute ajouté annoncé assure assuré averti confirmé demandé "
        "dit déclare déclaré estime estimé explique expliqué indique indiqué précise "
        "précisé répondu souligne souligné écrit",
    [TDP_WL_TITLE] =
        "ambassadeur ambassadrice chancelier chancelière commissaire dr député "
        "députée gouverneur général juge m maire ministre mlle mme pape premier "
        "prince princesse président présidente reine roi secrétaire sénateur sénatrice",
    [TDP_WL_ROLE] =
        "ambassadeur ambassadrice chancelier chancelière conseiller conseillère "
        "diplomate expert experte ministre président présidente",
    [TDP_WL_CHROME] =
        "abonnez-vous|articles similaires|commentaires|imprimer|inscription réussie|"
        "laisser un commentaire|laisser une réponse|lire aussi|lire la suite|partager|"
        "publicité|répondre|s'abonner|soyez le premier à commenter|sur le même sujet|"
        "voir aussi|votre adresse de messagerie ne sera pas publiée|"
        "votre adresse e-mail ne sera pas publiée|vous aimerez aussi|"
        "vous aimerez peut-être aussi|à lire aussi",
    [TDP_WL_CHROME_PREFIX] =
        "lire aussi:|mots-clés:|voir aussi:|votre adresse e-mail ne sera|à lire aussi:",
    [TDP_WL_UI] =
        "accueil|connexion|imprimer|partager|rechercher",
    [TDP_WL_FORUM] =
        "inscrit|inscrit le|localisation",
    [TDP_WL_CREDIT] =
        "crédit|crédit photo|crédits",
    [TDP_WL_BYLINE] =
        "par|texte:",
    [TDP_WL_AHEAD] =
        "début",
)
