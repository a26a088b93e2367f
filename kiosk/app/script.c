/* script.c: the --script reader and runner (see script.h). JSON is parsed
 * with cJSON. */
#include "script.h"

#include <cjson/cJSON.h>
#include <poll.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "../core/utf8.h"
#include "loop.h"

#define DRAG_STEPS 6

struct script {
    FILE *file;
    bool owns_file;
    char *line;       /* the line being read, grown to fit (getline) */
    size_t line_cap;
    int line_no;
    script_action current;
    int phase;        /* step within the current action; 0 = read the next line */
    int px, py;       /* pointer position of a running tap or drag */
    bool at_end;      /* the end of the script was read while a write waited */
};

static bool copy_string(cJSON *item, char *out, size_t size)
{
    if (!cJSON_IsString(item) || !item->valuestring)
        return false;
    size_t n = strlen(item->valuestring);
    if (n >= size)
        return false;
    memcpy(out, item->valuestring, n + 1);
    return true;
}

static bool read_xy(cJSON *arr, int *x, int *y)
{
    if (!cJSON_IsArray(arr) || cJSON_GetArraySize(arr) != 2)
        return false;
    cJSON *a = cJSON_GetArrayItem(arr, 0), *b = cJSON_GetArrayItem(arr, 1);
    if (!cJSON_IsNumber(a) || !cJSON_IsNumber(b))
        return false;
    if (a->valuedouble < -100000 || a->valuedouble > 100000 || b->valuedouble < -100000 || b->valuedouble > 100000)
        return false;
    *x = (int)a->valuedouble;
    *y = (int)b->valuedouble;
    return true;
}

static int read_int(cJSON *obj, const char *key, int fallback)
{
    cJSON *v = cJSON_GetObjectItemCaseSensitive(obj, key);
    if (!cJSON_IsNumber(v) || v->valuedouble < -100000 || v->valuedouble > 100000)
        return fallback;
    return (int)v->valuedouble;
}

void script_action_clear(script_action *a)
{
    free(a->text);
    memset(a, 0, sizeof *a);
}

/* "id": the finger (1 when absent), "window": "kiosk" or "wall". */
static vb_code read_finger(cJSON *root, script_action *out, vb_err *err)
{
    out->finger = read_int(root, "id", 1);
    if (out->finger < 0)
        return vb_fail(err, VB_ERR_INVALID, "a finger id is 0 or more");
    cJSON *w = cJSON_GetObjectItemCaseSensitive(root, "window");
    if (w && (!cJSON_IsString(w) || (strcmp(w->valuestring, "wall") != 0 && strcmp(w->valuestring, "kiosk") != 0)))
        return vb_fail(err, VB_ERR_INVALID, "window is \"kiosk\" or \"wall\"");
    out->on_wall = w && strcmp(w->valuestring, "wall") == 0;
    return VB_OK;
}

