/* ideas.c: the idea box in the database (see store_ideas.h): submitting,
 * the similar-idea search over the trigram index, the list by votes, one
 * idea with its history, and voting. */
#include <stdint.h>
#include <stdio.h>
#include <string.h>

#include "../core/date.h"
#include "../core/receipt.h"
#include "../core/utf8.h"
#include "store_anon.h"
#include "store_ideas.h"
#include "store_internal.h"

#define SIMILAR_LIMIT 10
/* The similar search ranks the 300 newest matching ideas (store_ideas.h):
 * the offset of the 300th. */
#define SIMILAR_OLDEST_RANKED "299"
#define SIMILAR_MAX_WORDS 12
#define SIMILAR_COMPOUND_MIN 7 /* words this long also search their prefixes */
#define SIMILAR_PREFIX_MIN 5
#define SIMILAR_PREFIX_MAX 10
#define SEARCH_TEXT_MAX 4096

static idea_status column_status(sqlite3_stmt *st, int col)
{
    idea_status out = IDEA_NEW;
    idea_status_parse((const char *)sqlite3_column_text(st, col), &out);
    return out;
}

static void column_copy(sqlite3_stmt *st, int col, char *out, size_t size)
{
    const char *t = (const char *)sqlite3_column_text(st, col);
    utf8_copy(t ? t : "", out, size);
}

/* The statement failed to prepare: err is filled by store_stmt. */
static vb_code no_stmt(vb_err *err)
{
    return err && err->code != VB_OK ? err->code : VB_ERR_INTERNAL;
}

/* ---- Submitting ----------------------------------------------------------- */


/* Runs a "SELECT 1 ... WHERE id = ?" and tells whether it found a row. */
static vb_code row_exists(store *s, const char *sql, int64_t id, bool *found, vb_err *err)
{
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, id);
    int rc = sqlite3_step(st);
    sqlite3_reset(st);
    *found = rc == SQLITE_ROW;
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "look up a row");
    return VB_OK;
}

struct submit_ctx {
    const idea_input *in;
    const char *title, *description, *folded;
    int64_t id;
};

/* A signed idea: its row, its 'new' step and its search text in the main
 * file; keys count up below the anonymous ones' range. */
static vb_code submit_signed(store *s, struct submit_ctx *c, vb_err *err)
{
    static const char idea_sql[] =
        "INSERT INTO main.idea_row (id, title, description, category_id, member_id, status, created_at,"
        " status_changed_at) VALUES ((SELECT coalesce(max(id), 0) + 1 FROM main.idea_row WHERE id < "
        ANON_IDEA_ID_MIN_SQL "), ?, ?, ?, ?, 'new', ?, ?)";
    static const char history_sql[] =
        "INSERT INTO idea_history (idea_id, from_status, to_status, feedback, member_id, at)"
        " VALUES (?, NULL, 'new', NULL, ?, ?)";
    static const char search_sql[] = "INSERT INTO main.idea_search (rowid, folded) VALUES (?, ?)";
    const idea_input *in = c->in;
    STORE_STMT_OR_RETURN(st, s, idea_sql, err);
    sqlite3_bind_text(st, 1, c->title, -1, SQLITE_TRANSIENT);
    sqlite3_bind_text(st, 2, c->description, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 3, in->category_id);
    sqlite3_bind_int64(st, 4, in->member_id);
    sqlite3_bind_int64(st, 5, in->now_s);
    sqlite3_bind_int64(st, 6, in->now_s);
    vb_code code = store_step_done(s, st, err, "insert idea");
    if (code != VB_OK)
        return code;
    c->id = sqlite3_last_insert_rowid(s->db);

    if (!(st = store_stmt(s, history_sql, err)))
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, c->id);
    sqlite3_bind_int64(st, 2, in->member_id);
    sqlite3_bind_int64(st, 3, in->now_s);
    code = store_step_done(s, st, err, "insert idea history");
    if (code != VB_OK)
        return code;

    if (!(st = store_stmt(s, search_sql, err)))
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, c->id);
    sqlite3_bind_text(st, 2, c->folded, -1, SQLITE_TRANSIENT);
    return store_step_done(s, st, err, "index idea for search");
}

/* An anonymous idea: only the anon file is written (store_anon.h), with a
 * random key and the start of the day instead of the moment. */
