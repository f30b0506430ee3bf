/* words_de.c - German: the words tidings knows in this language (lang.h says
 * what each kind is for and how a list is written); tests/unit/test_lang.c checks
 * that each is folded and sorted. */
#include "lang/lang.h"

TDP_LANG_DEFINE(de, "german",
    [TDP_WL_STOP] =
        "aber alle allem allen aller alles als also am an ander andere anderem "
        "anderen anderer anderes anderm andern anders auch auf aus bei bin bis bist "
        "da damit dann das dass dasselbe dazu dein deine deinem deinen deiner dem "
        "demselben den denn denselben der derer derselbe derselben des desselben "
        "dessen dich die dies diese dieselbe dieselben diesem diesen dieser dieses "
        "dir doch dort du durch ein eine einem einen einer eines einig einige einigem "
        "einigen einiger einiges einmal er es etwas euch euer eure eurem euren eurer "
        "für gegen gewesen hab habe haben hat hatte hatten hier hin hinter ich ihm "
        "ihn ihnen ihr ihre ihrem ihren ihrer ihres im in indem ins ist jede jedem "
        "jeden jeder jedes jene jenem jenen jener jenes jetzt kann kein keine keinem "
        "keinen keiner keines können könnte machen man manche manchem manchen mancher "
        "manches mein meine meinem meinen meiner meines mich mir mit muss musste nach "
        "nicht nichts noch nun nur ob oder ohne sehr sein seine seinem seinen seiner "
        "seines selbst sich sie sind so solche solchem solchen solcher solches soll "
        "sollte sondern sonst um und uns unser unsere unserem unseren unserer unter "
        "viel vom von vor war waren warst was weg weil weiter welche welchem welchen "
        "welcher welches wenn werde werden wie wieder will wir wird wirst wo wollen "
        "wollte während würde würden zu zum zur zwar zwischen über",
    [TDP_WL_DETECT] =
        "auch auf bei das dem den der des die ein eine es für hat im ist mit nach "
        "nicht sich sie sind und von werden wird wurde zu",
    [TDP_WL_EVENT] =
        "gipfel konferenz rat sitzung treffen verhandlungen wahl wahlen",
    [TDP_WL_SPEECH] =
        "antwortete berichtete bestätigte betont betonte erklärt erklärte erklärten "
        "forderte fragte fügte kritisierte meinte sagt sagte sagten schreibt schrieb "
        "twitterte unterstrich warnt warnte",
    [TDP_WL_TITLE] =
        "aussenminister aussenministerin botschafter botschafterin bundeskanzler "
        "bundeskanzlerin bundespräsident bundespräsidentin bürgermeister "
        "bürgermeisterin dr frau general herr kanzler kanzlerin könig königin "
        "minister ministerin ministerpräsident ministerpräsidentin papst prinz "
        "prinzessin prof präsident präsidentin richter richterin",
    [TDP_WL_ROLE] =
        "berater beraterin botschafter botschafterin diplomat diplomatin experte "
        "expertin kanzler kanzlerin minister ministerin präsident präsidentin "
        "sprecher sprecherin",
    [TDP_WL_CHROME] =
        "antworten abbrechen|anzeige|artikel teilen|auch interessant|"
        "das könnte sie auch interessieren|"
        "deine e-mail-adresse wird nicht veröffentlicht|drucken|empfohlene artikel|"
        "hinterlasse einen kommentar|ihre e-mail-adresse wird nicht veröffentlicht|"
        "kommentar schreiben|kommentar verfassen|kommentare|lesen sie auch|mehr lesen|"
        "mehr zum thema|newsletter abonnieren|registrierung erfolgreich|"
        "schreiben sie einen kommentar|teilen|weitere artikel|weiterlesen|werbung|"
        "zum artikel",
    [TDP_WL_CHROME_PREFIX] =
        "ihre e-mail-adresse wird nicht|lesen sie auch:|mehr zum thema:|schlagworte:",
    [TDP_WL_UI] =
        "anmelden|drucken|startseite|suche|teilen",
    [TDP_WL_FORUM] =
        "beiträge|dabei seit|registriert|registriert seit|wohnort",
    [TDP_WL_CREDIT] =
        "bild|foto|fotos|quelle",
    [TDP_WL_BYLINE] =
        "von",
    [TDP_WL_AHEAD] =
        "anfang",
)