vb_code script_parse_line(const char *line, script_action *out, vb_err *err)
{
    memset(out, 0, sizeof *out);
    const char *p = line;
    while (*p == ' ' || *p == '\t' || *p == '\r' || *p == '\n')
        p++;
    if (*p == '\0' || *p == '#')
        return VB_OK;
    cJSON *root = cJSON_Parse(p);
    if (!cJSON_IsObject(root)) {
        cJSON_Delete(root);
        return vb_fail(err, VB_ERR_INVALID, "not a JSON object");
    }
    vb_code rc = VB_OK;
    cJSON *v;
    if ((v = cJSON_GetObjectItemCaseSensitive(root, "tap"))) {
        out->kind = SA_TAP;
        if (read_xy(v, &out->x, &out->y))
            out->has_xy = true;
        else if (!copy_string(v, out->arg, sizeof out->arg))
            rc = vb_fail(err, VB_ERR_INVALID, "tap needs an element id or [x, y]");
    } else if ((v = cJSON_GetObjectItemCaseSensitive(root, "drag"))) {
        out->kind = SA_DRAG;
        if (read_xy(v, &out->x, &out->y))
            out->has_xy = true;
        else if (!copy_string(v, out->arg, sizeof out->arg))
            rc = vb_fail(err, VB_ERR_INVALID, "drag needs an element id or [x, y]");
        out->dx = read_int(root, "dx", 0);
        out->dy = read_int(root, "dy", 0);
        out->touch = cJSON_IsTrue(cJSON_GetObjectItemCaseSensitive(root, "touch"));
        out->finger = 1;
    } else if ((v = cJSON_GetObjectItemCaseSensitive(root, "touch"))) {
        out->kind = SA_TOUCH;
        if (read_xy(v, &out->x, &out->y))
            out->has_xy = true;
        else if (!copy_string(v, out->arg, sizeof out->arg))
            rc = vb_fail(err, VB_ERR_INVALID, "touch needs an element id or [x, y]");
        if (rc == VB_OK)
            rc = read_finger(root, out, err);
    } else if ((v = cJSON_GetObjectItemCaseSensitive(root, "finger"))) {
        out->kind = SA_FINGER;
        static const char *const whats[] = { "down", "move", "up" };
        out->finger_what = -1;
        for (int i = 0; i < 3; i++)
            if (cJSON_IsString(v) && strcmp(v->valuestring, whats[i]) == 0)
                out->finger_what = i;
        cJSON *at = cJSON_GetObjectItemCaseSensitive(root, "at");
        if (out->finger_what < 0)
            rc = vb_fail(err, VB_ERR_INVALID, "finger is \"down\", \"move\" or \"up\"");
        else if (read_xy(at, &out->x, &out->y))
            out->has_xy = true;
        else if (!copy_string(at, out->arg, sizeof out->arg))
            rc = vb_fail(err, VB_ERR_INVALID, "finger needs \"at\": an element id or [x, y]");
        if (rc == VB_OK)
            rc = read_finger(root, out, err);
    } else if ((v = cJSON_GetObjectItemCaseSensitive(root, "palm"))) {
        out->kind = SA_PALM;
        int n = cJSON_IsArray(v) ? cJSON_GetArraySize(v) : 0;
        if (n < 2 || n > (int)(sizeof out->points / sizeof out->points[0]))
            rc = vb_fail(err, VB_ERR_INVALID, "palm needs 2 to %zu points [[x, y], ...]",
                         sizeof out->points / sizeof out->points[0]);
        for (int i = 0; rc == VB_OK && i < n; i++)
            if (!read_xy(cJSON_GetArrayItem(v, i), &out->points[i][0], &out->points[i][1]))
                rc = vb_fail(err, VB_ERR_INVALID, "palm needs points [x, y]");
        out->npoints = n;
    } else if ((v = cJSON_GetObjectItemCaseSensitive(root, "type"))) {
        out->kind = SA_TYPE;
        if (!cJSON_IsString(v) || !v->valuestring)
            rc = vb_fail(err, VB_ERR_INVALID, "type needs a string");
        else if (!(out->text = strdup(v->valuestring)))
            rc = vb_fail(err, VB_ERR_NOMEM, "out of memory");
    } else if ((v = cJSON_GetObjectItemCaseSensitive(root, "key"))) {
        out->kind = SA_KEY;
        if (!copy_string(v, out->arg, sizeof out->arg))
            rc = vb_fail(err, VB_ERR_INVALID, "key needs a key name");
        cJSON *mods = cJSON_GetObjectItemCaseSensitive(root, "mods"), *m;
        cJSON_ArrayForEach(m, mods)
        {
            if (!cJSON_IsString(m))
                continue;
            if (strcmp(m->valuestring, "ctrl") == 0) out->mods |= UI_MOD_CTRL;
            else if (strcmp(m->valuestring, "alt") == 0) out->mods |= UI_MOD_ALT;
            else if (strcmp(m->valuestring, "shift") == 0) out->mods |= UI_MOD_SHIFT;
        }
    } else if ((v = cJSON_GetObjectItemCaseSensitive(root, "badge"))) {
        out->kind = SA_BADGE;
        if (!copy_string(v, out->arg, sizeof out->arg) || !out->arg[0])
            rc = vb_fail(err, VB_ERR_INVALID, "badge needs a string");
        for (const char *c = out->arg; rc == VB_OK && *c; c++)
            if ((unsigned char)*c < 0x21 || (unsigned char)*c > 0x7E)
                rc = vb_fail(err, VB_ERR_INVALID, "badge holds printable ASCII only");
    } else if ((v = cJSON_GetObjectItemCaseSensitive(root, "advance"))) {
        out->kind = SA_ADVANCE;
        if (!cJSON_IsNumber(v) || v->valuedouble < 0 || v->valuedouble > 10.0 * 366 * 86400)
            rc = vb_fail(err, VB_ERR_INVALID, "advance needs seconds (0 .. 10 years)");
        else
            out->ms = (int64_t)(v->valuedouble * 1000.0);
    } else if ((v = cJSON_GetObjectItemCaseSensitive(root, "wait"))) {
        out->kind = SA_WAIT;
    } else if ((v = cJSON_GetObjectItemCaseSensitive(root, "screenshot"))) {
        out->kind = SA_SCREENSHOT;
        if (!copy_string(v, out->arg, sizeof out->arg) || !out->arg[0])
            rc = vb_fail(err, VB_ERR_INVALID, "screenshot needs a path");
    } else if ((v = cJSON_GetObjectItemCaseSensitive(root, "quit"))) {
        out->kind = SA_QUIT;
    } else {
        rc = vb_fail(err, VB_ERR_INVALID,
                     "unknown action (tap, touch, finger, palm, drag, type, key, badge, advance, wait, screenshot, "
                     "quit)");
    }
    cJSON *ws = cJSON_GetObjectItemCaseSensitive(root, "while_saving");
    if (rc == VB_OK && ws) {
        out->while_saving = cJSON_IsTrue(ws);
        if (out->while_saving && out->kind != SA_TAP && out->kind != SA_TOUCH && out->kind != SA_TYPE &&
            out->kind != SA_KEY && out->kind != SA_BADGE && out->kind != SA_SCREENSHOT)
            rc = vb_fail(err, VB_ERR_INVALID, "while_saving goes with tap, touch, type, key, badge or screenshot");
    }
    cJSON_Delete(root);
    return rc;
}