static vb_code submit_anonymous(store *s, struct submit_ctx *c, vb_err *err)
{
    static const char idea_sql[] =
        "INSERT INTO anon.idea_anon (id, title, description, category_id, created_at) VALUES (?, ?, ?, ?, ?)";
    static const char search_sql[] = "INSERT INTO anon.idea_anon_search (rowid, folded) VALUES (?, ?)";
    if (!s->anon_attached)
        return vb_fail(err, VB_ERR_INTERNAL, "the file of anonymous entries is not open");
    int64_t day_start = vb_day_start_unix(vb_local_from_unix(c->in->now_s).day);
    vb_code code = VB_ERR_INTERNAL;
    /* 52 random bits: a clash is all but impossible, and then tried again */
    for (int attempt = 0; attempt < 4; attempt++) {
        uint64_t bits = 0;
        if (!vb_random_bytes(&bits, sizeof bits))
            return vb_fail(err, VB_ERR_INTERNAL, "no random numbers from the kernel");
        c->id = ANON_IDEA_ID_MIN + (int64_t)(bits & ((UINT64_C(1) << 52) - 1));
        STORE_STMT_OR_RETURN(st, s, idea_sql, err);
        sqlite3_bind_int64(st, 1, c->id);
        sqlite3_bind_text(st, 2, c->title, -1, SQLITE_TRANSIENT);
        sqlite3_bind_text(st, 3, c->description, -1, SQLITE_TRANSIENT);
        sqlite3_bind_int64(st, 4, c->in->category_id);
        sqlite3_bind_int64(st, 5, day_start);
        code = store_step_done(s, st, err, "insert idea");
        if (code == VB_OK || sqlite3_extended_errcode(s->db) != SQLITE_CONSTRAINT_PRIMARYKEY)
            break;
    }
    if (code != VB_OK)
        return code;
    STORE_STMT_OR_RETURN(st, s, search_sql, err);
    sqlite3_bind_int64(st, 1, c->id);
    sqlite3_bind_text(st, 2, c->folded, -1, SQLITE_TRANSIENT);
    return store_step_done(s, st, err, "index idea for search");
}

static vb_code submit_write(store *s, void *ctx, vb_err *err)
{
    static const char category_sql[] = "SELECT 1 FROM category WHERE id = ? AND active = 1";
    static const char member_sql[] = "SELECT 1 FROM member WHERE id = ? AND active = 1";
    struct submit_ctx *c = ctx;
    const idea_input *in = c->in;

    bool found = false;
    vb_code code = row_exists(s, category_sql, in->category_id, &found, err);
    if (code != VB_OK)
        return code;
    if (!found)
        return vb_fail(err, VB_ERR_INVALID, "unknown category %lld", (long long)in->category_id);
    if (!in->member_id)
        return submit_anonymous(s, c, err);
    code = row_exists(s, member_sql, in->member_id, &found, err);
    if (code != VB_OK)
        return code;
    if (!found)
        return vb_fail(err, VB_ERR_INVALID, "unknown or inactive member %lld", (long long)in->member_id);
    return submit_signed(s, c, err);
}

