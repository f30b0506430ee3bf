/* words_pt.c - Portuguese: the words tidings knows in this language (lang.h says
 * what each kind is for and how a list is written); tests/unit/test_lang.c checks
 * that each is folded and sorted. */
#include "lang/lang.h"

TDP_LANG_DEFINE(pt, "portuguese",
    [TDP_WL_STOP] =
        "a ao aos as com como da das de dela do dos e ela ele eles em entre era essa "
        "esse esta este está foi for há isso isto já mais mas me mesmo na nas nem no "
        "nos não o os ou para pela pelo por quando que se sem ser seu seus sua suas "
        "são também te tem um uma à é",
    [TDP_WL_DETECT] =
        "a ao as com da das de do dos e em foi mais na no não o os para por que seu "
        "sua também um uma é",
    [TDP_WL_SPEECH] =
        "acrescentou afirma afirmou alertou anunciou confirmou declarou destacou "
        "disse disseram diz escreveu explica explicou garante garantiu perguntou "
        "respondeu ressaltou sublinhou",
    [TDP_WL_TITLE] =
        "chanceler deputada deputado dr dra embaixador embaixadora general governador "
        "governadora juiz juíza ministra ministro papa prefeita prefeito presidente "
        "princesa príncipe rainha rei secretária secretário senador senadora sr sra",
    [TDP_WL_ROLE] =
        "assessor assessora chanceler diplomata embaixador embaixadora especialista "
        "ministra ministro presidente",
    [TDP_WL_CHROME] =
        "comentários|compartilhar|deixe um comentário|deixe uma resposta|leia mais|"
        "leia também|o seu endereço de e-mail não será publicado|publicidade|"
        "seu endereço de e-mail não será publicado|veja também|você também pode gostar",
    [TDP_WL_CHROME_PREFIX] =
        "leia também:|veja também:",
    [TDP_WL_UI] =
        "compartilhar|imprimir|pesquisar",
    [TDP_WL_FORUM] =
        "mensagens",
    [TDP_WL_CREDIT] =
        "foto|fotos",
    [TDP_WL_BYLINE] =
        "por|texto:",
)
