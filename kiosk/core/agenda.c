/* agenda.c: building the daily-start agenda and the rules behind it (see
 * agenda.h). Pure functions over the input; the only libc time call is
 * vb_day_start_unix (local midnight) through date.h. */
#include "agenda.h"

#include <inttypes.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "utf8.h"

/* ---- input arrays ---------------------------------------------------------- */

void agenda_input_init(agenda_input *in, vb_day today, int64_t now_s)
{
    memset(in, 0, sizeof *in);
    in->today = today;
    in->now_s = now_s;
    in->total_minutes = AGENDA_DEFAULT_MINUTES;
    calendar_init(&in->cal);
}

void agenda_input_free(agenda_input *in)
{
    calendar_free(&in->cal);
    free(in->held);
    free(in->members);
    free(in->announcements);
    free(in->lps);
    free(in->ideas);
    free(in->actions);
    free(in->topics);
    free(in->discussed);
    vb_day today = in->today;
    int64_t now = in->now_s;
    agenda_input_init(in, today, now);
}

/* A zeroed new element at the end of a growable array, or NULL. */
static void *grow(void **arr, int *n, int *cap, size_t size)
{
    if (*n == *cap) {
        int want = *cap ? *cap * 2 : 16;
        void *bigger = realloc(*arr, (size_t)want * size);
        if (!bigger)
            return NULL;
        *arr = bigger;
        *cap = want;
    }
    char *el = (char *)*arr + (size_t)*n * size;
    memset(el, 0, size);
    (*n)++;
    return el;
}

#define GROW(arr, n, cap) grow((void **)&(arr), &(n), &(cap), sizeof *(arr))

agenda_held *agenda_input_add_held(agenda_input *in)
{
    return GROW(in->held, in->nheld, in->held_cap);
}

agenda_member *agenda_input_add_member(agenda_input *in)
{
    agenda_member *m = GROW(in->members, in->nmembers, in->members_cap);
    if (m)
        m->presence = -1;
    return m;
}

agenda_announcement *agenda_input_add_announcement(agenda_input *in)
{
    return GROW(in->announcements, in->nannouncements, in->announcements_cap);
}

agenda_lp *agenda_input_add_lp(agenda_input *in)
{
    return GROW(in->lps, in->nlps, in->lps_cap);
}

agenda_idea *agenda_input_add_idea(agenda_input *in)
{
    return GROW(in->ideas, in->nideas, in->ideas_cap);
}

agenda_action *agenda_input_add_action(agenda_input *in)
{
    return GROW(in->actions, in->nactions, in->actions_cap);
}

agenda_topic *agenda_input_add_topic(agenda_input *in)
{
    return GROW(in->topics, in->ntopics, in->topics_cap);
}

bool agenda_input_add_discussed(agenda_input *in, const char *key)
{
    char(*slot)[AGENDA_KEY_SIZE] = GROW(in->discussed, in->ndiscussed, in->discussed_cap);
    if (!slot)
        return false;
    utf8_copy(key, *slot, AGENDA_KEY_SIZE);
    return true;
}

bool agenda_previous_held(const agenda_held *held, int n, vb_day today, agenda_held *out)
{
    bool found = false;
    for (int i = 0; i < n; i++) {
        if (vb_day_diff(held[i].day, today) <= 0)
            continue; /* today's own, or dated after today */
        if (!found || vb_day_diff(out->day, held[i].day) > 0 ||
            (vb_day_same(out->day, held[i].day) && held[i].started_at > out->started_at)) {
            *out = held[i];
            found = true;
        }
    }
    return found;
}

agenda_period agenda_period_for(const vb_calendar *cal, vb_day today, const agenda_held *held, int nheld)
{
    agenda_period p;
    memset(&p, 0, sizeof p);
    p.to = today;
    p.look_back_day = calendar_previous_working_day(cal, today);
    vb_day window_start = vb_day_add(today, -AGENDA_WINDOW_DAYS);
    if (agenda_previous_held(held, nheld, today, &p.last)) {
        p.from = vb_day_add(p.last.day, 1);
        p.since_s = p.last.started_at;
        p.missed = calendar_working_days_between(cal, p.last.day, today);
        if (vb_day_diff(window_start, p.from) < 0) {
            p.from = window_start;
            p.capped = true;
            int64_t window_s = vb_day_start_unix(window_start);
            if (p.since_s < window_s)
                p.since_s = window_s;
        }
    } else {
        p.first = true;
        p.from = vb_day_add(today, -AGENDA_FIRST_LOOKBACK_DAYS);
        p.since_s = vb_day_start_unix(p.from);
    }
    return p;
}