vb_code store_idea_submit(store *s, const idea_input *in, int64_t *out_id, vb_err *err)
{
    char title[IDEA_TITLE_MAX * 4 + 1];
    char description[IDEA_DESC_MAX * 4 + 1];
    if (out_id)
        *out_id = 0;
    if (!in || !in->title || !utf8_trim_copy(in->title, title, sizeof title))
        return vb_fail(err, VB_ERR_INVALID, "title longer than %d characters", IDEA_TITLE_MAX);
    size_t tlen = strlen(title);
    if (!utf8_valid(title, tlen, false))
        return vb_fail(err, VB_ERR_INVALID, "title is not valid one-line text");
    size_t tchars = utf8_count(title, tlen);
    if (tchars == 0)
        return vb_fail(err, VB_ERR_INVALID, "title is empty");
    if (tchars < IDEA_TITLE_MIN)
        return vb_fail(err, VB_ERR_INVALID, "title shorter than %d characters", IDEA_TITLE_MIN);
    if (tchars > IDEA_TITLE_MAX)
        return vb_fail(err, VB_ERR_INVALID, "title longer than %d characters", IDEA_TITLE_MAX);
    if (!utf8_trim_copy(in->description, description, sizeof description))
        return vb_fail(err, VB_ERR_INVALID, "description longer than %d characters", IDEA_DESC_MAX);
    size_t dlen = strlen(description);
    if (!utf8_valid(description, dlen, true))
        return vb_fail(err, VB_ERR_INVALID, "description is not valid text");
    if (utf8_count(description, dlen) > IDEA_DESC_MAX)
        return vb_fail(err, VB_ERR_INVALID, "description longer than %d characters", IDEA_DESC_MAX);

    /* The index holds "title description", folded like the queries. */
    char text[sizeof title + sizeof description + 2];
    vb_fmt(text, sizeof text, "%s %s", title, description);
    char folded[SEARCH_TEXT_MAX];
    utf8_fold(text, strlen(text), folded, sizeof folded);

    struct submit_ctx c = { in, title, description, folded, 0 };
    vb_code rc = store_write(s, submit_write, &c, err);
    if (rc == VB_OK && out_id)
        *out_id = c.id;
    if (rc == VB_OK && !in->member_id) {
        /* the anon file's dates must not tell the moment either */
        char day[11];
        vb_day_format(vb_local_from_unix(in->now_s).day, day);
        store_anon_hide_time(s, day);
    }
    return rc;
}

/* ---- Similar ideas -------------------------------------------------------- */

/* Words too common to say anything about an idea (folded, 3+ letters). */
static const char *const stop_words[] = {
    /* Dutch */
    "aan", "als", "bij", "dan", "dat", "die", "dit", "door", "een", "elke", "geen", "het", "hoe", "iets", "kan",
    "maar", "meer", "met", "moet", "naar", "niet", "nog", "ons", "onze", "ook", "over", "tot", "uit", "van",
    "veel", "voor", "waar", "wat", "wel", "wij", "wordt", "worden", "zijn", "zou",
    /* English */
    "and", "are", "for", "from", "not", "our", "that", "the", "this", "with",
    /* Polish */
    "ale", "czy", "dla", "jak", "jest", "lub", "nie", "oraz", "przy", "sie", "tak",
    NULL,
};

static bool is_stop_word(const char *w, size_t len)
{
    for (int i = 0; stop_words[i]; i++)
        if (strlen(stop_words[i]) == len && memcmp(stop_words[i], w, len) == 0)
            return true;
    return false;
}

/* Letters and digits make words; so does any character beyond Latin that
 * the fold left alone (Greek, Cyrillic, ...), except punctuation. */
static bool is_word_char(uint32_t cp)
{
    if (cp < 0x80)
        return (cp >= 'a' && cp <= 'z') || (cp >= 'A' && cp <= 'Z') || (cp >= '0' && cp <= '9');
    if (cp >= 0xA0 && cp <= 0xBF)   /* Latin-1 punctuation: « » · ¿ ... */
        return cp == 0xAA || cp == 0xB5 || cp == 0xBA;
    if (cp >= 0x2000 && cp <= 0x2BFF) /* punctuation, symbols, arrows, dingbats */
        return false;
    if (cp >= 0x3000 && cp <= 0x303F) /* CJK punctuation */
        return false;
    return true;
}

/* Appends ' OR "term"' (quotes doubled, though none survive the split) to
 * out; false when it does not fit. */
static bool add_term(char *out, size_t size, size_t *o, int *terms, const char *w, size_t wlen)
{
    size_t need = (*terms ? 4 : 0) + 2 + wlen * 2 + 1;
    if (*o + need > size)
        return false;
    if (*terms) {
        memcpy(out + *o, " OR ", 4);
        *o += 4;
    }
    out[(*o)++] = '"';
    for (size_t k = 0; k < wlen; k++) {
        if (w[k] == '"')
            out[(*o)++] = '"';
        out[(*o)++] = w[k];
    }
    out[(*o)++] = '"';
    out[*o] = '\0';
    (*terms)++;
    return true;
}

