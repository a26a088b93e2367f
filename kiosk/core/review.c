/* review.c: the monthly review figures (see review.h). */
#include "review.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* ---- months ------------------------------------------------------------- */

bool vb_month_parse(const char *text, vb_month *out)
{
    int y, m, n = 0;
    if (!text || sscanf(text, "%4d-%2d%n", &y, &m, &n) != 2 || n != 7 || text[7] != '\0')
        return false;
    if (text[4] != '-' || text[5] < '0' || text[5] > '9' || y < 1970 || y > 9999 || m < 1 || m > 12)
        return false;
    out->year = y;
    out->month = m;
    return true;
}

void vb_month_format(vb_month m, char out[8])
{
    snprintf(out, 8, "%04u-%02u", (unsigned)m.year % 10000u, (unsigned)m.month % 100u);
}

vb_month vb_month_add(vb_month m, int n)
{
    int index = m.year * 12 + (m.month - 1) + n;
    vb_month out = { index / 12, index % 12 + 1 };
    return out;
}

vb_month vb_month_of(vb_day d)
{
    vb_month out = { d.year, d.month };
    return out;
}

vb_day vb_month_first_day(vb_month m)
{
    vb_day d = { m.year, m.month, 1, 0 };
    return vb_day_add(d, 0); /* fills the weekday */
}

vb_day vb_month_last_day(vb_month m)
{
    return vb_day_add(vb_month_first_day(vb_month_add(m, 1)), -1);
}

int vb_month_cmp(vb_month a, vb_month b)
{
    return (a.year * 12 + a.month) - (b.year * 12 + b.month);
}

/* ---- helpers -------------------------------------------------------------- */

static int day_cmp(vb_day a, vb_day b)
{
    return -vb_day_diff(a, b); /* a - b in days */
}

static vb_day day_of(int64_t unix_s)
{
    return vb_local_from_unix(unix_s).day;
}

static bool in_period(const review *r, vb_day d)
{
    return day_cmp(d, r->first) >= 0 && day_cmp(d, r->last) <= 0;
}

double review_median(int *values, int n)
{
    /* insertion sort: the lists are short and this stays allocation-free */
    for (int i = 1; i < n; i++) {
        int v = values[i], j = i;
        for (; j > 0 && values[j - 1] > v; j--)
            values[j] = values[j - 1];
        values[j] = v;
    }
    if (n <= 0)
        return 0;
    return n % 2 ? values[n / 2] : (values[n / 2 - 1] + values[n / 2]) / 2.0;
}

vb_day review_previous_until(vb_month month, vb_day today)
{
    vb_month prev = vb_month_add(month, -1);
    vb_day prev_last = vb_month_last_day(prev);
    if (vb_month_cmp(vb_month_of(today), month) != 0)
        return prev_last;
    if (today.mday >= prev_last.mday)
        return prev_last;
    vb_day d = { prev.year, prev.month, today.mday, 0 };
    return vb_day_add(d, 0);
}

/* ---- the parts -------------------------------------------------------------- */

static void compute_period(const review_input *in, review *r)
{
    r->month = in->month;
    r->first = vb_month_first_day(in->month);
    vb_day month_last = vb_month_last_day(in->month);
    r->last = month_last;
    if (day_cmp(in->today, r->last) < 0)
        r->last = in->today;
    if (in->has_until && day_cmp(in->until, r->last) < 0)
        r->last = vb_day_add(in->until, 0);
    r->future = day_cmp(in->today, r->first) < 0;
    r->partial = day_cmp(r->last, month_last) < 0;
    r->period_days = r->future ? 0 : vb_day_diff(r->first, r->last) + 1;
    if (r->period_days < 0)
        r->period_days = 0;
}

static int category_slot(review *r, int64_t id)
{
    for (int i = 0; i < r->category_count; i++)
        if (r->categories[i].id == id)
            return i;
    /* A category the list does not have (it should): a slot of its own. */
    if (r->category_count == REVIEW_MAX_CATEGORIES)
        return -1;
    review_category *c = &r->categories[r->category_count];
    memset(c, 0, sizeof *c);
    c->id = id;
    snprintf(c->code, sizeof c->code, "other");
    snprintf(c->icon, sizeof c->icon, "other");
    return r->category_count++;
}

