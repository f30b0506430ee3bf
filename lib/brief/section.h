/*
 * section.h - the sections of a brief as a registry, and the walkers that write
 * them (internal to lib/brief).
 *
 * A section is a name (its JSON key and public name), a heading and a shape for
 * the reader formats, a build pass over the story (or none, when an earlier
 * section's pass fills it too), a free for whatever the build keeps outside the
 * brief's arena, and a describe function. Describe reads the story through the
 * public views only (tidings/brief.h) and hands each item to a walker as a
 * format-neutral tdp_item: its parts (key, value, and how a reader sees it), its
 * values with their sources (a discrepancy's claims), its sources. One walker per
 * output format (JSON, Markdown, HTML) turns items into text, so a new section is
 * one file with its descriptor, a line in the registry (section.c) and its tests,
 * and appears in the three formats alike.
 */
#ifndef TDP_SECTION_H
#define TDP_SECTION_H

#include "brief/brief_i.h"

/* How a part shows in Markdown and HTML (JSON shows every part under its key). */
typedef enum tdp_role {
    TDP_ROLE_TEXT = 0,  /* the item's text */
    TDP_ROLE_QUOTE,     /* the item's text, in quotation marks */
    TDP_ROLE_STRONG,    /* the item's text, emphasised in HTML (a name, a value) */
    TDP_ROLE_LEAD,      /* before the text, leads joined by ", " then ": " (a date, a subject) */
    TDP_ROLE_AFTER,     /* after the text: ", X" (a title) */
    TDP_ROLE_ALSO,      /* other forms after the text: " (also X, Y)", the text's own left out */
    TDP_ROLE_BY,        /* who: " (X)" */
    TDP_ROLE_FLAG,      /* true: "(key) " before everything */
    TDP_ROLE_DATA       /* JSON only (a count) */
} tdp_role;

typedef enum tdp_kind {
    TDP_STR = 0,        /* s (NULL: JSON null, not shown) */
    TDP_STRS,           /* strs[0..n) */
    TDP_DATE,           /* date (TD_DATE_NONE: JSON null, not shown) */
    TDP_NUM,            /* num */
    TDP_BOOL            /* yes */
} tdp_kind;

typedef struct tdp_part {
    const char *key;
    uint8_t kind;       /* tdp_kind */
    uint8_t role;       /* tdp_role */
    const char *s;
    const char *const *strs;
    uint32_t n;
    td_date date;
    uint64_t num;
    bool yes;
} tdp_part;

#define TDP_ITEM_PARTS 8

typedef struct tdp_item {
    tdp_part part[TDP_ITEM_PARTS];
    size_t n_parts;
    /* values with their own sources, in JSON "values_key":[{"value","sources",
     * "independent"}], in the reader formats "v1 [..]; v2 [..]" after the leads */
    const char *values_key;
    const td_brief_claim *values;
    size_t n_values;
    const td_sources *src;  /* the item's sources, or NULL */
    bool count;             /* reader formats also say "N independent sources" */
    bool minor;             /* JSON only: too weak to show a reader */
} tdp_item;

/* Adds a part to an item (at most TDP_ITEM_PARTS; more are dropped). */
void tdp_item_str(tdp_item *it, const char *key, const char *s, tdp_role role);
void tdp_item_strs(tdp_item *it, const char *key, const char *const *v, uint32_t n,
                   tdp_role role);
void tdp_item_date(tdp_item *it, const char *key, const td_date *d, tdp_role role);
void tdp_item_num(tdp_item *it, const char *key, uint64_t num, tdp_role role);
void tdp_item_bool(tdp_item *it, const char *key, bool yes, tdp_role role);

/* The shape of a section in Markdown and HTML. */
typedef enum tdp_shape {
    TDP_SHAPE_LIST = 0, /* a bulleted list under a heading */
    TDP_SHAPE_TABLE,    /* leads in a first column (HTML), else a list */
    TDP_SHAPE_QUOTES,   /* block quotations (HTML), else a list */
    TDP_SHAPE_INLINE    /* "Heading: a, b, c." - the texts only */
} tdp_shape;