vb_code script_open(script **out, const char *path, vb_err *err)
{
    *out = NULL;
    script *s = calloc(1, sizeof *s);
    if (!s)
        return vb_fail(err, VB_ERR_NOMEM, "out of memory");
    if (strcmp(path, "-") == 0) {
        s->file = stdin;
        /* unbuffered: nothing read ahead hides a line from poll() while a
         * write waits (script_step_waiting) */
        setvbuf(stdin, NULL, _IONBF, 0);
    } else {
        s->file = fopen(path, "r");
        s->owns_file = true;
        if (!s->file) {
            free(s);
            return vb_fail(err, VB_ERR_NOTFOUND, "cannot open script %s", path);
        }
    }
    *out = s;
    return VB_OK;
}

void script_close(script *s)
{
    if (!s)
        return;
    if (s->owns_file)
        fclose(s->file);
    script_action_clear(&s->current);
    free(s->line);
    free(s);
}

static const ui_element *find_element(const ui_ctx *ui, const char *id)
{
    for (int i = 0; ui && i < ui->element_count; i++)
        if (strcmp(ui->elements[i].id, id) == 0)
            return &ui->elements[i];
    return NULL;
}

static script_result fail(script *s, app *a, const char *what)
{
    fprintf(stderr, "verbeterbord: script line %d: %s (screen %s)\n", s->line_no, what, a->screen->name);
    return SCRIPT_FAILED;
}

/* Resolves the pointer target of a tap or drag (on the wall window's
 * elements for a finger there). */
static bool target_point(script *s, app *a, const ui_ctx *frame, int *x, int *y)
{
    if (s->current.has_xy) {
        *x = s->current.x;
        *y = s->current.y;
        return true;
    }
    const ui_element *e = find_element(s->current.on_wall ? a->wall_ui : frame, s->current.arg);
    if (!e || (e->state & UI_STATE_DISABLED))
        return false;
    *x = e->rect.x + e->rect.w / 2;
    *y = e->rect.y + e->rect.h / 2;
    return true;
}

/* Press, move and release by mouse, or by finger c->finger. */
static void pointer(app *a, const script_action *c, bool finger, platform_finger what, int x, int y)
{
    if (finger)
        platform_inject_finger(a->plat, what, c->finger, x, y, c->on_wall);
    else if (what == PF_DOWN)
        platform_inject_press(a->plat, x, y);
    else if (what == PF_MOVE)
        platform_inject_motion(a->plat, x, y);
    else
        platform_inject_release(a->plat, x, y);
}

static void inject_badge(app *a, const char *badge)
{
    for (const char *c = badge; *c; c++) {
        char name[2] = { *c, '\0' };
        char text[2] = { *c, '\0' };
        platform_inject_key(a->plat, name, 0);
        platform_inject_text(a->plat, text);
    }
    platform_inject_key(a->plat, "Return", 0);
}

/* Reads the next action (blocking until a line comes). */
static script_result read_action(script *s, app *a)
{
    for (;;) {
        /* a line of any length: getline grows the buffer */
        if (getline(&s->line, &s->line_cap, s->file) < 0)
            return SCRIPT_DONE;
        s->line_no++;
        vb_err err;
        vb_err_clear(&err);
        script_action_clear(&s->current);
        if (script_parse_line(s->line, &s->current, &err) != VB_OK)
            return fail(s, a, err.msg);
        if (s->current.kind != SA_NONE)
            break;
    }
    s->phase = 1;
    return SCRIPT_CONTINUE;
}