void store_ideas_similar_query(const char *query, char *out, size_t size)
{
    if (size == 0)
        return;
    out[0] = '\0';
    if (!query)
        return;
    char folded[1024];
    size_t flen = utf8_fold(query, strlen(query), folded, sizeof folded);
    size_t o = 0;
    int words = 0, terms = 0;
    const char *seen[SIMILAR_MAX_WORDS];
    size_t seen_len[SIMILAR_MAX_WORDS];
    size_t i = 0;
    while (i < flen && words < SIMILAR_MAX_WORDS) {
        /* skip separators */
        uint32_t cp = 0;
        size_t n = utf8_decode(folded + i, flen - i, &cp);
        if (n == 0) {
            i++;
            continue;
        }
        if (!is_word_char(cp)) {
            i += n;
            continue;
        }
        size_t start = i, chars = 0;
        size_t cut[SIMILAR_PREFIX_MAX + 1]; /* byte length after PREFIX_MIN.. characters */
        int cuts = 0;
        while (i < flen) {
            n = utf8_decode(folded + i, flen - i, &cp);
            if (n == 0 || !is_word_char(cp))
                break;
            i += n;
            chars++;
            if (chars >= SIMILAR_PREFIX_MIN && cuts <= SIMILAR_PREFIX_MAX - SIMILAR_PREFIX_MIN)
                cut[cuts++] = i - start;
        }
        size_t wlen = i - start;
        const char *w = folded + start;
        if (chars < 3 || is_stop_word(w, wlen))
            continue;
        bool dup = false;
        for (int k = 0; k < words && !dup; k++)
            dup = seen_len[k] == wlen && memcmp(seen[k], w, wlen) == 0;
        if (dup)
            continue;
        if (!add_term(out, size, &o, &terms, w, wlen))
            break;
        seen[words] = w;
        seen_len[words] = wlen;
        words++;
        /* A long word may be a compound whose first part is an existing
         * idea's word ("brillenrek" ~ "veiligheidsbrillen"): its prefixes
         * of 5 letters and more are searched too. Ideas sharing a longer
         * start match more of them and rank higher (bm25). */
        if (chars >= SIMILAR_COMPOUND_MIN)
            for (int k = 0; k < cuts && cut[k] < wlen; k++)
                if (!add_term(out, size, &o, &terms, w, cut[k]))
                    return;
    }
}

static void read_row(sqlite3_stmt *st, idea_row *r)
{
    memset(r, 0, sizeof *r);
    r->id = sqlite3_column_int64(st, 0);
    column_copy(st, 1, r->title, sizeof r->title);
    r->status = column_status(st, 2);
    r->vote_count = sqlite3_column_int(st, 3);
    r->created_at = sqlite3_column_int64(st, 4);
    r->category_id = sqlite3_column_int64(st, 5);
    column_copy(st, 6, r->feedback, sizeof r->feedback);
    r->voted = sqlite3_column_int(st, 7) != 0;
}

/* The columns read_row expects, for an idea aliased i and viewer ?V. */
#define ROW_COLUMNS(V)                                                                                    \
    "i.id, i.title, i.status, i.vote_count, i.created_at, i.category_id, coalesce(i.feedback, ''),"       \
    " EXISTS (SELECT 1 FROM vote v WHERE v.idea_id = i.id AND v.member_id = " V ")"

vb_code store_ideas_similar(store *s, const char *query, int64_t viewer, idea_row *out, int max, int *n,
                            vb_err *err)
{
    /* Ranking (bm25) costs per matching idea, and a common word matches
     * thousands after some years: in the main file's index only the 300
     * newest matches are ranked (signed ids grow with time; FTS5 reads a
     * rowid range without ranking). docs/performance.md, "How cost grows".
     * Anonymous ideas keep their index in the anon file (store_anon.h); their
     * keys are random, so all their matches are ranked. */
#define SIMILAR_SQL(ANON_HALF)                                                                            \
    "SELECT " ROW_COLUMNS("?2") " FROM (SELECT rowid AS id, bm25(idea_search) AS rank FROM main.idea_search" \
    " WHERE idea_search MATCH ?1 AND rowid >= coalesce((SELECT rowid FROM main.idea_search"             \
    "  WHERE idea_search MATCH ?1 ORDER BY rowid DESC LIMIT 1 OFFSET " SIMILAR_OLDEST_RANKED "), 0)"     \
    ANON_HALF ") f JOIN idea i ON i.id = f.id"                                                            \
    " WHERE i.hidden = 0 AND i.status <> 'duplicate' ORDER BY f.rank, i.vote_count DESC, i.id DESC LIMIT ?3"
    static const char sql_both[] = SIMILAR_SQL(" UNION ALL SELECT rowid, bm25(idea_anon_search)"
                                               " FROM anon.idea_anon_search WHERE idea_anon_search MATCH ?1");
    static const char sql_main[] = SIMILAR_SQL("");
#undef SIMILAR_SQL
    const char *sql = s->anon_attached ? sql_both : sql_main;
    *n = 0;
    if (max > SIMILAR_LIMIT)
        max = SIMILAR_LIMIT;
    char match[4096];
    store_ideas_similar_query(query, match, sizeof match);
    if (!match[0] || max <= 0)
        return VB_OK;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_text(st, 1, match, -1, SQLITE_TRANSIENT);
    sqlite3_bind_int64(st, 2, viewer);
    sqlite3_bind_int(st, 3, max);
    int rc;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW && *n < max)
        read_row(st, &out[(*n)++]);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW && rc != SQLITE_DONE)
        return store_fail(s, err, rc, "similar ideas");
    return VB_OK;
}