static void compute_learning_points(const review_input *in, review *r)
{
    r->category_count = in->category_count < REVIEW_MAX_CATEGORIES ? in->category_count : REVIEW_MAX_CATEGORIES;
    for (int i = 0; i < r->category_count; i++)
        r->categories[i] = in->categories[i];

    /* The ISO weeks of the counted period, each cut to the period. */
    for (int i = 0; i < r->period_days; i++) {
        vb_day d = vb_day_add(r->first, i);
        int week = vb_day_iso_week(d);
        review_week *w = r->week_count ? &r->weeks[r->week_count - 1] : NULL;
        if (!w || w->iso_week != week) {
            VB_ASSERT(r->week_count < REVIEW_MAX_WEEKS); /* 31 days touch at most 6 weeks */
            if (r->week_count == REVIEW_MAX_WEEKS)
                break;
            w = &r->weeks[r->week_count++];
            w->iso_week = week;
            w->first = d;
            w->days = 0;
            w->count = 0;
        }
        w->last = d;
        w->days++;
    }

    for (int i = 0; i < in->lp_count_count; i++) {
        const review_lp_count *c = &in->lp_counts[i];
        vb_day d = vb_day_add(c->day, 0);
        if (c->count <= 0 || !in_period(r, d))
            continue;
        r->lp_total += c->count;
        int slot = category_slot(r, c->category_id);
        if (slot >= 0)
            r->lp_by_category[slot] += c->count;
        for (int w = 0; w < r->week_count; w++) {
            if (vb_day_diff(r->weeks[w].first, d) >= 0 && vb_day_diff(d, r->weeks[w].last) >= 0) {
                r->weeks[w].count += c->count;
                break;
            }
        }
    }
}

/* Whether an earlier decision in the list made the same move for the same
 * idea inside the period (an idea adopted twice, after a reopening, counts
 * once). */
static bool counted_before(const review_input *in, const review *r, int i)
{
    const review_decision *d = &in->decisions[i];
    for (int j = 0; j < i; j++) {
        const review_decision *e = &in->decisions[j];
        if (e->idea_id == d->idea_id && e->adopted == d->adopted && in_period(r, day_of(e->at)))
            return true;
    }
    return false;
}

static void compute_ideas(const review_input *in, review *r)
{
    /* Days to first feedback, for the median. A team gives far fewer than
     * MAX_DELAYS first feedbacks a month; past it the count stays exact and
     * the median uses the first MAX_DELAYS. */
    enum { MAX_DELAYS = 2048 };
    int delays[MAX_DELAYS];
    int n_delays = 0;
    for (int i = 0; i < in->idea_count; i++) {
        const review_idea *idea = &in->ideas[i];
        vb_day created = day_of(idea->created_at);
        if (in_period(r, created))
            r->ideas_submitted++;
        if (idea->first_feedback_at) {
            vb_day fb = day_of(idea->first_feedback_at);
            if (in_period(r, fb)) {
                r->feedback_count++;
                if (n_delays < MAX_DELAYS) {
                    int days = vb_day_diff(created, fb);
                    delays[n_delays++] = days < 0 ? 0 : days;
                }
            }
        }
        bool waiting = idea_status_is_open(idea->state) && !idea->hidden && day_cmp(created, r->last) <= 0 &&
                       (!idea->first_feedback_at || day_cmp(day_of(idea->first_feedback_at), r->last) > 0);
        if (waiting && !r->future)
            r->ideas_waiting++;
    }
    r->has_median = n_delays > 0;
    r->median_days = r->has_median ? review_median(delays, n_delays) : 0;

    for (int i = 0; i < in->decision_count; i++) {
        const review_decision *d = &in->decisions[i];
        if (!in_period(r, day_of(d->at)) || counted_before(in, r, i))
            continue;
        if (d->adopted)
            r->ideas_adopted++;
        else
            r->ideas_declined++;
    }

    /* Top-voted open ideas: most votes first, then the older idea. */
    for (int i = 0; i < in->open_idea_count; i++) {
        const review_idea *idea = &in->open_ideas[i];
        if (!idea_status_is_open(idea->state) || idea->hidden)
            continue;
        int pos = r->top_count;
        while (pos > 0 && (r->top[pos - 1].votes < idea->votes ||
                           (r->top[pos - 1].votes == idea->votes && r->top[pos - 1].id > idea->id)))
            pos--;
        if (pos >= REVIEW_TOP_IDEAS)
            continue;
        int last = r->top_count < REVIEW_TOP_IDEAS ? r->top_count : REVIEW_TOP_IDEAS - 1;
        for (int k = last; k > pos; k--)
            r->top[k] = r->top[k - 1];
        r->top[pos] = *idea;
        if (r->top_count < REVIEW_TOP_IDEAS)
            r->top_count++;
    }
}

