/*
 * emit_json.c - one story's brief as a JSON object (schema: docs/json.md).
 * Deterministic: every array is in the brief's own order; no pointers, no clock.
 */
#include "brief/brief_p.h"

static void json_date(tdp_buf *o, const td_date *d)
{
    char s[32];
    if (d && td_date_format(d, s, sizeof s))
        tdp_buf_json_cstr(o, s);
    else
        tdp_buf_puts(o, "null");
}

static void json_sources(tdp_buf *o, td_article *const *arts, const tdp_brief *b,
                         const tdp_srcs *s)
{
    tdp_buf_puts(o, "\"sources\":[");
    for (uint32_t i = 0; i < s->n; i++) {
        if (i)
            tdp_buf_putc(o, ',');
        tdp_buf_json_cstr(o, arts[b->arts[s->ids[i]]]->id);
    }
    tdp_buf_printf(o, "],\"independent\":%u", s->n_indep);
}

static void json_entities(tdp_buf *o, td_article *const *arts, const tdp_brief *b,
                          const char *name, const tdp_bentity *e, size_t n, bool title)
{
    tdp_buf_printf(o, ",\"%s\":[", name);
    for (size_t i = 0; i < n; i++) {
        tdp_buf_puts(o, i ? ",{\"name\":" : "{\"name\":");
        tdp_buf_json_cstr(o, e[i].name);
        tdp_buf_puts(o, ",\"variants\":[");
        for (uint32_t v = 0; v < e[i].n_variants; v++) {
            if (v)
                tdp_buf_putc(o, ',');
            tdp_buf_json_cstr(o, e[i].variants[v]);
        }
        tdp_buf_putc(o, ']');
        if (title) {
            tdp_buf_puts(o, ",\"title\":");
            tdp_buf_json_cstr(o, e[i].title);
        }
        tdp_buf_printf(o, ",\"mentions\":%u,", e[i].mentions);
        json_sources(o, arts, b, &e[i].src);
        tdp_buf_putc(o, '}');
    }
    tdp_buf_putc(o, ']');
}

static void json_claim(tdp_buf *o, td_article *const *arts, const tdp_brief *b,
                       const tdp_bclaim *cl)
{
    tdp_buf_puts(o, "\"value\":");
    tdp_buf_json_cstr(o, cl->value);
    tdp_buf_putc(o, ',');
    json_sources(o, arts, b, &cl->src);
}

void tdp_brief_json(tdp_buf *o, td_article *const *arts, const tdp_brief *b,
                    size_t story_id)
{
    tdp_buf_printf(o, "{\"id\":%zu,\"headline\":", story_id);
    tdp_buf_json_cstr(o, b->headline);
    tdp_buf_puts(o, ",\"first\":");
    json_date(o, b->first.prec ? &b->first : NULL);
    tdp_buf_puts(o, ",\"last\":");
    json_date(o, b->last.prec ? &b->last : NULL);
    tdp_buf_printf(o, ",\"independent_sources\":%zu,\"articles\":[", b->n_indep);
    for (size_t i = 0; i < b->n_arts; i++) {
        const td_article *a = arts[b->arts[i]];
        tdp_buf_puts(o, i ? ",{\"id\":" : "{\"id\":");
        tdp_buf_json_cstr(o, td_article_id(a));
        tdp_buf_puts(o, ",\"outlet\":");
        tdp_buf_json_cstr(o, td_article_outlet(a));
        tdp_buf_puts(o, ",\"title\":");
        tdp_buf_json_cstr(o, td_article_title(a));
        tdp_buf_puts(o, ",\"date\":");
        td_date d = td_article_date(a);
        json_date(o, d.prec ? &d : NULL);
        tdp_buf_puts(o, ",\"copy_of\":");
        if (b->copy_of[i] >= 0)
            tdp_buf_json_cstr(o, td_article_id(arts[b->arts[b->copy_of[i]]]));
        else
            tdp_buf_puts(o, "null");
        tdp_buf_putc(o, '}');
    }
    tdp_buf_puts(o, "],\"summary\":[");
    for (size_t i = 0; i < b->n_summary; i++) {
        tdp_buf_puts(o, i ? ",{\"text\":" : "{\"text\":");
        tdp_buf_json_cstr(o, b->summary[i].text);
        tdp_buf_putc(o, ',');
        json_sources(o, arts, b, &b->summary[i].src);
        tdp_buf_putc(o, '}');
    }
    tdp_buf_puts(o, "],\"timeline\":[");
    for (size_t i = 0; i < b->n_timeline; i++) {
        tdp_buf_puts(o, i ? ",{\"date\":" : "{\"date\":");
        json_date(o, &b->timeline[i].date);
        tdp_buf_puts(o, ",\"text\":");
        tdp_buf_json_cstr(o, b->timeline[i].text);
        tdp_buf_putc(o, ',');
        json_sources(o, arts, b, &b->timeline[i].src);
        tdp_buf_putc(o, '}');
    }
    tdp_buf_putc(o, ']');
    json_entities(o, arts, b, "people", b->people, b->n_people, true);
    json_entities(o, arts, b, "organisations", b->orgs, b->n_orgs, false);
    json_entities(o, arts, b, "places", b->places, b->n_places, false);
    tdp_buf_puts(o, ",\"quotes\":[");
    for (size_t i = 0; i < b->n_quotes; i++) {
        tdp_buf_puts(o, i ? ",{\"text\":" : "{\"text\":");
        tdp_buf_json_cstr(o, b->quotes[i].text);
        tdp_buf_puts(o, ",\"speaker\":");
        tdp_buf_json_cstr(o, b->quotes[i].speaker);
        tdp_buf_printf(o, ",\"partial\":%s,", b->quotes[i].partial ? "true" : "false");
        json_sources(o, arts, b, &b->quotes[i].src);
        tdp_buf_putc(o, '}');
    }
    tdp_buf_puts(o, "],\"corroboration\":[");
    bool first = true;
    for (size_t i = 0; i < b->n_facts; i++) {
        const tdp_bfact *f = &b->facts[i];
        if (f->n_claims != 1)
            continue;
        tdp_buf_puts(o, first ? "{\"subject\":" : ",{\"subject\":");
        first = false;
        tdp_buf_json_cstr(o, f->subject);
        tdp_buf_puts(o, ",\"attribute\":");
        tdp_buf_json_cstr(o, f->attr);
        tdp_buf_putc(o, ',');
        json_claim(o, arts, b, &f->claims[0]);
        tdp_buf_putc(o, '}');
    }
    tdp_buf_puts(o, "],\"discrepancies\":[");
    first = true;
    for (size_t i = 0; i < b->n_facts; i++) {
        const tdp_bfact *f = &b->facts[i];
        if (f->n_claims < 2)
            continue;
        tdp_buf_puts(o, first ? "{\"subject\":" : ",{\"subject\":");
        first = false;
        tdp_buf_json_cstr(o, f->subject);
        tdp_buf_puts(o, ",\"attribute\":");
        tdp_buf_json_cstr(o, f->attr);
        tdp_buf_puts(o, ",\"claims\":[");
        for (uint32_t k = 0; k < f->n_claims; k++) {
            tdp_buf_puts(o, k ? ",{" : "{");
            json_claim(o, arts, b, &f->claims[k]);
            tdp_buf_putc(o, '}');
        }
        tdp_buf_puts(o, "]}");
    }
    tdp_buf_puts(o, "]}");
}
