/* textfield.c: text fields, the on-screen keyboard and the PIN pad (see
 * textfield.h). The editing itself lives in core/textedit.c; this file only
 * draws, lays out and turns taps and keys into text_edit operations. */
#include "textfield.h"

#include <string.h>

#include "../core/i18n.h"
#include "../core/utf8.h"
#include "theme.h"

/* ---- measuring ------------------------------------------------------------ */

static int width_n(ui_ctx *ui, const char *text, size_t len, int px)
{
    return ui->measure && len ? ui->measure(ui->measure_user, text, len, px, false) : 0;
}

/* Longest prefix of text[0..len) (at a character boundary) that fits w. */
static size_t fit_chars(ui_ctx *ui, const char *text, size_t len, int w, int px)
{
    size_t pos = 0;
    while (pos < len) {
        size_t next = utf8_next(text, len, pos);
        if (width_n(ui, text, next, px) > w)
            break;
        pos = next;
    }
    return pos;
}

/* Draws text[0..len) at x, y (copied, since the command needs a string). */
static void draw_span(ui_ctx *ui, int x, int y, const char *text, size_t len, int px, ui_color c)
{
    char buf[TEXTEDIT_MAX_BYTES];
    if (len >= sizeof buf)
        len = sizeof buf - 1;
    memcpy(buf, text, len);
    buf[len] = '\0';
    ui_draw_text(ui, x, y, buf, px, false, c);
}

/* ---- the field ------------------------------------------------------------ */

/* One wrapped line of a multi-line field: drawn [start, end), and the
 * cursor positions [start, next) belong to it. */
typedef struct line_span {
    size_t start, end, next;
} line_span;

#define MAX_LINES 128

/* Word-wraps text into lines of at most w pixels; returns the line count
 * (at least 1). A word wider than a line is broken between characters. */
static int wrap_lines(ui_ctx *ui, const char *t, size_t len, int px, int w, line_span *out, int max)
{
    int n = 0;
    size_t pos = 0;
    for (;;) {
        size_t start = pos, fit = pos, i = pos;
        while (i < len && t[i] != '\n') {
            size_t j = i;
            while (j < len && t[j] == ' ')
                j++;
            while (j < len && t[j] != ' ' && t[j] != '\n')
                j++;
            if (width_n(ui, t + start, j - start, px) > w)
                break;
            fit = i = j;
        }
        if (fit == start && start < len && t[start] != '\n') {
            /* a single word too long for the line: break it */
            size_t stop = start;
            while (stop < len && t[stop] != '\n' && t[stop] != ' ')
                stop++;
            fit = start + fit_chars(ui, t + start, stop - start, w, px);
            if (fit == start)
                fit = utf8_next(t, len, start);
        }
        size_t next = fit;
        bool hard = false;
        while (next < len && t[next] == ' ')
            next++;
        if (next < len && t[next] == '\n') {
            next++;
            hard = true;
        }
        if (n < max)
            out[n++] = (line_span){ start, fit, next };
        pos = next;
        if (pos >= len) {
            if (hard && n < max)
                out[n++] = (line_span){ len, len, len };
            break;
        }
        if (n >= max)
            break;
    }
    if (n == 0)
        out[n++] = (line_span){ 0, 0, 0 };
    return n;
}

static const char *refusal_text(text_edit_refusal r)
{
    switch (r) {
    case TE_REFUSED_TOO_LONG: return _("Too long");
    case TE_REFUSED_INVALID: return _("Not allowed");
    case TE_REFUSED_HIDDEN: return _("Hidden control characters were removed");
    case TE_ACCEPTED: break;
    }
    return "";
}