/* ---- time budget and countdowns ---------------------------------------------- */

void agenda_budget(int total_s, int out_s[AGENDA_SECTIONS])
{
    static const int percent[AGENDA_SECTIONS] = { 10, 15, 30, 25, 20 };
    if (total_s < 0)
        total_s = 0;
    int sum = 0;
    for (int i = 0; i < AGENDA_SECTIONS; i++) {
        out_s[i] = (int)((int64_t)total_s * percent[i] / 100);
        sum += out_s[i];
    }
    out_s[AGENDA_LOOK_BACK] += total_s - sum; /* the rounding goes to the longest part */
}

static int permille(int64_t part, int64_t whole)
{
    if (whole <= 0)
        return part > 0 ? 1000 : 0;
    if (part <= 0)
        return 0;
    int64_t v = part * 1000 / whole;
    return v > 1000 ? 1000 : (int)v;
}

void agenda_countdown_of(const int budget_s[AGENDA_SECTIONS], const int64_t elapsed_ms[AGENDA_SECTIONS],
                         agenda_countdown *out)
{
    memset(out, 0, sizeof *out);
    int64_t total_budget_ms = 0;
    for (int i = 0; i < AGENDA_SECTIONS; i++) {
        int64_t budget_ms = (int64_t)budget_s[i] * 1000;
        int64_t e = elapsed_ms[i] > 0 ? elapsed_ms[i] : 0;
        out->section_left_ms[i] = budget_ms - e;
        out->section_over[i] = e > budget_ms;
        out->section_permille[i] = permille(e, budget_ms);
        out->total_elapsed_ms += e;
        total_budget_ms += budget_ms;
    }
    out->total_left_ms = total_budget_ms - out->total_elapsed_ms;
    out->total_over = out->total_elapsed_ms > total_budget_ms;
    out->total_permille = permille(out->total_elapsed_ms, total_budget_ms);
}

static int clamp_section(int s)
{
    return s < 0 ? 0 : s >= AGENDA_SECTIONS ? AGENDA_SECTIONS - 1 : s;
}

void agenda_timer_start(agenda_timer *t, const int elapsed_s[AGENDA_SECTIONS], int current, int64_t now_ms)
{
    memset(t, 0, sizeof *t);
    for (int i = 0; i < AGENDA_SECTIONS; i++)
        t->base_ms[i] = elapsed_s && elapsed_s[i] > 0 ? (int64_t)elapsed_s[i] * 1000 : 0;
    t->current = clamp_section(current);
    t->running_since_ms = now_ms;
    t->running = true;
}

void agenda_timer_elapsed(const agenda_timer *t, int64_t now_ms, int64_t out_ms[AGENDA_SECTIONS])
{
    for (int i = 0; i < AGENDA_SECTIONS; i++)
        out_ms[i] = t->base_ms[i];
    if (t->running && now_ms > t->running_since_ms)
        out_ms[t->current] += now_ms - t->running_since_ms;
}

static void book(agenda_timer *t, int64_t now_ms)
{
    if (t->running && now_ms > t->running_since_ms)
        t->base_ms[t->current] += now_ms - t->running_since_ms;
    if (now_ms > t->running_since_ms)
        t->running_since_ms = now_ms;
}

void agenda_timer_switch(agenda_timer *t, int section, int64_t now_ms)
{
    book(t, now_ms);
    t->current = clamp_section(section);
}

void agenda_timer_stop(agenda_timer *t, int64_t now_ms)
{
    book(t, now_ms);
    t->running = false;
}