static void add_done(review *r, const review_action *a, vb_day closed)
{
    /* latest first; ties by id, higher (newer) first */
    int pos = r->done_count;
    while (pos > 0) {
        const review_done_action *p = &r->done[pos - 1];
        int c = day_cmp(p->closed, closed);
        if (c > 0 || (c == 0 && p->id > a->id))
            break;
        pos--;
    }
    if (pos >= REVIEW_MAX_DONE)
        return;
    int last = r->done_count < REVIEW_MAX_DONE ? r->done_count : REVIEW_MAX_DONE - 1;
    for (int k = last; k > pos; k--)
        r->done[k] = r->done[k - 1];
    review_done_action *d = &r->done[pos];
    d->id = a->id;
    d->closed = closed;
    utf8_copy(a->description, d->description, sizeof d->description);
    utf8_copy(a->owner, d->owner, sizeof d->owner);
    if (r->done_count < REVIEW_MAX_DONE)
        r->done_count++;
}

static void compute_actions(const review_input *in, review *r)
{
    if (r->future)
        return;
    for (int i = 0; i < in->action_count; i++) {
        const review_action *a = &in->actions[i];
        vb_day created = day_of(a->created_at);
        if (day_cmp(created, r->last) > 0)
            continue; /* did not exist yet */
        if (in_period(r, created))
            r->actions_new++;
        if (a->closed_at) {
            vb_day closed = day_of(a->closed_at);
            if (a->done && in_period(r, closed)) {
                r->actions_done++;
                add_done(r, a, closed);
            }
            if (day_cmp(closed, r->last) <= 0)
                continue; /* closed by the end of the period */
        }
        r->actions_open++;
        if (day_cmp(vb_day_add(a->due, 0), r->last) < 0)
            r->actions_overdue++;
    }
}

static void compute_dagstarts(const review_input *in, review *r)
{
    for (int i = 0; i < r->period_days && i < 31; i++) {
        vb_day d = vb_day_add(r->first, i);
        r->days[i].kind = calendar_is_working_day(&in->cal, d)      ? REVIEW_DAY_WORK
                          : calendar_is_working_weekday(&in->cal, d) ? REVIEW_DAY_HOLIDAY
                                                                     : REVIEW_DAY_OFF;
    }
    for (int i = 0; i < in->dagstart_count; i++) {
        const review_dagstart *ds = &in->dagstarts[i];
        vb_day d = vb_day_add(ds->day, 0);
        if (!ds->held || !in_period(r, d))
            continue;
        int index = vb_day_diff(r->first, d);
        if (index >= 0 && index < 31 && !r->days[index].held) {
            r->days[index].held = true;
            r->dagstarts_held++;
        }
    }
    for (int i = 0; i < r->period_days && i < 31; i++) {
        if (r->days[i].kind != REVIEW_DAY_WORK)
            continue;
        /* Today is a working day to count once its daily start is held:
         * at 06:55 the team has not missed it yet. */
        bool today = day_cmp(vb_day_add(r->first, i), in->today) == 0;
        if (!today || r->days[i].held)
            r->working_days++;
    }
}

void review_compute(const review_input *in, review *out)
{
    memset(out, 0, sizeof *out);
    compute_period(in, out);
    compute_learning_points(in, out);
    compute_ideas(in, out);
    compute_actions(in, out);
    compute_dagstarts(in, out);
}

/* ---- comparison ----------------------------------------------------------- */

bool review_value(const review *r, review_figure f, double *out)
{
    double v = 0;
    switch (f) {
    case REVIEW_FIG_LP_TOTAL: v = r->lp_total; break;
    case REVIEW_FIG_IDEAS_SUBMITTED: v = r->ideas_submitted; break;
    case REVIEW_FIG_IDEAS_ADOPTED: v = r->ideas_adopted; break;
    case REVIEW_FIG_IDEAS_DECLINED: v = r->ideas_declined; break;
    case REVIEW_FIG_MEDIAN_DAYS:
        if (!r->has_median)
            return false;
        v = r->median_days;
        break;
    case REVIEW_FIG_IDEAS_WAITING: v = r->ideas_waiting; break;
    case REVIEW_FIG_ACTIONS_OPEN: v = r->actions_open; break;
    case REVIEW_FIG_ACTIONS_OVERDUE: v = r->actions_overdue; break;
    case REVIEW_FIG_ACTIONS_DONE: v = r->actions_done; break;
    case REVIEW_FIG_DAGSTARTS_HELD: v = r->dagstarts_held; break;
    case REVIEW_FIG_COUNT: return false;
    }
    *out = v;
    return true;
}

review_trend review_compare(const review *now, const review *before, review_figure f, double *delta)
{
    double a, b;
    if (delta)
        *delta = 0;
    if (!review_value(now, f, &a) || !review_value(before, f, &b))
        return REVIEW_TREND_NONE;
    if (delta)
        *delta = a - b;
    /* Medians come in half days: closer than that is the same. */
    if (a - b > 0.25)
        return REVIEW_TREND_UP;
    if (b - a > 0.25)
        return REVIEW_TREND_DOWN;
    return REVIEW_TREND_SAME;
}