/* The counter and, after a refusal, the word for it, right-aligned in r. */
static void draw_status(ui_ctx *ui, const char *id, ui_rect r, const text_edit *te, int px)
{
    theme_metrics m = theme_metrics_for(ui);
    size_t chars = text_edit_chars(te);
    bool full = chars >= te->max_chars;
    const char *count = ui_format(ui, "%zu / %zu", chars, te->max_chars);
    int cw = ui_text_width(ui, count, px, true);
    ui_rect count_r = ui_cut_right(&r, cw);
    ui_label(ui, ui_format(ui, "%s.count", id), count_r, count, px, true,
             full || te->refused ? THEME_DANGER : THEME_TEXT_MUTED, UI_ALIGN_RIGHT);
    if (te->refused != TE_ACCEPTED) {
        ui_cut_right(&r, m.gap);
        const char *word = ui_format(ui, "\xE2\x9A\xA0 %s", refusal_text(te->refused));
        ui_label(ui, ui_format(ui, "%s.refused", id), r, word, px, true, THEME_DANGER, UI_ALIGN_RIGHT);
    }
}

static bool text_field(ui_ctx *ui, const char *id, ui_rect r, const char *label, const text_edit *te,
                       const char *placeholder, bool focused, bool large)
{
    theme_metrics m = theme_metrics_for(ui);
    bool refused = te->refused != TE_ACCEPTED;
    int status_px = m.text_body;
    int label_px = large ? m.text_large : m.text_body;
    int status_w = ui_text_width(ui, "000 / 000", status_px, true) + m.pad;

    ui_rect box = r;
    if (label) {
        ui_rect head = ui_cut_top(&box, label_px * 3 / 2);
        ui_cut_top(&box, m.gap / 2);
        ui_rect status = ui_cut_right(&head, head.w / 3);
        draw_status(ui, id, status, te, status_px);
        ui_label(ui, ui_format(ui, "%s.label", id), head, label, label_px, true, THEME_TEXT, UI_ALIGN_LEFT);
    }

    bool pressed = false;
    bool tapped = ui_target(ui, id, box, false, &pressed);
    ui_draw_rect(ui, box, pressed ? (ui_color){ 0xE4, 0xE8, 0xF0, 0xFF } : THEME_SURFACE, m.radius);
    /* refusal: a thick red border (and the word above, never colour alone) */
    ui_color border = refused ? THEME_DANGER : focused ? THEME_PRIMARY : THEME_BORDER;
    int bw = refused || focused ? m.border * 3 : m.border;
    ui_draw_border(ui, box, border, bw, m.radius);

    ui_rect inner = ui_inset(box, m.pad + bw);
    if (!label) {
        /* no heading: the counter sits inside the box, at the bottom right */
        ui_rect status;
        if (te->multiline) {
            status = ui_cut_bottom(&inner, status_px * 5 / 4);
        } else {
            int w = status_w;
            if (refused)
                w += ui_text_width(ui, ui_format(ui, "\xE2\x9A\xA0 %s", refusal_text(te->refused)), status_px, true) +
                     m.gap;
            status = ui_cut_right(&inner, w < inner.w / 2 ? w : inner.w / 2);
        }
        draw_status(ui, id, status, te, status_px);
    }

    int px = large && !te->multiline ? m.text_title : m.text_large;
    if (!te->multiline) {
        int fit = inner.h * 4 / 5;
        if (fit < px)
            px = fit < m.text_body ? m.text_body : fit;
    } else if (inner.h < px * 5 / 4 * 2) {
        px = m.text_body;
    }
    int line_h = px * 5 / 4;
    int cursor_w = m.border * 2 > 2 ? m.border * 2 : 2;

    if (te->len == 0) {
        if (placeholder && *placeholder) {
            ui_rect ph = inner;
            if (!te->multiline)
                ph.h = inner.h;
            else
                ph.h = line_h;
            ui_label(ui, ui_format(ui, "%s.placeholder", id), ph, placeholder, px, false, THEME_TEXT_MUTED,
                     UI_ALIGN_LEFT);
        }
        if (focused) {
            int cy = te->multiline ? inner.y : inner.y + (inner.h - line_h) / 2;
            ui_draw_rect(ui, (ui_rect){ inner.x, cy, cursor_w, line_h }, THEME_TEXT, 0);
        }
    } else if (!te->multiline) {
        /* one line: while focused, scroll sideways so the cursor stays in
         * view; otherwise show the start, and "…" when it goes on */
        size_t from = 0;
        while (focused && from < te->cursor &&
               width_n(ui, te->text + from, te->cursor - from, px) > inner.w - cursor_w)
            from = utf8_next(te->text, te->len, from);
        int y = inner.y + (inner.h - line_h) / 2;
        size_t shown = fit_chars(ui, te->text + from, te->len - from, inner.w, px);
        if (!focused && shown < te->len) {
            static const char ell[] = "\xE2\x80\xA6";
            int ell_w = ui_text_width(ui, ell, px, false);
            shown = fit_chars(ui, te->text, te->len, inner.w - ell_w, px);
            ui_draw_text(ui, inner.x + width_n(ui, te->text, shown, px), y, ell, px, false, THEME_TEXT);
        }
        draw_span(ui, inner.x, y, te->text + from, shown, px, THEME_TEXT);
        if (focused) {
            int cx = inner.x + width_n(ui, te->text + from, te->cursor - from, px);
            ui_draw_rect(ui, (ui_rect){ cx, y, cursor_w, line_h }, THEME_TEXT, 0);
        }
    } else {
        line_span lines[MAX_LINES];
        int n = wrap_lines(ui, te->text, te->len, px, inner.w - cursor_w, lines, MAX_LINES);
        int cursor_line = n - 1;
        for (int i = 0; i < n; i++) {
            if (te->cursor >= lines[i].start && (te->cursor < lines[i].next || i == n - 1)) {
                cursor_line = i;
                break;
            }
        }
        int visible = inner.h / line_h;
        if (visible < 1)
            visible = 1;
        int first = 0;
        if (focused && cursor_line >= visible)
            first = cursor_line - visible + 1;
        for (int i = first; i < n && i < first + visible; i++) {
            int y = inner.y + (i - first) * line_h;
            draw_span(ui, inner.x, y, te->text + lines[i].start, lines[i].end - lines[i].start, px, THEME_TEXT);
            if (focused && i == cursor_line) {
                size_t c = te->cursor < lines[i].end ? te->cursor : lines[i].end;
                int cx = inner.x + width_n(ui, te->text + lines[i].start, c - lines[i].start, px);
                if (cx > inner.x + inner.w - cursor_w)
                    cx = inner.x + inner.w - cursor_w;
                ui_draw_rect(ui, (ui_rect){ cx, y, cursor_w, line_h }, THEME_TEXT, 0);
            }
        }
        if (first + visible < n) {
            /* more text below: say so */
            const char *more = "\xE2\x80\xA6";
            ui_draw_text(ui, inner.x + inner.w - ui_text_width(ui, more, px, true), inner.y + inner.h - line_h, more,
                         px, true, THEME_TEXT_MUTED);
        }
    }
    ui_element_add(ui, id, UI_EL_FIELD, (pressed ? UI_STATE_PRESSED : 0) | (focused ? UI_STATE_SELECTED : 0),
                   te->text, box);
    return tapped;
}