/* ---- The list -------------------------------------------------------------- */

/* True when the idea's status is in the mask ?1 (duplicates never are). */
#define STATUS_IN_MASK                                                                                    \
    "((?1 >> CASE i.status WHEN 'new' THEN 0 WHEN 'review' THEN 1 WHEN 'trial' THEN 2"                    \
    " WHEN 'adopted' THEN 3 WHEN 'declined' THEN 4 ELSE 31 END) & 1) = 1"

static int64_t listed_mask(unsigned mask)
{
    return (int64_t)(mask & IDEA_MASK_LISTED);
}

static vb_code query_count(store *s, const char *sql, unsigned mask, int *out, vb_err *err, const char *what)
{
    *out = 0;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, listed_mask(mask));
    int rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        *out = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return store_fail(s, err, rc, what);
    return VB_OK;
}

vb_code store_ideas_count(store *s, unsigned status_mask, int *out, vb_err *err)
{
    static const char sql[] = "SELECT count(*) FROM idea i WHERE i.hidden = 0 AND " STATUS_IN_MASK;
    return query_count(s, sql, status_mask, out, err, "count ideas");
}

vb_code store_ideas_max_votes(store *s, unsigned status_mask, int *out, vb_err *err)
{
    static const char sql[] =
        "SELECT coalesce(max(i.vote_count), 0) FROM idea i WHERE i.hidden = 0 AND " STATUS_IN_MASK;
    return query_count(s, sql, status_mask, out, err, "most votes");
}

vb_code store_ideas_page(store *s, unsigned status_mask, int64_t viewer, int offset, int limit, idea_row *out,
                         int *n, vb_err *err)
{
    static const char sql[] =
        "SELECT " ROW_COLUMNS("?2") " FROM idea i WHERE i.hidden = 0 AND " STATUS_IN_MASK
        " ORDER BY i.vote_count DESC, i.created_at DESC, i.id DESC LIMIT ?3 OFFSET ?4";
    *n = 0;
    if (limit <= 0)
        return VB_OK;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, listed_mask(status_mask));
    sqlite3_bind_int64(st, 2, viewer);
    sqlite3_bind_int(st, 3, limit);
    sqlite3_bind_int(st, 4, offset < 0 ? 0 : offset);
    int rc = SQLITE_DONE;
    while (*n < limit && (rc = sqlite3_step(st)) == SQLITE_ROW)
        read_row(st, &out[(*n)++]);
    if (*n == limit)
        rc = SQLITE_DONE;
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "list ideas");
    return VB_OK;
}

/* ---- One idea ---------------------------------------------------------------- */

