/* writer.c: the writer thread (issue 9, "No freezes"). Writes, commits
 * with their fsync, checkpoints and the privacy clean-up run on a thread of
 * their own with a connection of their own (store_open_twin), so that a lock
 * held by another process (a backup, a sqlite3 shell) or a slow disk never
 * freezes the touch screen. store_write keeps its synchronous contract: the
 * calling (UI) thread hands the job over and waits until the commit is on
 * disk, calling the app's wait hook every STORE_WAIT_HOOK_MS meanwhile so
 * that the screen stays alive. The privacy clean-up also runs as a
 * background job nobody waits for (store_privacy_flush_job). SQLite
 * connections are never shared between threads: the writer's connection is
 * used only by the writer thread once it runs. */
#include "store_idea_flow.h"
#include "store_internal.h"

#include <errno.h>
#include <pthread.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

struct store_writer {
    pthread_t thread;
    pthread_mutex_t mu;
    pthread_cond_t work;   /* to the writer: a job, or stop */
    pthread_cond_t done;   /* to the caller: the job is done */
    store *conn;           /* the writer thread's connection */
    bool stop;
    /* the job a caller waits for */
    bool job, job_done, transaction;
    store_write_fn fn;
    void *ctx;
    vb_err *err;
    vb_code rc;
    /* the background privacy clean-up */
    bool flush_wanted, flush_running, flush_ended, flush_cleared;
    vb_code flush_rc;
    vb_err flush_err;
    /* the app's hooks */
    store_hook_fn wait_hook, wake_hook;
    void *hook_ctx;
};

static void *writer_main(void *arg)
{
    struct store_writer *w = arg;
    pthread_mutex_lock(&w->mu);
    for (;;) {
        while (!w->stop && !(w->job && !w->job_done) && !w->flush_wanted)
            pthread_cond_wait(&w->work, &w->mu);
        if (w->job && !w->job_done) {
            /* a caller waits: first, before any background work */
            store_write_fn fn = w->fn;
            void *ctx = w->ctx;
            vb_err *err = w->err;
            bool transaction = w->transaction;
            pthread_mutex_unlock(&w->mu);
            vb_code rc = transaction ? store_transaction(w->conn, fn, ctx, err) : fn(w->conn, ctx, err);
            pthread_mutex_lock(&w->mu);
            w->rc = rc;
            w->job_done = true;
            pthread_cond_broadcast(&w->done);
            continue;
        }
        if (w->flush_wanted) {
            w->flush_wanted = false;
            w->flush_running = true;
            pthread_mutex_unlock(&w->mu);
            bool cleared = false;
            vb_err err;
            vb_err_clear(&err);
            vb_code rc = store_privacy_flush(w->conn, &cleared, &err);
            pthread_mutex_lock(&w->mu);
            w->flush_running = false;
            w->flush_ended = true;
            w->flush_cleared = cleared;
            w->flush_rc = rc;
            w->flush_err = err;
            store_hook_fn wake = w->wake_hook;
            void *hook_ctx = w->hook_ctx;
            pthread_mutex_unlock(&w->mu);
            if (wake)
                wake(hook_ctx); /* thread-safe by contract (store.h) */
            pthread_mutex_lock(&w->mu);
            continue;
        }
        if (w->stop)
            break;
    }
    pthread_mutex_unlock(&w->mu);
    return NULL;
}