bool ui_text_field(ui_ctx *ui, const char *id, ui_rect r, const char *label, const text_edit *te,
                   const char *placeholder, bool focused)
{
    return text_field(ui, id, r, label, te, placeholder, focused, false);
}

bool ui_text_field_large(ui_ctx *ui, const char *id, ui_rect r, const char *label, const text_edit *te,
                         const char *placeholder, bool focused)
{
    return text_field(ui, id, r, label, te, placeholder, focused, true);
}

bool ui_text_field_input(ui_ctx *ui, text_edit *te)
{
    bool submit = false;
    if (ui->text_input_len > 0)
        text_edit_insert(te, ui->text_input, ui->text_input_len);
    for (int i = 0; i < ui->key_count; i++) {
        switch (ui->keys[i]) {
        case UI_KEY_BACKSPACE: text_edit_key(te, TE_KEY_BACKSPACE); break;
        case UI_KEY_DELETE: text_edit_key(te, TE_KEY_DELETE); break;
        case UI_KEY_LEFT: text_edit_key(te, TE_KEY_LEFT); break;
        case UI_KEY_RIGHT: text_edit_key(te, TE_KEY_RIGHT); break;
        case UI_KEY_HOME: text_edit_key(te, TE_KEY_HOME); break;
        case UI_KEY_END: text_edit_key(te, TE_KEY_END); break;
        case UI_KEY_RETURN:
            if (te->multiline && !(ui->key_mods[i] & UI_MOD_CTRL))
                text_edit_key(te, TE_KEY_NEWLINE);
            else
                submit = true;
            break;
        default: break;
        }
    }
    return submit;
}