vb_code store_idea_get(store *s, int64_t id, int64_t viewer, idea_detail *out, vb_err *err)
{
    static const char sql[] =
        "SELECT " ROW_COLUMNS("?2") ", i.description, c.code, coalesce(c.label, ''), c.icon,"
        " coalesce(i.member_id, 0), coalesce(m.name, ''), i.status_changed_at, coalesce(i.feedback_at, 0),"
        " coalesce(i.merged_into, 0), i.hidden"
        " FROM idea i JOIN category c ON c.id = i.category_id LEFT JOIN member m ON m.id = i.member_id"
        " WHERE i.id = ?1";
    memset(out, 0, sizeof *out);
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, id);
    sqlite3_bind_int64(st, 2, viewer);
    int rc = sqlite3_step(st);
    vb_code code = VB_OK;
    if (rc == SQLITE_ROW) {
        read_row(st, &out->row);
        column_copy(st, 8, out->description, sizeof out->description);
        column_copy(st, 9, out->category_code, sizeof out->category_code);
        column_copy(st, 10, out->category_label, sizeof out->category_label);
        column_copy(st, 11, out->category_icon, sizeof out->category_icon);
        out->member_id = sqlite3_column_int64(st, 12);
        column_copy(st, 13, out->member_name, sizeof out->member_name);
        out->status_changed_at = sqlite3_column_int64(st, 14);
        out->feedback_at = sqlite3_column_int64(st, 15);
        out->merged_into = sqlite3_column_int64(st, 16);
        out->hidden = sqlite3_column_int(st, 17) != 0;
    } else if (rc == SQLITE_DONE) {
        code = vb_fail(err, VB_ERR_NOTFOUND, "no idea %lld", (long long)id);
    } else {
        code = store_fail(s, err, rc, "read idea");
    }
    sqlite3_reset(st);
    return code;
}

vb_code store_idea_history(store *s, int64_t idea_id, idea_history_row *out, int max, int *n, int *total,
                           vb_err *err)
{
    static const char sql[] =
        /* an anonymous idea has no timed 'new' step (store_anon.h): its
         * submission is shown on its day */
        "SELECT h.from_status, h.to_status, coalesce(h.feedback, ''), h.at, coalesce(h.member_id, 0),"
        " coalesce(m.name, '') FROM (SELECT from_status, to_status, feedback, at, member_id, id FROM idea_history"
        "  WHERE idea_id = ?1 UNION ALL SELECT NULL, 'new', NULL, i.created_at, NULL, 0 FROM idea i WHERE i.id = ?1"
        "  AND NOT EXISTS (SELECT 1 FROM idea_history WHERE idea_id = ?1 AND from_status IS NULL)) h"
        " LEFT JOIN member m ON m.id = h.member_id ORDER BY h.at, h.id";
    *n = 0;
    if (total)
        *total = 0;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, idea_id);
    int rc, count = 0;
    while ((rc = sqlite3_step(st)) == SQLITE_ROW) {
        if (*n < max) {
            idea_history_row *h = &out[(*n)++];
            memset(h, 0, sizeof *h);
            idea_status from;
            h->from = sqlite3_column_type(st, 0) == SQLITE_NULL ? -1
                      : idea_status_parse((const char *)sqlite3_column_text(st, 0), &from) ? (int)from
                                                                                             : -1;
            h->to = column_status(st, 1);
            column_copy(st, 2, h->feedback, sizeof h->feedback);
            h->at = sqlite3_column_int64(st, 3);
            h->member_id = sqlite3_column_int64(st, 4);
            column_copy(st, 5, h->member_name, sizeof h->member_name);
        }
        count++;
    }
    sqlite3_reset(st);
    if (rc != SQLITE_DONE)
        return store_fail(s, err, rc, "idea history");
    if (total)
        *total = count;
    return VB_OK;
}

/* ---- Voting ------------------------------------------------------------------ */

typedef enum vote_mode { VOTE_WANT, VOTE_UNWANT, VOTE_FLIP } vote_mode;

struct vote_ctx {
    int64_t idea_id, member_id, now_s;
    vote_mode mode;
    bool changed, voted;
    int count;
};