void agenda_timer_seconds(const agenda_timer *t, int64_t now_ms, int out_s[AGENDA_SECTIONS])
{
    int64_t ms[AGENDA_SECTIONS];
    agenda_timer_elapsed(t, now_ms, ms);
    for (int i = 0; i < AGENDA_SECTIONS; i++)
        out_s[i] = ms[i] / 1000 > INT32_MAX ? INT32_MAX : (int)(ms[i] / 1000);
}

bool agenda_holds_idle(int64_t started_s, int total_minutes, int64_t now_s)
{
    if (started_s <= 0)
        return false;
    if (total_minutes <= 0)
        total_minutes = AGENDA_DEFAULT_MINUTES;
    return now_s < started_s + (int64_t)total_minutes * 60 + AGENDA_IDLE_GRACE_S;
}

int agenda_overdue_days(vb_day due, vb_day today)
{
    int d = vb_day_diff(due, today);
    return d > 0 ? d : 0;
}

int agenda_days_until(vb_day due, vb_day today)
{
    return vb_day_diff(today, due);
}

vb_day agenda_due_day(const vb_calendar *cal, vb_day today, agenda_due_preset p)
{
    switch (p) {
    case DUE_TOMORROW: return calendar_next_working_day(cal, today);
    case DUE_NEXT_WEEK: return calendar_working_day_on_or_after(cal, vb_day_add(today, 7));
    case DUE_TWO_WEEKS: return calendar_working_day_on_or_after(cal, vb_day_add(today, 14));
    default: return today;
    }
}

void agenda_range(const vb_calendar *cal, vb_day today, agenda_range_preset p, vb_day *from, vb_day *to)
{
    *from = today;
    *to = today;
    switch (p) {
    case RANGE_WEEK_END: {
        int iso = today.wday == 0 ? 7 : today.wday;
        for (int i = 7 - iso; i > 0; i--) { /* the last working day up to Sunday */
            vb_day d = vb_day_add(today, i);
            if (calendar_is_working_day(cal, d)) {
                *to = d;
                break;
            }
        }
        break;
    }
    case RANGE_ONE_WEEK: *to = vb_day_add(today, 6); break;
    case RANGE_TWO_WEEKS: *to = vb_day_add(today, 13); break;
    default: break;
    }
}

/* ---- building ------------------------------------------------------------- */

void agenda_key_lp(char out[AGENDA_KEY_SIZE], const char *lp_id)
{
    vb_fmt(out, AGENDA_KEY_SIZE, "lp:%.16s", lp_id);
}

void agenda_key_idea(char out[AGENDA_KEY_SIZE], int64_t id)
{
    snprintf(out, AGENDA_KEY_SIZE, "idea:%" PRId64, id);
}

void agenda_key_action(char out[AGENDA_KEY_SIZE], int64_t id)
{
    snprintf(out, AGENDA_KEY_SIZE, "action:%" PRId64, id);
}

void agenda_key_announcement(char out[AGENDA_KEY_SIZE], int64_t id)
{
    snprintf(out, AGENDA_KEY_SIZE, "ann:%" PRId64, id);
}

void agenda_key_topic(char out[AGENDA_KEY_SIZE], int64_t id)
{
    snprintf(out, AGENDA_KEY_SIZE, "topic:%" PRId64, id);
}

/* An item with its sort position. */
typedef struct sortable {
    agenda_item item;
    int rank;      /* order of kinds inside a group */
    int64_t order; /* ascending inside a rank */
    int seq;       /* input position: keeps the sort stable */
} sortable;

static int compare_sortable(const void *pa, const void *pb)
{
    const sortable *a = pa, *b = pb;
    if (a->item.section != b->item.section)
        return a->item.section < b->item.section ? -1 : 1;
    if (a->item.group != b->item.group)
        return a->item.group < b->item.group ? -1 : 1;
    if (a->rank != b->rank)
        return a->rank < b->rank ? -1 : 1;
    if (a->order != b->order)
        return a->order < b->order ? -1 : 1;
    return a->seq < b->seq ? -1 : a->seq > b->seq;
}

typedef struct builder {
    sortable *list;
    int n, cap;
    const agenda_input *in;
} builder;