/* ---- the on-screen keyboard ---------------------------------------------- */

/* What a key does. Character keys carry their text (lower and upper case). */
typedef enum key_action {
    KA_CHAR, KA_BACKSPACE, KA_SHIFT, KA_SPACE, KA_DONE, KA_LETTERS, KA_DIGITS, KA_ACCENTS, KA_LEFT, KA_RIGHT
} key_action;

typedef struct key_def {
    key_action action;
    const char *lower, *upper; /* KA_CHAR */
    int units;                 /* width in tenths of a key */
} key_def;

#define KEYS_PER_ROW_MAX 12
#define ROWS 4
#define UNITS_PER_ROW 110 /* 11 standard keys */

typedef struct key_row {
    key_def keys[KEYS_PER_ROW_MAX];
} key_row;

#define C(l, u) { KA_CHAR, l, u, 10 }
#define K(a, w) { a, NULL, NULL, w }

static const key_row layer_letters[ROWS] = {
    { { C("q", "Q"), C("w", "W"), C("e", "E"), C("r", "R"), C("t", "T"), C("y", "Y"), C("u", "U"), C("i", "I"),
        C("o", "O"), C("p", "P"), K(KA_BACKSPACE, 10) } },
    { { C("a", "A"), C("s", "S"), C("d", "D"), C("f", "F"), C("g", "G"), C("h", "H"), C("j", "J"), C("k", "K"),
        C("l", "L"), C("-", "_"), C("'", "\"") } },
    { { K(KA_SHIFT, 20), C("z", "Z"), C("x", "X"), C("c", "C"), C("v", "V"), C("b", "B"), C("n", "N"), C("m", "M"),
        C(",", ";"), C(".", ":") } },
    { { K(KA_DIGITS, 15), K(KA_ACCENTS, 15), K(KA_SPACE, 50), K(KA_DONE, 30) } },
};

static const key_row layer_digits[ROWS] = {
    { { C("1", "1"), C("2", "2"), C("3", "3"), C("4", "4"), C("5", "5"), C("6", "6"), C("7", "7"), C("8", "8"),
        C("9", "9"), C("0", "0"), K(KA_BACKSPACE, 10) } },
    { { C("-", "-"), C("/", "/"), C(":", ":"), C(";", ";"), C("(", "("), C(")", ")"), C("\xE2\x82\xAC", "\xE2\x82\xAC"),
        C("&", "&"), C("@", "@"), C("\"", "\""), C("'", "'") } },
    { { C(".", "."), C(",", ","), C("?", "?"), C("!", "!"), C("%", "%"), C("+", "+"), C("=", "="), C("*", "*"),
        C("#", "#"), C("_", "_"), C("\xC2\xB0", "\xC2\xB0") } },
    { { K(KA_LETTERS, 15), K(KA_ACCENTS, 15), K(KA_LEFT, 10), K(KA_SPACE, 30), K(KA_RIGHT, 10), K(KA_DONE, 30) } },
};

