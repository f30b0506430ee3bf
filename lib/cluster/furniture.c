/*
 * furniture.c - site furniture out of a run of articles.
 *
 * Cleaning works on one article and cannot tell a site's furniture that reads
 * like prose ("Get email notifications on ... daily!", "We have sent you a
 * verification email.", a video playlist's captions) from the story. A run of
 * many articles can: the same paragraph in many documents, told over many days,
 * is no one event's. A page made mostly of such paragraphs says nothing of its
 * event but its title: it is clustered by its title alone, and is neither a copy
 * nor copied (its "copies" are the other pages of the same site).
 *
 * Furniture is a site's: a paragraph is counted per site (the host of the page's
 * URL, else its outlet; a page with neither has none). Wire copies also repeat
 * paragraphs, but the copies of one report appear within a few days of one
 * another; furniture recurs over weeks.
 */
#include "cluster/cluster_p.h"
#include "core/hmap.h"

/*
 * A paragraph is furniture when this many documents of the run hold it... (gva-dev
 * F1 at 2 / 3 / 4: 0.897 / 0.895 / 0.894; ECB+ 0.910 at each)
 */
static const uint32_t furn_docs = 2;
/* ...and the dated ones among them span more than this many days: the copies of
 * one report appear within days (3, 7 and 14 give the same F1 on both sets) */
static const int32_t furn_span_days = 7;
/* A page whose paragraphs are this share furniture (by bytes) is clustered by
 * its title (0.3, 0.5 and 0.7 within 0.001 on both sets: the half) */
static const double furn_share = 0.5;

typedef struct pstat {
    uint32_t docs;          /* documents holding the paragraph */
    uint32_t last_doc;      /* the last one counted (+1): a page counts once */
    int32_t first, last;    /* days of the dated ones, TDP_NODAY when none */
} pstat;

/* The site a page comes from: the host of its URL, else its outlet; 0 when
 * neither is known (such a page has no furniture that can be told). */
static uint64_t site_of(const td_article *a)
{
    if (a->url) {
        const char *h = strstr(a->url, "://");
        h = h ? h + 3 : a->url;
        size_t n = strcspn(h, "/?#");
        if (n)
            return tdp_hash(h, n) | 1;
    }
    if (a->outlet && *a->outlet)
        return tdp_hash(a->outlet, strlen(a->outlet)) | 1;
    return 0;
}

static uint64_t para_key(const tdp_para *p, uint64_t site)
{
    return tdp_hash(p->text, p->len) ^ site;
}

td_status tdp_cluster_furniture(td_article *const *arts, const tdp_cinfo *info, size_t n,
                                uint8_t *mostly)
{
    if ((!arts || !info || !mostly) && n)
        return TD_EARG;
    tdp_hmap m;
    tdp_hmap_init(&m, sizeof(pstat), 0);
    td_status st = TD_OK;
    for (size_t i = 0; i < n && !st; i++) {
        mostly[i] = 0;
        uint64_t site = site_of(arts[i]);
        for (size_t k = 0; site && k < arts[i]->n_paras && !st; k++) {
            void *v;
            bool fresh = false;
            st = tdp_hmap_put(&m, para_key(&arts[i]->paras[k], site), &v, &fresh);
            if (st)
                break;
            pstat *ps = v;
            if (fresh) {
                ps->first = ps->last = TDP_NODAY;
            }
            if (ps->last_doc == i + 1)
                continue;
            ps->last_doc = (uint32_t)(i + 1);
            ps->docs++;
            int32_t d = info[i].own;
            if (d != TDP_NODAY) {
                if (ps->first == TDP_NODAY || d < ps->first)
                    ps->first = d;
                if (ps->last == TDP_NODAY || d > ps->last)
                    ps->last = d;
            }
        }
    }
    for (size_t i = 0; i < n && !st; i++) {
        size_t all = 0, furn = 0;
        uint64_t site = site_of(arts[i]);
        for (size_t k = 0; site && k < arts[i]->n_paras; k++) {
            const tdp_para *p = &arts[i]->paras[k];
            const pstat *ps = tdp_hmap_get(&m, para_key(p, site));
            all += p->len;
            if (ps && ps->docs >= furn_docs && ps->first != TDP_NODAY &&
                ps->last - ps->first > furn_span_days)
                furn += p->len;
        }
        mostly[i] = all && (double)furn >= furn_share * (double)all;
    }
    tdp_hmap_free(&m);
    return st;
}