static bool add(builder *b, agenda_kind kind, agenda_section section, agenda_group group, int index, int rank,
                int64_t order)
{
    sortable *s = GROW(b->list, b->n, b->cap);
    if (!s)
        return false;
    s->item.kind = kind;
    s->item.section = section;
    s->item.group = group;
    s->item.index = index;
    s->rank = rank;
    s->order = order;
    s->seq = b->n;
    return true;
}

static int64_t day_number(vb_day d)
{
    static const vb_day epoch = { 1970, 1, 1, 4 };
    return vb_day_diff(epoch, d);
}

static bool status_is(const char *status, const char *want)
{
    return strcmp(status, want) == 0;
}

static void item_key(const agenda_input *in, agenda_item *it)
{
    it->key[0] = '\0';
    switch (it->kind) {
    case AGENDA_MEMBER: break;
    case AGENDA_ANNOUNCEMENT: agenda_key_announcement(it->key, in->announcements[it->index].id); break;
    case AGENDA_LEARNING_POINT: agenda_key_lp(it->key, in->lps[it->index].id); break;
    case AGENDA_TOPIC: agenda_key_topic(it->key, in->topics[it->index].id); break;
    case AGENDA_IDEA_ADOPTED:
    case AGENDA_IDEA_CHANGED:
    case AGENDA_IDEA_NEW: agenda_key_idea(it->key, in->ideas[it->index].id); break;
    case AGENDA_ACTION_DONE:
    case AGENDA_ACTION_DUE: agenda_key_action(it->key, in->actions[it->index].id); break;
    }
}

static bool fill(builder *b, const agenda_period *p)
{
    const agenda_input *in = b->in;
    vb_day today = in->today;
    bool ok = true;
    for (int i = 0; i < in->nmembers && ok; i++)
        ok = add(b, AGENDA_MEMBER, AGENDA_STAFFING, AGENDA_GROUP_ROSTER, i, 0, 0);

    for (int i = 0; i < in->ntopics && ok; i++) {
        int section = clamp_section(in->topics[i].section);
        agenda_group g = section == AGENDA_LOOK_AHEAD ? AGENDA_GROUP_TODAY : AGENDA_GROUP_LEAD;
        ok = add(b, AGENDA_TOPIC, (agenda_section)section, g, i, 0, in->topics[i].id);
    }

    vb_day soon = vb_day_add(today, 7);
    for (int i = 0; i < in->nannouncements && ok; i++) {
        const agenda_announcement *a = &in->announcements[i];
        if (vb_day_diff(today, a->to) < 0)
            continue; /* over */
        if (vb_day_diff(a->from, today) >= 0) /* newest first */
            ok = add(b, AGENDA_ANNOUNCEMENT, AGENDA_ANNOUNCEMENTS, AGENDA_GROUP_CURRENT, i, 0,
                     -day_number(a->from) * 1000000 - a->id % 1000000);
        else if (vb_day_diff(a->from, soon) >= 0) /* soonest first */
            ok = add(b, AGENDA_ANNOUNCEMENT, AGENDA_LOOK_AHEAD, AGENDA_GROUP_COMING_UP, i, 0, day_number(a->from));
    }

    for (int i = 0; i < in->nlps && ok; i++) {
        vb_day d = in->lps[i].dagstart_day;
        if (vb_day_diff(p->from, d) >= 0 && vb_day_diff(d, p->to) >= 0) /* oldest first */
            ok = add(b, AGENDA_LEARNING_POINT, AGENDA_LOOK_BACK, AGENDA_GROUP_COULD_BE_BETTER, i, 0,
                     day_number(in->lps[i].day));
    }

    for (int i = 0; i < in->nideas && ok; i++) {
        const agenda_idea *idea = &in->ideas[i];
        bool moved = idea->status_changed_at > p->since_s;
        bool feedback = idea->feedback_at > p->since_s;
        if (idea->status == IDEA_ADOPTED && moved)
            ok = add(b, AGENDA_IDEA_ADOPTED, AGENDA_LOOK_BACK, AGENDA_GROUP_WENT_WELL, i, 0,
                     -idea->status_changed_at);
        else if (idea->status == IDEA_NEW && idea->created_at > p->since_s && !feedback)
            ok = add(b, AGENDA_IDEA_NEW, AGENDA_ACTIONS, AGENDA_GROUP_IDEAS, i, 1, -(int64_t)idea->votes);
        else if (moved || feedback) {
            int64_t last = idea->status_changed_at > idea->feedback_at ? idea->status_changed_at : idea->feedback_at;
            ok = add(b, AGENDA_IDEA_CHANGED, AGENDA_ACTIONS, AGENDA_GROUP_IDEAS, i, 0, -last);
        }
    }

    for (int i = 0; i < in->nactions && ok; i++) {
        const agenda_action *a = &in->actions[i];
        if (status_is(a->status, "done") && a->closed_at > p->since_s)
            ok = add(b, AGENDA_ACTION_DONE, AGENDA_LOOK_BACK, AGENDA_GROUP_WENT_WELL, i, 1, -a->closed_at);
        else if (status_is(a->status, "open") && vb_day_diff(a->due, today) >= 0)
            ok = add(b, AGENDA_ACTION_DUE, AGENDA_ACTIONS, AGENDA_GROUP_DUE, i, 0, day_number(a->due));
    }
    return ok;
}