/* Dutch (ë é è ï ö ü á à ç ñ ...) and Polish (ą ć ę ł ń ó ś ź ż) letters. */
static const key_row layer_accents[ROWS] = {
    { { C("\xC3\xAB", "\xC3\x8B") /* ë */, C("\xC3\xA9", "\xC3\x89") /* é */, C("\xC3\xA8", "\xC3\x88") /* è */,
        C("\xC3\xAA", "\xC3\x8A") /* ê */, C("\xC3\xAF", "\xC3\x8F") /* ï */, C("\xC3\xAD", "\xC3\x8D") /* í */,
        C("\xC3\xB6", "\xC3\x96") /* ö */, C("\xC3\xB3", "\xC3\x93") /* ó */, C("\xC3\xBC", "\xC3\x9C") /* ü */,
        C("\xC3\xBA", "\xC3\x9A") /* ú */, K(KA_BACKSPACE, 10) } },
    { { C("\xC3\xA1", "\xC3\x81") /* á */, C("\xC3\xA0", "\xC3\x80") /* à */, C("\xC3\xA4", "\xC3\x84") /* ä */,
        C("\xC3\xA2", "\xC3\x82") /* â */, C("\xC3\xA7", "\xC3\x87") /* ç */, C("\xC3\xB1", "\xC3\x91") /* ñ */,
        C("\xC4\x85", "\xC4\x84") /* ą */, C("\xC4\x87", "\xC4\x86") /* ć */, C("\xC4\x99", "\xC4\x98") /* ę */,
        C("\xC5\x82", "\xC5\x81") /* ł */, C("\xC5\x84", "\xC5\x83") /* ń */ } },
    { { K(KA_SHIFT, 20), C("\xC5\x9B", "\xC5\x9A") /* ś */, C("\xC5\xBA", "\xC5\xB9") /* ź */,
        C("\xC5\xBC", "\xC5\xBB") /* ż */, C("\xC3\xB4", "\xC3\x94") /* ô */, C("\xC3\xBB", "\xC3\x9B") /* û */,
        C("\xC3\xAE", "\xC3\x8E") /* î */, C("\xC3\xB8", "\xC3\x98") /* ø */, C("\xC3\xA5", "\xC3\x85") /* å */,
        C("\xC3\x9F", "\xC3\x9F") /* ß */ } },
    { { K(KA_LETTERS, 15), K(KA_DIGITS, 15), K(KA_SPACE, 50), K(KA_DONE, 30) } },
};

#undef C
#undef K

int ui_keyboard_height(const ui_ctx *ui)
{
    theme_metrics m = theme_metrics_for(ui);
    int gap = m.gap / 2 > 2 ? m.gap / 2 : 2;
    /* keys 18 mm tall where the screen allows, never under 15 mm */
    int row = ui_mm(ui, 18) + gap;
    int most = ui->height * 45 / 100 / ROWS;
    if (row > most)
        row = most;
    if (row < m.target + gap)
        row = m.target + gap;
    return ROWS * row;
}

typedef enum key_look { LOOK_CHAR, LOOK_SPECIAL, LOOK_DONE } key_look;

/* One key: hit area is the whole cell (no dead gaps between keys), the key
 * drawn inside it. Returns true when tapped. */
static bool key(ui_ctx *ui, const char *id, ui_rect cell, int gap, const char *label, key_look look, bool selected)
{
    theme_metrics m = theme_metrics_for(ui);
    bool pressed = false;
    bool tapped = ui_target(ui, id, cell, false, &pressed);
    ui_rect r = { cell.x + gap / 2, cell.y + gap / 2, cell.w - gap, cell.h - gap };
    ui_color bg = THEME_SURFACE, fg = THEME_TEXT;
    if (look == LOOK_SPECIAL)
        bg = (ui_color){ 0xD6, 0xD4, 0xCE, 0xFF };
    if (look == LOOK_DONE || selected) {
        bg = look == LOOK_DONE ? THEME_OK : THEME_PRIMARY;
        fg = THEME_ON_DARK;
    }
    if (pressed) {
        /* press feedback on the next frame: inverted and nudged */
        bg = THEME_BAR;
        fg = THEME_ON_DARK;
        r.y += m.border;
    }
    ui_draw_rect(ui, r, bg, m.radius);
    ui_draw_border(ui, r, THEME_BORDER, m.border, m.radius);
    int px = look == LOOK_CHAR ? m.text_title : m.text_large;
    if (ui_text_width(ui, label, px, true) > r.w - m.pad)
        px = m.text_body;
    int w = ui_text_width(ui, label, px, true);
    ui_draw_text(ui, r.x + (r.w - w) / 2, r.y + (r.h - px * 5 / 4) / 2, label, px, true, fg);
    ui_element_add(ui, id, UI_EL_KEY, (pressed ? UI_STATE_PRESSED : 0) | (selected ? UI_STATE_SELECTED : 0), label,
                   r);
    return tapped;
}

