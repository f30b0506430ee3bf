/* words_es.c - Spanish: the words tidings knows in this language (lang.h says
 * what each kind is for and how a list is written); tests/unit/test_lang.c checks
 * that each is folded and sorted. */
#include "lang/lang.h"

TDP_LANG_DEFINE(es, "spanish",
    [TDP_WL_STOP] =
        "a al algo algunos ante antes como con contra cual cuando de del desde donde "
        "durante e el ella ellas ellos en entre era es esa esas ese eso esos esta "
        "estaba estas este esto estos fue ha han hasta hay la las le les lo los me mi "
        "mucho muy más nada ni no nos o otra otros para pero poco por porque que "
        "quien se sea ser si sido sin sobre su sus también te tiene todo todos tu un "
        "una uno unos y ya él",
    [TDP_WL_DETECT] =
        "al como con de del el en es este fue ha la las lo los más para pero por que "
        "se según su sus un una y",
    [TDP_WL_EVENT] =
        "conferencia consejo cumbre elecciones elección reunión",
    [TDP_WL_SPEECH] =
        "advierte advirtió afirma afirmó agrega agregó anunció asegura aseguró añade "
        "añadió comentó confirmó declaró destacó dice dijo escribe escribió explica "
        "explicó indica indicó insistió manifestó preguntó respondió señala señaló "
        "sostiene sostuvo subrayó",
    [TDP_WL_TITLE] =
        "alcalde alcaldesa canciller diputada diputado don doña dr dra embajador "
        "embajadora general gobernador gobernadora juez jueza ministra ministro papa "
        "presidenta presidente princesa príncipe reina rey secretaria secretario "
        "senador senadora sr sra srta vicepresidenta vicepresidente",
    [TDP_WL_ROLE] =
        "asesor asesora canciller diplomática diplomático embajador embajadora "
        "experta experto ministra ministro portavoz presidenta presidente",
    [TDP_WL_CHROME] =
        "artículos relacionados|comentarios|compartir|deja un comentario|"
        "deja una respuesta|dejar un comentario|dejar una respuesta|lea también|"
        "lee también|leer más|noticias relacionadas|publicidad|registro exitoso|"
        "responder|su dirección de correo electrónico no será publicada|suscríbete|"
        "sé el primero en comentar|también te puede interesar|te puede interesar|"
        "tu dirección de correo electrónico no será publicada|ver también",
    [TDP_WL_CHROME_PREFIX] =
        "etiquetas:|lea también:|lee también:|tu dirección de correo|ver también:",
    [TDP_WL_UI] =
        "buscar|compartir|imprimir|inicio",
    [TDP_WL_FORUM] =
        "mensajes|registrado|ubicación",
    [TDP_WL_CREDIT] =
        "foto|fotos|fuente",
    [TDP_WL_BYLINE] =
        "por|texto:",
    [TDP_WL_AHEAD] =
        "comienzos de|principios de",
)
