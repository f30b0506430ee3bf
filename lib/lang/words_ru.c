/* words_ru.c - Russian: the words tidings knows in this language (see lang.h
 * for what each list is for). Lists are folded (tdp_token_next's form) and sorted
 * bytewise; tests/unit/test_lang.c checks both. */
#include "lang/lang.h"

/* Function words: left out of terms, word sets and names. */
static const char *const stop[] = {
    "а", "без", "более", "бы", "был", "была", "были", "было", "быть", "в", "вам",
    "вас", "весь", "во", "вот", "все", "всего", "всех", "вы", "где", "да", "даже",
    "для", "до", "его", "ее", "если", "есть", "еще", "же", "за", "здесь", "и", "из",
    "или", "им", "их", "к", "как", "ко", "когда", "кто", "ли", "либо", "мне", "может",
    "мы", "на", "надо", "наш", "не", "него", "нее", "нет", "ни", "них", "но", "ну",
    "о", "об", "однако", "он", "она", "они", "оно", "от", "очень", "по", "под", "при",
    "с", "со", "так", "также", "такой", "там", "те", "тем", "то", "того", "тоже",
    "той", "только", "том", "ты", "у", "уже", "хотя", "чего", "чей", "чем", "что",
    "чтобы", "чье", "чья", "эта", "эти", "это", "я",
};

/* The commonest function words, whose counts tell the language of a text. */
static const char *const detect[] = {
    "а", "был", "в", "года", "для", "его", "же", "за", "и", "из", "к", "как",
    "которые", "на", "не", "но", "о", "он", "она", "от", "по", "при", "с", "также",
    "то", "что", "это",
};

/* Verb forms that attribute words to a speaker: quotes find who spoke by them. */
static const char *const speech[] = {
    "говорит", "добавил", "добавила", "заявил", "заявила", "заявили", "написал",
    "написала", "ответил", "ответила", "отметил", "отметила", "подчеркнул",
    "подчеркнула", "пояснил", "пояснила", "предупредил", "рассказал", "рассказала",
    "сказал", "сказала", "сказали", "сообщил", "сообщила", "сообщили", "спросил",
    "считает", "уточнил", "уточнила",
};

/* Titles and honorifics that stand before a name. */
static const char *const title[] = {
    "генерал", "глава", "господин", "госпожа", "госсекретарь", "губернатор", "депутат",
    "канцлер", "королева", "король", "министр", "мэр", "патриарх", "посол",
    "председатель", "президент", "премьер", "принц", "принцесса", "сенатор", "спикер",
    "судья",
};

/* Nouns naming what a person does ("the spokesman said"). */
static const char *const role[] = {
    "дипломат", "канцлер", "министр", "посол", "представитель", "президент", "советник",
    "эксперт",
};

/* Lines that are page furniture as a whole ("leave a reply"). */
static const char *const chrome[] = {
    "будьте первым, кто оставит комментарий", "вам может понравиться",
    "ваш e-mail не будет опубликован", "ваш адрес email не будет опубликован",
    "комментарии", "материалы по теме", "новости по теме", "оставить комментарий",
    "оставьте комментарий", "ответить", "поделиться", "подписывайтесь",
    "похожие статьи", "регистрация прошла успешно", "реклама", "смотрите также",
    "читайте также", "читать далее",
};

/* Openers of page furniture that goes on ("read more: ..."). */
static const char *const chrome_prefix[] = {
    "ваш адрес email", "смотрите также:", "теги:", "читайте также:",
};

/* Words of buttons and menus: a short line made only of them is furniture. */
static const char *const ui[] = {
    "войти", "главная", "печать", "поделиться", "поиск",
};

/* Fields of a forum post's user header ("joined", "messages"). */
static const char *const forum[] = {
    "баллы", "откуда", "реакции", "регистрация", "репутация", "сообщения",
};

/* Openers of a photo credit ("photo:"). */
static const char *const credit[] = {
    "источник", "фото",
};

/* Openers of a byline ("by", "written by"). */
static const char *const byline[] = {
    "автор", "автор:",
};

/* Cues before a year that point ahead ("early 2023"). */
static const char *const ahead[] = {
    "начале",
};

TDP_LANG_DEFINE(ru, "russian", TDP_LANG_LIST(TDP_WL_STOP, stop),
                TDP_LANG_LIST(TDP_WL_DETECT, detect),
                TDP_LANG_LIST(TDP_WL_SPEECH, speech), TDP_LANG_LIST(TDP_WL_TITLE, title),
                TDP_LANG_LIST(TDP_WL_ROLE, role),
                TDP_LANG_LIST(TDP_WL_CHROME, chrome),
                TDP_LANG_LIST(TDP_WL_CHROME_PREFIX, chrome_prefix),
                TDP_LANG_LIST(TDP_WL_UI, ui), TDP_LANG_LIST(TDP_WL_FORUM, forum),
                TDP_LANG_LIST(TDP_WL_CREDIT, credit),
                TDP_LANG_LIST(TDP_WL_BYLINE, byline),
                TDP_LANG_LIST(TDP_WL_AHEAD, ahead))
