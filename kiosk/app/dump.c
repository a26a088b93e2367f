/* dump.c: writing the UI dump (see dump.h). */
#include "dump.h"

#include <cjson/cJSON.h>
#include <stdlib.h>
#include <string.h>

#include "app.h"

static const char *kind_name(ui_el_kind k)
{
    switch (k) {
    case UI_EL_BUTTON: return "button";
    case UI_EL_CHIP: return "chip";
    case UI_EL_TOGGLE: return "toggle";
    case UI_EL_KEY: return "key";
    case UI_EL_FIELD: return "field";
    case UI_EL_TEXT: return "text";
    }
    return "text";
}

/* One element as a JSON line without seq (seq is added when written). */
static char *element_json(const char *screen, const ui_element *e)
{
    cJSON *o = cJSON_CreateObject();
    if (!o)
        return NULL;
    cJSON_AddStringToObject(o, "screen", screen);
    cJSON_AddStringToObject(o, "id", e->id);
    cJSON_AddStringToObject(o, "kind", kind_name(e->kind));
    cJSON *st = cJSON_AddObjectToObject(o, "state");
    cJSON_AddBoolToObject(st, "pressed", (e->state & UI_STATE_PRESSED) != 0);
    cJSON_AddBoolToObject(st, "selected", (e->state & UI_STATE_SELECTED) != 0);
    cJSON_AddBoolToObject(st, "disabled", (e->state & UI_STATE_DISABLED) != 0);
    cJSON_AddStringToObject(o, "label", e->label);
    int rect[4] = { e->rect.x, e->rect.y, e->rect.w, e->rect.h };
    cJSON_AddItemToObject(o, "rect", cJSON_CreateIntArray(rect, 4));
    char *s = cJSON_PrintUnformatted(o);
    cJSON_Delete(o);
    return s;
}

void dump_frame(app *a)
{
    dump_frame_ui(a, a->ui);
}

void dump_frame_ui(app *a, const ui_ctx *ui)
{
    /* Serialise the whole frame, compare with the last one, write if new. */
    size_t cap = 4096, len = 0;
    char *buf = malloc(cap);
    if (!buf)
        return;
    for (int i = 0; i < ui->element_count; i++) {
        char *line = element_json(a->screen->name, &ui->elements[i]);
        if (!line)
            continue;
        size_t n = strlen(line);
        if (len + n + 2 > cap) {
            while (len + n + 2 > cap)
                cap *= 2;
            char *bigger = realloc(buf, cap);
            if (!bigger) {
                cJSON_free(line);
                break;
            }
            buf = bigger;
        }
        memcpy(buf + len, line, n);
        len += n;
        buf[len++] = '\n';
        cJSON_free(line);
    }
    if (a->last_dump && a->last_dump_len == len && memcmp(a->last_dump, buf, len) == 0) {
        free(buf);
        return;
    }
    a->dump_seq++;
    /* Each stored line starts with '{'; prefix "seq" into every line. */
    size_t start = 0;
    for (size_t i = 0; i < len; i++) {
        if (buf[i] == '\n') {
            fprintf(a->dump, "{\"seq\":%llu,%.*s\n", (unsigned long long)a->dump_seq, (int)(i - start - 1),
                    buf + start + 1);
            start = i + 1;
        }
    }
    fflush(a->dump);
    free(a->last_dump);
    a->last_dump = buf;
    a->last_dump_len = len;
}