bool ui_keyboard(ui_ctx *ui, ui_keyboard_state *kb, ui_rect r, text_edit *te)
{
    theme_metrics m = theme_metrics_for(ui);
    int gap = m.gap / 2 > 2 ? m.gap / 2 : 2;
    const key_row *rows = kb->layer == KB_DIGITS ? layer_digits : kb->layer == KB_ACCENTS ? layer_accents
                                                                                           : layer_letters;
    bool done = false;
    int row_h = r.h / ROWS;
    for (int ri = 0; ri < ROWS; ri++) {
        const key_row *row = &rows[ri];
        int units = 0, count = 0;
        while (count < KEYS_PER_ROW_MAX && row->keys[count].units)
            units += row->keys[count++].units;
        /* rows shorter than a full row are centred */
        int full_w = r.w;
        int x0 = r.x + (full_w - full_w * units / UNITS_PER_ROW) / 2;
        int y = r.y + ri * row_h;
        int acc = 0;
        for (int ki = 0; ki < count; ki++) {
            const key_def *k = &row->keys[ki];
            int x1 = x0 + full_w * acc / UNITS_PER_ROW;
            acc += k->units;
            int x2 = x0 + full_w * acc / UNITS_PER_ROW;
            ui_rect cell = { x1, y, x2 - x1, row_h };
            switch (k->action) {
            case KA_CHAR: {
                const char *text = kb->shift ? k->upper : k->lower;
                if (key(ui, ui_format(ui, "kbd.%s", text), cell, gap, text, LOOK_CHAR, false)) {
                    text_edit_insert(te, text, strlen(text));
                    kb->shift = false; /* one capital, then back to lower case */
                }
                break;
            }
            case KA_BACKSPACE:
                if (key(ui, "kbd.backspace", cell, gap, "\xE2\x8C\xAB", LOOK_SPECIAL, false))
                    text_edit_key(te, TE_KEY_BACKSPACE);
                break;
            case KA_SHIFT:
                if (key(ui, "kbd.shift", cell, gap, kb->shift ? "\xE2\xAC\x86" : "\xE2\x87\xA7", LOOK_SPECIAL,
                        kb->shift))
                    kb->shift = !kb->shift;
                break;
            case KA_SPACE:
                if (key(ui, "kbd.space", cell, gap, _("space"), LOOK_CHAR, false))
                    text_edit_insert(te, " ", 1);
                break;
            case KA_DONE:
                if (key(ui, "kbd.done", cell, gap, ui_format(ui, "\xE2\x9C\x94 %s", _("Done")), LOOK_DONE, false))
                    done = true;
                break;
            case KA_LETTERS:
                if (key(ui, "kbd.letters", cell, gap, "ABC", LOOK_SPECIAL, false)) {
                    kb->layer = KB_LETTERS;
                    kb->shift = false;
                }
                break;
            case KA_DIGITS:
                if (key(ui, "kbd.digits", cell, gap, "123?", LOOK_SPECIAL, false)) {
                    kb->layer = KB_DIGITS;
                    kb->shift = false;
                }
                break;
            case KA_ACCENTS:
                if (key(ui, "kbd.accents", cell, gap, "\xC3\xA9\xC3\xAB\xC5\x82", LOOK_SPECIAL, false)) {
                    kb->layer = KB_ACCENTS;
                    kb->shift = false;
                }
                break;
            case KA_LEFT:
                if (key(ui, "kbd.left", cell, gap, "\xE2\x97\x80", LOOK_SPECIAL, false))
                    text_edit_key(te, TE_KEY_LEFT);
                break;
            case KA_RIGHT:
                if (key(ui, "kbd.right", cell, gap, "\xE2\x96\xB6", LOOK_SPECIAL, false))
                    text_edit_key(te, TE_KEY_RIGHT);
                break;
            }
        }
    }
    return done;
}