/* The next step of the current action, its targets found in frame. */
static script_result perform(script *s, app *a, const ui_ctx *frame);

script_result script_step(script *s, app *a)
{
    if (s->at_end)
        return SCRIPT_DONE;
    if (s->phase == 0) {
        script_result r = read_action(s, a);
        if (r != SCRIPT_CONTINUE)
            return r;
    }
    return perform(s, a, a->ui);
}

script_result script_step_waiting(script *s, app *a, const ui_ctx *frame)
{
    if (s->phase == 0) {
        /* only a line that is there already: never blocks */
        struct pollfd pfd = { .fd = fileno(s->file), .events = POLLIN };
        if (poll(&pfd, 1, 0) <= 0 || !(pfd.revents & POLLIN))
            return SCRIPT_CONTINUE;
        script_result r = read_action(s, a);
        if (r == SCRIPT_FAILED)
            return r;
        if (r == SCRIPT_DONE) {
            s->at_end = true; /* for the loop, once the write is done */
            return SCRIPT_CONTINUE;
        }
    }
    /* any other action waits until the kiosk has settled */
    return s->current.while_saving ? perform(s, a, frame) : SCRIPT_CONTINUE;
}

static script_result perform(script *s, app *a, const ui_ctx *frame)
{
    script_action *c = &s->current;
    switch (c->kind) {
    case SA_TAP:
    case SA_TOUCH:
        if (s->phase == 1) {
            if (!target_point(s, a, frame, &s->px, &s->py)) {
                char msg[600];
                vb_fmt(msg, sizeof msg, "no enabled element '%s' on screen", c->arg);
                return fail(s, a, msg);
            }
            pointer(a, c, c->kind == SA_TOUCH, PF_DOWN, s->px, s->py);
            s->phase = 2;
            return SCRIPT_CONTINUE;
        }
        pointer(a, c, c->kind == SA_TOUCH, PF_UP, s->px, s->py);
        break;
    case SA_DRAG:
        if (s->phase == 1) {
            if (!target_point(s, a, frame, &s->px, &s->py)) {
                char msg[600];
                vb_fmt(msg, sizeof msg, "no element '%s' to drag", c->arg);
                return fail(s, a, msg);
            }
            pointer(a, c, c->touch, PF_DOWN, s->px, s->py);
            s->phase = 2;
            return SCRIPT_CONTINUE;
        }
        if (s->phase < 2 + DRAG_STEPS) {
            int step = s->phase - 1;
            pointer(a, c, c->touch, PF_MOVE, s->px + c->dx * step / DRAG_STEPS, s->py + c->dy * step / DRAG_STEPS);
            s->phase++;
            return SCRIPT_CONTINUE;
        }
        pointer(a, c, c->touch, PF_UP, s->px + c->dx, s->py + c->dy);
        break;
    case SA_FINGER: {
        int x, y;
        if (!target_point(s, a, frame, &x, &y)) {
            char msg[600];
            vb_fmt(msg, sizeof msg, "no element '%s' for the finger", c->arg);
            return fail(s, a, msg);
        }
        pointer(a, c, true, c->finger_what == 0 ? PF_DOWN : c->finger_what == 1 ? PF_MOVE : PF_UP, x, y);
        break;
    }
    case SA_PALM:
        /* every finger down in one go, then (next step) every finger up */
        for (int i = 0; i < c->npoints; i++)
            platform_inject_finger(a->plat, s->phase == 1 ? PF_DOWN : PF_UP, 100 + i, c->points[i][0],
                                   c->points[i][1], false);
        if (s->phase == 1) {
            s->phase = 2;
            return SCRIPT_CONTINUE;
        }
        break;
    case SA_TYPE:
        platform_inject_text(a->plat, c->text);
        break;
    case SA_KEY:
        if (!platform_inject_key(a->plat, c->arg, c->mods))
            return fail(s, a, "unknown key name");
        break;
    case SA_BADGE:
        inject_badge(a, c->arg);
        break;
    case SA_ADVANCE:
        vb_clock_advance(&a->clock, c->ms);
        a->dirty = true;
        platform_inject_wake(a->plat);
        break;
    case SA_WAIT:
        platform_inject_wake(a->plat);
        break;
    case SA_SCREENSHOT: {
        vb_err err;
        if (platform_save_png(a->plat, c->arg, &err) != VB_OK)
            return fail(s, a, err.msg);
        break;
    }
    case SA_QUIT:
        s->phase = 0;
        return SCRIPT_DONE;
    case SA_NONE:
        break;
    }
    s->phase = 0;
    return SCRIPT_CONTINUE;
}