typedef struct tdp_walker tdp_walker;
typedef struct tdp_section tdp_section;

struct tdp_section {
    const char *name;         /* JSON key, public name */
    const char *heading;      /* Markdown and HTML */
    uint8_t shape;            /* tdp_shape */
    uint16_t md_max;          /* items Markdown shows before "... N more"; 0 = all */
    /* Fills the section from the story's sentences; NULL when an earlier section's
     * pass fills it. `slot` is the section's own pointer in the brief, for a
     * section whose data is not a field of tdp_brief. */
    td_status (*build)(bctx *c, void **slot);
    /* Releases what build kept in *slot (NULL: nothing outside the arena). */
    void (*free)(void *slot);
    /* Hands each item of the story's section to w->item, in output order. */
    void (*describe)(const td_story *s, tdp_walker *w);
};

/* A format: receives a story's sections one at a time. */
struct tdp_walker {
    void (*begin)(tdp_walker *w, const tdp_section *sec); /* may be NULL */
    void (*item)(tdp_walker *w, const tdp_item *it);
    void (*end)(tdp_walker *w, const tdp_section *sec);
    tdp_buf *out;
    const td_story *story;
    const tdp_section *sec;   /* the section being walked */
    size_t n_items;           /* items of the current section so far */
    size_t n_shown;           /* of those, shown (reader formats) */
};

/* The registry, in output order (section.c). */
extern const tdp_section *const tdp_sections[];
extern const size_t tdp_n_sections;

/* Every section of the story through w, in registry order. */
void tdp_walk_sections(const td_story *s, tdp_walker *w);

/* The sections (lib/brief/sections/). */
extern const tdp_section tdp_sec_summary;
extern const tdp_section tdp_sec_timeline;
extern const tdp_section tdp_sec_people;
extern const tdp_section tdp_sec_organisations;
extern const tdp_section tdp_sec_places;
extern const tdp_section tdp_sec_quotes;
extern const tdp_section tdp_sec_corroboration;
extern const tdp_section tdp_sec_discrepancies;

/* Runs every section's build / free, in registry order. */
td_status tdp_brief_sections_build(bctx *c);
void tdp_brief_sections_free(tdp_brief *b);

/* The summary's pass (brief.c). */
td_status tdp_brief_summary(bctx *c);

/*
 * What a reader format (Markdown, HTML) puts around the parts of an item
 * (emit_reader.c writes the item's body from it, emit_md.c and emit_html.c the
 * rest). text() writes a crawled string made safe for the format.
 */
typedef struct tdp_rfmt {
    void (*text)(tdp_buf *o, const char *s);
    void (*sources)(tdp_buf *o, const td_story *s, const td_sources *src);
    const char *strong[2];  /* around a STRONG part and a value */
    const char *quote[2];   /* around a QUOTE part */
    const char *by[2];      /* around a BY part */
    const char *flag[2];    /* around a true FLAG's key */
    const char *copy[2];    /* around "copy of N" in the source list */
} tdp_rfmt;

/* The item's own text (its first text, quoted or emphasised part), or NULL. */
const char *tdp_item_text(const tdp_item *it);
/* The leads of an item ("2026-03-02", "Council, date"), joined by ", ";
 * whether there were any. */
bool tdp_reader_leads(tdp_buf *o, const tdp_rfmt *f, const tdp_item *it);
/* The item as a reader sees it: flags, leads (unless `leads` is false: written
 * elsewhere) and ": ", text, title, other forms, speaker, independent count,
 * sources, values. */
void tdp_reader_item(tdp_buf *o, const tdp_rfmt *f, const td_story *s, const tdp_item *it,
                     bool leads);

/* After an article's id in a story's source list: ", outlet, day: title (copy of
 * N)", what is known of it. */
void tdp_reader_article(tdp_buf *o, const tdp_rfmt *f, const td_story *s, size_t i);

/* An http:// or https:// URL: the only links the reports give. */
bool tdp_web_url(const char *url);

/* One section of a story as its JSON array (emit_json.c). */
void tdp_brief_json_section(tdp_buf *out, const td_story *s, const tdp_section *sec);

#endif