static vb_code vote_write(store *s, void *ctx, vb_err *err)
{
    static const char idea_sql[] = "SELECT status, hidden FROM idea WHERE id = ?";
    static const char has_sql[] = "SELECT 1 FROM vote WHERE idea_id = ? AND member_id = ?";
    static const char add_sql[] =
        "INSERT INTO vote (idea_id, member_id, at) VALUES (?, ?, ?) ON CONFLICT (idea_id, member_id) DO NOTHING";
    static const char del_sql[] = "DELETE FROM vote WHERE idea_id = ? AND member_id = ?";
    static const char count_sql[] = "SELECT vote_count FROM idea WHERE id = ?";
    struct vote_ctx *c = ctx;

    sqlite3_stmt *st = store_stmt(s, idea_sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, c->idea_id);
    int rc = sqlite3_step(st);
    idea_status status = IDEA_NEW;
    bool hidden = false;
    if (rc == SQLITE_ROW) {
        status = column_status(st, 0);
        hidden = sqlite3_column_int(st, 1) != 0;
    }
    sqlite3_reset(st);
    if (rc == SQLITE_DONE)
        return vb_fail(err, VB_ERR_NOTFOUND, "no idea %lld", (long long)c->idea_id);
    if (rc != SQLITE_ROW)
        return store_fail(s, err, rc, "read idea");

    bool want = c->mode == VOTE_WANT;
    if (c->mode == VOTE_FLIP) {
        st = store_stmt(s, has_sql, err);
        if (!st)
            return no_stmt(err);
        sqlite3_bind_int64(st, 1, c->idea_id);
        sqlite3_bind_int64(st, 2, c->member_id);
        rc = sqlite3_step(st);
        sqlite3_reset(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE)
            return store_fail(s, err, rc, "read vote");
        want = rc == SQLITE_DONE;
    }
    if (want && (hidden || !idea_status_takes_votes(status)))
        return vb_fail(err, VB_ERR_INVALID, "idea %lld takes no votes (%s%s)", (long long)c->idea_id,
                       idea_status_code(status), hidden ? ", hidden" : "");

    st = store_stmt(s, want ? add_sql : del_sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, c->idea_id);
    sqlite3_bind_int64(st, 2, c->member_id);
    if (want)
        sqlite3_bind_int64(st, 3, c->now_s);
    vb_code code = store_step_done(s, st, err, want ? "add vote" : "take back vote");
    if (code != VB_OK)
        return code;
    c->changed = sqlite3_changes(s->db) > 0;
    c->voted = want;

    st = store_stmt(s, count_sql, err);
    if (!st)
        return no_stmt(err);
    sqlite3_bind_int64(st, 1, c->idea_id);
    rc = sqlite3_step(st);
    if (rc == SQLITE_ROW)
        c->count = sqlite3_column_int(st, 0);
    sqlite3_reset(st);
    if (rc != SQLITE_ROW)
        return store_fail(s, err, rc, "read vote count");
    return VB_OK;
}

static vb_code vote_run(store *s, struct vote_ctx *c, vb_err *err)
{
    if (c->member_id <= 0)
        return vb_fail(err, VB_ERR_INVALID, "voting needs an identified member");
    return store_write(s, vote_write, c, err);
}

vb_code store_idea_vote_set(store *s, int64_t idea_id, int64_t member_id, bool want, int64_t now_s,
                            bool *changed, int *count, vb_err *err)
{
    struct vote_ctx c = { idea_id, member_id, now_s, want ? VOTE_WANT : VOTE_UNWANT, false, false, 0 };
    vb_code rc = vote_run(s, &c, err);
    if (rc == VB_OK) {
        if (changed)
            *changed = c.changed;
        if (count)
            *count = c.count;
    }
    return rc;
}

vb_code store_idea_vote_toggle(store *s, int64_t idea_id, int64_t member_id, int64_t now_s, bool *voted_now,
                               int *count, vb_err *err)
{
    struct vote_ctx c = { idea_id, member_id, now_s, VOTE_FLIP, false, false, 0 };
    vb_code rc = vote_run(s, &c, err);
    if (rc == VB_OK) {
        if (voted_now)
            *voted_now = c.voted;
        if (count)
            *count = c.count;
    }
    return rc;
}

vb_code store_idea_voted(store *s, int64_t member_id, const int64_t *ids, int n, bool *out, vb_err *err)
{
    static const char sql[] = "SELECT 1 FROM vote WHERE idea_id = ? AND member_id = ?";
    for (int i = 0; i < n; i++)
        out[i] = false;
    if (member_id <= 0 || n <= 0)
        return VB_OK;
    sqlite3_stmt *st = store_stmt(s, sql, err);
    if (!st)
        return no_stmt(err);
    for (int i = 0; i < n; i++) {
        sqlite3_reset(st);
        sqlite3_bind_int64(st, 1, ids[i]);
        sqlite3_bind_int64(st, 2, member_id);
        int rc = sqlite3_step(st);
        if (rc != SQLITE_ROW && rc != SQLITE_DONE) {
            sqlite3_reset(st);
            return store_fail(s, err, rc, "read votes");
        }
        out[i] = rc == SQLITE_ROW;
    }
    sqlite3_reset(st);
    return VB_OK;
}
