/* bench_queries.c: the queries behind each screen on a (large) database,
 * cold (a fresh connection: SQLite's page cache empty) and warm (the same
 * connection again), plus the time store_learning_save takes in process
 * (the commit of a learning point with synchronous=FULL; no UI: the tap
 * through the UI is tests/tools/bench_save.c). Prints
 * "name cold_median cold_p99 warm_median warm_p99" in ms.
 *   bench_queries DB [RUNS]   (the DB is written to by the save figure) */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "../../kiosk/core/agenda.h"
#include "../../kiosk/core/review.h"
#include "../../kiosk/store/store.h"
#include "../../kiosk/store/store_dagstart.h"
#include "../../kiosk/store/store_ideas.h"
#include "../../kiosk/store/store_learning.h"
#include "../../kiosk/store/store_review.h"

#define NOW_S 1795676100 /* 2026-11-26 06:55 UTC, the day gen_large ends */

static double now_ms(void)
{
    struct timespec ts;
    clock_gettime(CLOCK_MONOTONIC, &ts);
    return (double)ts.tv_sec * 1000.0 + (double)ts.tv_nsec / 1e6;
}

static int cmp(const void *a, const void *b)
{
    double x = *(const double *)a, y = *(const double *)b;
    return (x > y) - (x < y);
}

static void stats(double *v, int n, double *median, double *p99)
{
    qsort(v, (size_t)n, sizeof *v, cmp);
    *median = n % 2 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
    *p99 = v[(n * 99 + 99) / 100 - 1];
}

typedef vb_code (*query_fn)(store *s, vb_err *err);

static vb_code q_agenda(store *s, vb_err *err)
{
    vb_day today = vb_local_from_unix(NOW_S).day;
    agenda_input in;
    store_dagstart ds;
    vb_code rc = store_agenda_load(s, today, NOW_S, &in, &ds, err);
    if (rc == VB_OK) {
        agenda ag;
        rc = agenda_build(&in, &ag, err);
        if (rc == VB_OK)
            agenda_free(&ag);
    }
    agenda_input_free(&in);
    return rc;
}

static vb_code q_ideas(store *s, vb_err *err)
{
    static idea_row rows[20];
    int n = 0, count = 0;
    vb_code rc = store_ideas_count(s, IDEA_MASK_LISTED, &count, err);
    if (rc == VB_OK)
        rc = store_ideas_page(s, IDEA_MASK_LISTED, 3, 0, 20, rows, &n, err);
    return rc;
}

static vb_code q_similar(store *s, vb_err *err)
{
    static const char *const typed[] = { "heftruck", "bril bij de ingang", "lamp boven lijn", "koffie" };
    static int k;
    static idea_row rows[IDEA_SIMILAR_MAX];
    int n = 0;
    return store_ideas_similar(s, typed[k++ % 4], 0, rows, IDEA_SIMILAR_MAX, &n, err);
}

static vb_code q_review(store *s, vb_err *err)
{
    vb_day today = vb_local_from_unix(NOW_S).day;
    vb_month m = vb_month_of(today);
    store_review_data d;
    vb_code rc = store_review_load(s, m, today, &d, err);
    if (rc == VB_OK) {
        static review r;
        review_compute(&d.in, &r);
    }
    store_review_free(&d);
    if (rc == VB_OK) {
        rc = store_review_load(s, vb_month_add(m, -1), today, &d, err);
        if (rc == VB_OK) {
            static review r;
            review_compute(&d.in, &r);
        }
        store_review_free(&d);
    }
    return rc;
}

static vb_code q_learning_list(store *s, vb_err *err)
{
    static lp_row rows[16];
    int n = 0, count = 0;
    vb_code rc = store_learning_count(s, 0, &count, err);
    if (rc == VB_OK)
        rc = store_learning_list_from(s, 0, NULL, true, 16, 0, rows, &n, err);
    return rc;
}