static bool marked_discussed(const agenda_input *in, const char *key)
{
    if (!key[0])
        return false;
    for (int i = 0; i < in->ndiscussed; i++)
        if (strcmp(in->discussed[i], key) == 0)
            return true;
    return false;
}

void agenda_recount(agenda *ag)
{
    for (int s = 0; s < AGENDA_SECTIONS; s++)
        ag->discussable[s] = ag->discussed[s] = 0;
    for (int i = 0; i < ag->nitems; i++) {
        const agenda_item *it = &ag->items[i];
        if (it->kind == AGENDA_MEMBER)
            continue;
        ag->discussable[it->section]++;
        if (it->discussed)
            ag->discussed[it->section]++;
    }
    ag->present = ag->absent = ag->unrecorded = 0;
    for (int i = 0; i < ag->in->nmembers; i++) {
        int p = ag->in->members[i].presence;
        if (p == 1)
            ag->present++;
        else if (p == 0)
            ag->absent++;
        else
            ag->unrecorded++;
    }
}

vb_code agenda_build(const agenda_input *in, agenda *out, vb_err *err)
{
    memset(out, 0, sizeof *out);
    out->in = in;
    out->working_day = calendar_is_working_day(&in->cal, in->today);
    out->period = agenda_period_for(&in->cal, in->today, in->held, in->nheld);
    int minutes = in->total_minutes > 0 ? in->total_minutes : AGENDA_DEFAULT_MINUTES;
    if (minutes > 120)
        minutes = 120;
    agenda_budget(minutes * 60, out->budget_s);

    builder b = { NULL, 0, 0, in };
    if (!fill(&b, &out->period)) {
        free(b.list);
        return vb_fail(err, VB_ERR_NOMEM, "out of memory building the agenda");
    }
    if (b.n > 0)
        qsort(b.list, (size_t)b.n, sizeof *b.list, compare_sortable);
    size_t n = b.n > 0 ? (size_t)b.n : 0;
    out->items = n ? malloc(n * sizeof *out->items) : NULL;
    if (n && !out->items) {
        free(b.list);
        return vb_fail(err, VB_ERR_NOMEM, "out of memory building the agenda");
    }
    for (int s = 0; s < AGENDA_SECTIONS; s++)
        out->first[s] = -1;
    for (int i = 0; i < b.n; i++) {
        agenda_item *it = &out->items[i];
        *it = b.list[i].item;
        item_key(in, it);
        it->discussed = marked_discussed(in, it->key);
        if (it->kind == AGENDA_ACTION_DUE)
            it->overdue_days = agenda_overdue_days(in->actions[it->index].due, in->today);
        if (out->first[it->section] < 0)
            out->first[it->section] = i;
        out->count[it->section]++;
    }
    for (int s = 0; s < AGENDA_SECTIONS; s++)
        if (out->first[s] < 0)
            out->first[s] = s > 0 ? out->first[s - 1] + out->count[s - 1] : 0;
    out->nitems = b.n;
    free(b.list);
    agenda_recount(out);
    return VB_OK;
}

void agenda_free(agenda *ag)
{
    free(ag->items);
    ag->items = NULL;
    ag->nitems = 0;
}