vb_code store_writer_start(store *s, store_hook_fn wait_hook, store_hook_fn wake_hook, void *hook_ctx, vb_err *err)
{
    if (s->writer)
        return vb_fail(err, VB_ERR_INVALID, "the writer thread already runs (%s)", s->path);
    struct store_writer *w = calloc(1, sizeof *w);
    if (!w)
        return vb_fail(err, VB_ERR_NOMEM, "out of memory");
    vb_code code = store_open_twin(&w->conn, s, err);
    if (code != VB_OK) {
        free(w);
        return code;
    }
    w->wait_hook = wait_hook;
    w->wake_hook = wake_hook;
    w->hook_ctx = hook_ctx;
    pthread_mutex_init(&w->mu, NULL);
    pthread_cond_init(&w->work, NULL);
    /* timed waits on the monotonic clock: a wall clock set back cannot stall them */
    pthread_condattr_t attr;
    pthread_condattr_init(&attr);
    pthread_condattr_setclock(&attr, CLOCK_MONOTONIC);
    pthread_cond_init(&w->done, &attr);
    pthread_condattr_destroy(&attr);
    int rc = pthread_create(&w->thread, NULL, writer_main, w);
    if (rc != 0) {
        pthread_cond_destroy(&w->work);
        pthread_cond_destroy(&w->done);
        pthread_mutex_destroy(&w->mu);
        store_close(w->conn);
        free(w);
        return vb_fail(err, VB_ERR_INTERNAL, "cannot start the writer thread: %s", strerror(rc));
    }
    s->writer = w;
    return VB_OK;
}

void store_writer_stop(store *s)
{
    struct store_writer *w = s->writer;
    if (!w)
        return;
    pthread_mutex_lock(&w->mu);
    w->stop = true;
    pthread_cond_signal(&w->work);
    pthread_mutex_unlock(&w->mu);
    pthread_join(w->thread, NULL); /* a background job ends first */
    store_close(w->conn);
    pthread_cond_destroy(&w->work);
    pthread_cond_destroy(&w->done);
    pthread_mutex_destroy(&w->mu);
    free(w);
    s->writer = NULL;
}

static void deadline_in(struct timespec *ts, int ms)
{
    clock_gettime(CLOCK_MONOTONIC, ts);
    ts->tv_nsec += (long)ms * 1000000L;
    ts->tv_sec += ts->tv_nsec / 1000000000L;
    ts->tv_nsec %= 1000000000L;
}

vb_code store_writer_call(store *s, bool transaction, store_write_fn fn, void *ctx, vb_err *err)
{
    struct store_writer *w = s->writer;
    pthread_mutex_lock(&w->mu);
    if (w->job) {
        /* called again from the wait hook: a bug of the hook, refused */
        pthread_mutex_unlock(&w->mu);
        return vb_fail(err, VB_ERR_BUSY, "a write is still running (%s)", s->path);
    }
    w->job = true;
    w->job_done = false;
    w->transaction = transaction;
    w->fn = fn;
    w->ctx = ctx;
    w->err = err;
    pthread_cond_signal(&w->work);
    while (!w->job_done) {
        struct timespec until;
        deadline_in(&until, STORE_WAIT_HOOK_MS);
        int rc = pthread_cond_timedwait(&w->done, &w->mu, &until);
        if (rc == ETIMEDOUT && !w->job_done && w->wait_hook) {
            store_hook_fn hook = w->wait_hook;
            void *hook_ctx = w->hook_ctx;
            pthread_mutex_unlock(&w->mu);
            hook(hook_ctx); /* keeps the screen alive; never writes */
            pthread_mutex_lock(&w->mu);
        }
    }
    vb_code rc = w->rc;
    w->job = false;
    w->fn = NULL;
    w->ctx = NULL;
    w->err = NULL;
    pthread_mutex_unlock(&w->mu);
    return rc;
}

vb_code store_privacy_flush_job(store *s, bool start, bool *finished, bool *cleared, vb_err *err)
{
    *finished = false;
    *cleared = false;
    struct store_writer *w = s->writer;
    if (!w) {
        if (!start)
            return VB_OK;
        *finished = true;
        return store_privacy_flush(s, cleared, err);
    }
    vb_code rc = VB_OK;
    pthread_mutex_lock(&w->mu);
    if (w->flush_ended) {
        w->flush_ended = false;
        *finished = true;
        *cleared = w->flush_cleared;
        rc = w->flush_rc;
        if (rc != VB_OK && err)
            *err = w->flush_err;
    } else if (start && !w->flush_running && !w->flush_wanted) {
        w->flush_wanted = true;
        pthread_cond_signal(&w->work);
    }
    pthread_mutex_unlock(&w->mu);
    return rc;
}