static int bench(const char *path, const char *name, query_fn fn, int runs)
{
    double *cold = malloc(sizeof *cold * (size_t)runs), *warm = malloc(sizeof *warm * (size_t)runs);
    vb_err err;
    for (int i = 0; i < runs; i++) {
        store *s = NULL;
        if (store_open(&s, path, STORE_READWRITE, NOW_S, &err) != VB_OK) {
            fprintf(stderr, "bench_queries: %s\n", err.msg);
            return 1;
        }
        double t = now_ms();
        if (fn(s, &err) != VB_OK) {
            fprintf(stderr, "bench_queries: %s: %s\n", name, err.msg);
            store_close(s);
            return 1;
        }
        cold[i] = now_ms() - t;
        t = now_ms();
        fn(s, &err);
        warm[i] = now_ms() - t;
        store_close(s);
    }
    double cm, cp, wm, wp;
    stats(cold, runs, &cm, &cp);
    stats(warm, runs, &wm, &wp);
    printf("%-22s %8.2f %8.2f %8.2f %8.2f\n", name, cm, cp, wm, wp);
    free(cold);
    free(warm);
    return 0;
}

/* The first query on a fresh connection after store_warm_up, as the kiosk
 * runs it after its first frame; printed in the "cold" columns. */
static int bench_after_warm_up(const char *path, const char *name, query_fn fn, int runs)
{
    double *first = malloc(sizeof *first * (size_t)runs);
    vb_err err;
    for (int i = 0; i < runs; i++) {
        store *s = NULL;
        if (store_open(&s, path, STORE_READWRITE, NOW_S, &err) != VB_OK || store_warm_up(s, &err) != VB_OK) {
            fprintf(stderr, "bench_queries: %s\n", err.msg);
            store_close(s);
            return 1;
        }
        double t = now_ms();
        vb_code rc = fn(s, &err);
        first[i] = now_ms() - t;
        store_close(s);
        if (rc != VB_OK) {
            fprintf(stderr, "bench_queries: %s: %s\n", name, err.msg);
            return 1;
        }
    }
    double m, p;
    stats(first, runs, &m, &p);
    printf("%-22s %8.2f %8.2f %8s %8s\n", name, m, p, "", "");
    free(first);
    return 0;
}

int main(int argc, char **argv)
{
    if (argc < 2) {
        fprintf(stderr, "usage: bench_queries DB [RUNS]\n");
        return 2;
    }
    int runs = argc > 2 ? atoi(argv[2]) : 50;
    if (runs < 2)
        runs = 2;
    setenv("TZ", "UTC0", 0);
    printf("%-22s %8s %8s %8s %8s   (ms, %d runs)\n", "query", "cold_med", "cold_p99", "warm_med", "warm_p99", runs);
    int rc = 0;
    rc |= bench(argv[1], "agenda build", q_agenda, runs);
    rc |= bench(argv[1], "idea list by votes", q_ideas, runs);
    rc |= bench(argv[1], "similar ideas (typing)", q_similar, runs);
    rc |= bench_after_warm_up(argv[1], "similar, after warm-up", q_similar, runs);
    rc |= bench(argv[1], "month review", q_review, runs);
    rc |= bench(argv[1], "learning point list", q_learning_list, runs);

    /* store_learning_save in process: the commit with synchronous=FULL */
    store *s = NULL;
    vb_err err;
    if (store_open(&s, argv[1], STORE_READWRITE, NOW_S, &err) != VB_OK)
        return 1;
    double *save = malloc(sizeof *save * (size_t)runs);
    for (int i = 0; i < runs; i++) {
        lp_new in = { .category_id = 1 + i % 7, .place_id = 1, .what_happened = "Doos viel van de band",
                      .lesson = "Band langzamer", .member_id = i % 2 ? 1 : 0 };
        lp_saved out;
        double t = now_ms();
        if (store_learning_save(s, &in, NOW_S, &out, &err) != VB_OK) {
            fprintf(stderr, "bench_queries: save: %s\n", err.msg);
            return 1;
        }
        save[i] = now_ms() - t;
    }
    double m, p;
    stats(save, runs, &m, &p);
    printf("%-22s %8s %8s %8.2f %8.2f   (half anonymous: those also empty the WAL)\n", "save learning point", "",
           "", m, p);
    free(save);
    store_close(s);
    return rc;
}