/* ---- the PIN pad ---------------------------------------------------------- */

static void pin_add(char *digits, size_t max, char d)
{
    size_t n = strlen(digits);
    if (n < max) {
        digits[n] = d;
        digits[n + 1] = '\0';
    }
}

static void pin_back(char *digits)
{
    size_t n = strlen(digits);
    if (n > 0)
        digits[n - 1] = '\0';
}

bool ui_pin_pad(ui_ctx *ui, const char *id, ui_rect r, char *digits, size_t max)
{
    theme_metrics m = theme_metrics_for(ui);
    bool ok = false;

    /* a physical keyboard works too */
    for (size_t i = 0; i < ui->text_input_len; i++)
        if (ui->text_input[i] >= '0' && ui->text_input[i] <= '9')
            pin_add(digits, max, ui->text_input[i]);
    for (int i = 0; i < ui->key_count; i++) {
        if (ui->keys[i] == UI_KEY_BACKSPACE)
            pin_back(digits);
        else if (ui->keys[i] == UI_KEY_RETURN && digits[0])
            ok = true;
    }

    /* dots: one per digit typed, and open circles for the usual four */
    int dots_h = m.text_title * 3 / 2;
    ui_rect dots = ui_cut_top(&r, dots_h);
    ui_cut_top(&r, m.gap);
    size_t n = strlen(digits);
    char shown[8 * 4 * 3 + 1] = "";
    size_t slots = n > 4 ? n : 4;
    if (slots > 24)
        slots = 24;
    for (size_t i = 0; i < slots; i++)
        strcat(shown, i < n ? "\xE2\x97\x8F " : "\xE2\x97\x8B ");
    shown[strlen(shown) - 1] = '\0';
    ui_label(ui, ui_format(ui, "%s.dots", id), dots, shown, m.text_title, true, THEME_TEXT, UI_ALIGN_CENTER);

    /* keys: as big as the area allows, at most ~30 x 22 mm */
    int gap = m.gap;
    int kw = (r.w - 2 * gap) / 3, kh = (r.h - 3 * gap) / 4;
    if (kw > ui_mm(ui, 30))
        kw = ui_mm(ui, 30);
    if (kh > ui_mm(ui, 22))
        kh = ui_mm(ui, 22);
    ui_rect pad = { r.x + (r.w - (3 * kw + 2 * gap)) / 2, r.y, 3 * kw + 2 * gap, 4 * kh + 3 * gap };
    static const char *const labels[12] = { "1", "2", "3", "4", "5", "6", "7", "8", "9", "", "0", "" };
    for (int i = 0; i < 12; i++) {
        ui_rect cell = ui_grid_cell(pad, 3, 4, gap, i);
        if (i == 9) {
            if (key(ui, ui_format(ui, "%s.back", id), cell, 0, "\xE2\x8C\xAB", LOOK_SPECIAL, false))
                pin_back(digits);
        } else if (i == 11) {
            if (digits[0]) {
                if (key(ui, ui_format(ui, "%s.ok", id), cell, 0, _("OK"), LOOK_DONE, false))
                    ok = true;
            } else {
                /* nothing typed yet: OK is shown but does nothing */
                ui_draw_rect(ui, cell, (ui_color){ 0xD6, 0xD4, 0xCE, 0xFF }, m.radius);
                ui_draw_border(ui, cell, THEME_BORDER, m.border, m.radius);
                const char *t = _("OK");
                int w = ui_text_width(ui, t, m.text_large, true);
                ui_draw_text(ui, cell.x + (cell.w - w) / 2, cell.y + (cell.h - m.text_large * 5 / 4) / 2, t,
                             m.text_large, true, THEME_TEXT_MUTED);
                ui_element_add(ui, ui_format(ui, "%s.ok", id), UI_EL_KEY, UI_STATE_DISABLED, t, cell);
            }
        } else if (key(ui, ui_format(ui, "%s.%s", id, labels[i]), cell, 0, labels[i], LOOK_CHAR, false)) {
            pin_add(digits, max, labels[i][0]);
        }
    }
    return ok;
}
