/* test_ui.c: the immediate-mode UI core and widgets with no screen: a fake
 * text measure (10 px per byte) stands in for the fonts. Covers when a
 * target clicks (release inside after a press inside, never after a drag or
 * when disabled), label shortening at character boundaries, paragraph
 * wrapping, layout helpers, the contrast of every colour pair, and input
 * bursts far larger than one frame (10 kB of text, badge bursts) arriving
 * whole. */
#include "../kiosk/core/utf8.h"
#include "../kiosk/ui/theme.h"
#include "../kiosk/ui/ui.h"
#include "../kiosk/ui/widgets.h"
#include "testlib.h"

#define PX_PER_BYTE 10

static int fake_measure(void *user, const char *text, size_t len, int px, bool bold)
{
    (void)user;
    (void)text;
    (void)px;
    (void)bold;
    return (int)len * PX_PER_BYTE;
}

static ui_ctx *ui;

static void fresh_ui(void)
{
    /* 1024 px over a 344 mm panel: about 2.98 px per mm */
    ui_init(ui, 1024, 600, 1024 / 344.0, fake_measure, NULL);
}

/* One frame with one target; returns whether it clicked. */
static bool frame_target(ui_rect r, bool disabled, bool *pressed)
{
    ui_begin(ui);
    bool clicked = ui_target(ui, "test.target", r, disabled, pressed);
    ui_end(ui);
    return clicked;
}

static const ui_element *find(const char *id)
{
    for (int i = 0; i < ui->element_count; i++)
        if (strcmp(ui->elements[i].id, id) == 0)
            return &ui->elements[i];
    return NULL;
}

/* ---- targets ----------------------------------------------------------------- */

static void test_targets(void)
{
    ui_rect r = { 100, 100, 200, 100 };
    bool pressed = false;

    fresh_ui();
    T_CHECK(!frame_target(r, false, &pressed) && !pressed, "target: idle frame, no click");
    ui_input_press(ui, 150, 150);
    T_CHECK(!frame_target(r, false, &pressed), "target: press inside does not click yet");
    T_CHECK(pressed, "target: shows pressed right after the press");
    T_CHECK(!frame_target(r, false, &pressed) && pressed, "target: stays pressed while held");
    ui_input_release(ui, 160, 140);
    T_CHECK(frame_target(r, false, &pressed), "target: release inside after press inside clicks");
    T_CHECK(!pressed, "target: not pressed after release");
    T_CHECK(!frame_target(r, false, &pressed), "target: clicks once only");

    fresh_ui();
    ui_input_press(ui, 150, 150);
    frame_target(r, false, &pressed);
    ui_input_motion(ui, 350, 150);
    frame_target(r, false, &pressed);
    T_CHECK(!pressed, "target: not shown pressed while the pointer is outside");
    ui_input_release(ui, 350, 150);
    T_CHECK(!frame_target(r, false, &pressed), "target: release outside does not click");

    fresh_ui();
    ui_input_press(ui, 50, 50);
    frame_target(r, false, &pressed);
    ui_input_release(ui, 150, 150);
    T_CHECK(!frame_target(r, false, &pressed), "target: press outside then release inside does not click");

    /* a drag: more than 4 mm (about 12 px) of movement */
    fresh_ui();
    ui_input_press(ui, 150, 120);
    frame_target(r, false, &pressed);
    ui_input_motion(ui, 150, 150);
    frame_target(r, false, &pressed);
    T_CHECK(ui->dragging, "target: 30 px of movement is a drag");
    T_CHECK(!pressed, "target: a drag is not shown as pressed");
    ui_input_motion(ui, 150, 125);
    frame_target(r, false, &pressed);
    ui_input_release(ui, 150, 125);
    T_CHECK(!frame_target(r, false, &pressed), "target: a press that turned into a drag does not click");

    /* a little wobble of a gloved finger: under 4 mm */
    fresh_ui();
    ui_input_press(ui, 150, 150);
    frame_target(r, false, &pressed);
    ui_input_motion(ui, 156, 157);
    frame_target(r, false, &pressed);
    T_CHECK(!ui->dragging && pressed, "target: under 4 mm of movement is not a drag");
    ui_input_release(ui, 156, 157);
    T_CHECK(frame_target(r, false, &pressed), "target: a tap with a little wobble clicks");

    /* press and release between two frames (a fast tap) */
    fresh_ui();
    ui_input_press(ui, 150, 150);
    frame_target(r, false, &pressed);
    ui_input_release(ui, 150, 150);
    T_CHECK(frame_target(r, false, &pressed), "target: a fast tap clicks");

    fresh_ui();
    ui_input_press(ui, 150, 150);
    T_CHECK(!frame_target(r, true, &pressed) && !pressed, "target: disabled is never pressed");
    ui_input_release(ui, 150, 150);
    T_CHECK(!frame_target(r, true, &pressed), "target: disabled never clicks");

    /* a second finger or a palm: the press in progress is no tap any more */
    fresh_ui();
    ui_input_press(ui, 150, 150);
    frame_target(r, false, &pressed);
    ui_input_cancel(ui);
    T_CHECK(!frame_target(r, false, &pressed) && !pressed, "target: a cancelled press is not shown pressed");
    ui_input_release(ui, 150, 150);
    T_CHECK(!frame_target(r, false, &pressed), "target: a cancelled press does not click on release");
    fresh_ui();
    ui_input_press(ui, 150, 150);
    ui_input_cancel(ui);
    ui_input_release(ui, 150, 150);
    T_CHECK(!frame_target(r, false, &pressed), "target: press, cancel and release in one frame do not click");
    ui_input_press(ui, 150, 150);
    ui_input_release(ui, 150, 150);
    T_CHECK(frame_target(r, false, &pressed), "target: the next tap after a cancel clicks");

    /* two targets: press on one, release on the other */
    fresh_ui();
    ui_rect a = { 0, 0, 100, 100 }, b = { 200, 0, 100, 100 };
    ui_input_press(ui, 50, 50);
    ui_begin(ui);
    ui_target(ui, "a", a, false, NULL);
    ui_target(ui, "b", b, false, NULL);
    ui_end(ui);
    ui_input_motion(ui, 250, 50);
    ui_input_release(ui, 250, 50);
    ui_begin(ui);
    bool ca = ui_target(ui, "a", a, false, NULL);
    bool cb = ui_target(ui, "b", b, false, NULL);
    ui_end(ui);
    T_CHECK(!ca && !cb, "target: press on one and release on another clicks neither");

    /* widgets report pressed and disabled in the element list */
    fresh_ui();
    ui_input_press(ui, 150, 150);
    ui_begin(ui);
    ui_button(ui, "test.button", r, "Opslaan", STYLE_PRIMARY, false);
    ui_button(ui, "test.off", (ui_rect){ 400, 100, 200, 100 }, "Uit", STYLE_PRIMARY, true);
    ui_end(ui);
    const ui_element *e = find("test.button");
    T_CHECK(e && e->kind == UI_EL_BUTTON && (e->state & UI_STATE_PRESSED), "ui_button: pressed state on the next frame");
    e = find("test.off");
    T_CHECK(e && (e->state & UI_STATE_DISABLED) && !(e->state & UI_STATE_PRESSED), "ui_button: disabled state");

    fresh_ui();
    bool on = false;
    ui_input_press(ui, 150, 150);
    ui_begin(ui);
    ui_toggle(ui, "test.toggle", r, "Anoniem", &on);
    ui_end(ui);
    ui_input_release(ui, 150, 150);
    ui_begin(ui);
    bool flipped = ui_toggle(ui, "test.toggle", r, "Anoniem", &on);
    ui_end(ui);
    e = find("test.toggle");
    T_CHECK(flipped && on && e && e->kind == UI_EL_TOGGLE && (e->state & UI_STATE_SELECTED),
            "ui_toggle: a tap flips it and shows it selected");

    fresh_ui();
    ui_begin(ui);
    ui_chip(ui, "test.chip", r, NULL, "Veiligheid", true);
    ui_end(ui);
    e = find("test.chip");
    T_CHECK(e && e->kind == UI_EL_CHIP && (e->state & UI_STATE_SELECTED) && strcmp(e->label, "Veiligheid") == 0,
            "ui_chip: kind, selected state and label");
}

/* ---- labels and paragraphs ---------------------------------------------------------- */

/* Draws a label into a rect of width w and returns the text shown. */
static const char *label_in(const char *text, int w)
{
    ui_begin(ui);
    ui_label(ui, "test.label", (ui_rect){ 0, 0, w, 40 }, text, 20, false, THEME_TEXT, UI_ALIGN_LEFT);
    ui_end(ui);
    const ui_element *e = find("test.label");
    return e ? e->label : "";
}

static bool ends_with_ellipsis(const char *s)
{
    size_t n = strlen(s);
    return n >= 3 && strcmp(s + n - 3, "\xE2\x80\xA6") == 0;
}

static void test_label(void)
{
    fresh_ui();
    T_EQ_STR(label_in("Opslaan", 200), "Opslaan", "ui_label: text that fits is shown whole");
    T_EQ_STR(label_in("Opslaan", 70), "Opslaan", "ui_label: text that fits exactly is shown whole");
    const char *s = label_in("Hello world", 60);
    T_EQ_STR(s, "Hel\xE2\x80\xA6", "ui_label: too wide text is shortened with an ellipsis");
    T_CHECK((int)strlen(s) * PX_PER_BYTE <= 60, "ui_label: the shortened text fits");

    /* every width, several scripts: never a broken character, always fits */
    const char *samples[] = { "ge\xC3\xAB" "indigd idee\xC3\xABnbus", "\xC5\x81\xC3\xB3" "d\xC5\xBA \xC5\xBC\xC3\xB3\xC5\x82w",
                              "\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC\xE2\x82\xAC",
                              "a\xF0\x9F\x98\x80" "b\xF0\x9F\x98\x80" "c\xF0\x9F\x98\x80", "plain ascii text" };
    bool all_valid = true, all_fit = true, all_marked = true;
    char where[200] = "";
    for (size_t i = 0; i < sizeof samples / sizeof samples[0]; i++) {
        int full = (int)strlen(samples[i]) * PX_PER_BYTE;
        for (int w = 30; w <= full + 20; w++) {
            const char *shown = label_in(samples[i], w);
            if (!utf8_valid(shown, strlen(shown), false)) {
                all_valid = false;
                snprintf(where, sizeof where, "sample %zu at width %d", i, w);
            }
            if ((int)strlen(shown) * PX_PER_BYTE > w)
                all_fit = false;
            if (w < full && !ends_with_ellipsis(shown))
                all_marked = false;
        }
    }
    t_report(all_valid, "ui_label: never cuts a UTF-8 sequence", "broken at %s", where);
    T_CHECK(all_fit, "ui_label: the shortened text always fits its width");
    T_CHECK(all_marked, "ui_label: shortened text always ends with an ellipsis");
    s = label_in("\xC3\xAB\xC3\xAB\xC3\xAB\xC3\xAB\xC3\xAB", 65);
    T_EQ_STR(s, "\xC3\xAB\xE2\x80\xA6", "ui_label: ëëëëë in 65 px is ë…");
    s = label_in("Lang woord", 10);
    T_CHECK(utf8_valid(s, strlen(s), false), "ui_label: narrower than the ellipsis still gives valid text");
}

static int lines_of(const char *id, const char *lines[], int max)
{
    int n = 0;
    for (int i = 0; i < ui->element_count && n < max; i++)
        if (strcmp(ui->elements[i].id, id) == 0)
            lines[n++] = ui->elements[i].label;
    return n;
}

static void test_paragraph(void)
{
    fresh_ui();
    const char *lines[16];
    int px = 20, line_h = px * 5 / 4;

    ui_begin(ui);
    int h = ui_paragraph(ui, "p", (ui_rect){ 0, 0, 75, 400 }, "aaa bbb ccc ddd", px, false, THEME_TEXT, UI_ALIGN_LEFT);
    ui_end(ui);
    int n = lines_of("p", lines, 16);
    T_CHECK(n == 2 && strcmp(lines[0], "aaa bbb") == 0 && strcmp(lines[1], "ccc ddd") == 0,
            "ui_paragraph: wraps between words");
    T_EQ_INT(h, 2 * line_h, "ui_paragraph: returns the height of the lines");

    ui_begin(ui);
    ui_paragraph(ui, "p", (ui_rect){ 0, 0, 500, 400 }, "eerste\ntweede", px, false, THEME_TEXT, UI_ALIGN_LEFT);
    ui_end(ui);
    n = lines_of("p", lines, 16);
    T_CHECK(n == 2 && strcmp(lines[0], "eerste") == 0 && strcmp(lines[1], "tweede") == 0,
            "ui_paragraph: a newline starts a new line");

    ui_begin(ui);
    ui_paragraph(ui, "p", (ui_rect){ 0, 0, 45, 400 }, "\xC3\xAB\xC3\xAB\xC3\xAB\xC3\xAB\xC3\xAB\xC3\xAB", px, false,
                 THEME_TEXT, UI_ALIGN_LEFT);
    ui_end(ui);
    n = lines_of("p", lines, 16);
    bool ok = n == 3;
    for (int i = 0; i < n; i++)
        ok = ok && strcmp(lines[i], "\xC3\xAB\xC3\xAB") == 0;
    T_CHECK(ok, "ui_paragraph: a word wider than the line breaks at character boundaries");

    ui_begin(ui);
    h = ui_paragraph(ui, "p", (ui_rect){ 0, 0, 75, 2 * line_h }, "aaa bbb ccc ddd eee fff", px, false, THEME_TEXT,
                     UI_ALIGN_LEFT);
    ui_end(ui);
    n = lines_of("p", lines, 16);
    T_CHECK(n == 2, "ui_paragraph: lines below the rect are not drawn");
    T_EQ_INT(h, 3 * line_h, "ui_paragraph: but the full height is returned");

    ui_begin(ui);
    h = ui_paragraph(ui, "p", (ui_rect){ 0, 0, 75, 400 }, "", px, false, THEME_TEXT, UI_ALIGN_LEFT);
    ui_end(ui);
    T_CHECK(h == 0 && lines_of("p", lines, 16) == 0, "ui_paragraph: empty text draws nothing");

    /* every line of a long mixed text fits and is valid UTF-8 */
    const char *text = "Wat ging er mis? De pallet met \xC5\x82o\xC5\xBCyska stond te dicht bij de "
                       "doorgang, waardoor de heftruck moest uitwijken en \xC3\xA9\xC3\xA9n doos viel.";
    bool fit = true, valid_all = true;
    for (int w = 40; w < 400; w += 7) {
        ui_begin(ui);
        ui_paragraph(ui, "p", (ui_rect){ 0, 0, w, 10000 }, text, px, false, THEME_TEXT, UI_ALIGN_LEFT);
        ui_end(ui);
        n = lines_of("p", lines, 16);
        for (int i = 0; i < n; i++) {
            if ((int)strlen(lines[i]) * PX_PER_BYTE > w)
                fit = false;
            if (!utf8_valid(lines[i], strlen(lines[i]), false))
                valid_all = false;
        }
    }
    T_CHECK(fit, "ui_paragraph: every line fits the width");
    T_CHECK(valid_all, "ui_paragraph: every line is valid UTF-8");
}

/* ---- layout ---------------------------------------------------------------------- */

static void test_layout(void)
{
    ui_rect r = { 10, 20, 300, 200 };
    ui_rect top = ui_cut_top(&r, 50);
    T_CHECK(top.x == 10 && top.y == 20 && top.w == 300 && top.h == 50 && r.y == 70 && r.h == 150,
            "ui_cut_top takes from the top");
    ui_rect bottom = ui_cut_bottom(&r, 30);
    T_CHECK(bottom.y == 190 && bottom.h == 30 && r.h == 120, "ui_cut_bottom takes from the bottom");
    ui_rect left = ui_cut_left(&r, 100);
    T_CHECK(left.x == 10 && left.w == 100 && r.x == 110 && r.w == 200, "ui_cut_left takes from the left");
    ui_rect right = ui_cut_right(&r, 50);
    T_CHECK(right.x == 260 && right.w == 50 && r.w == 150, "ui_cut_right takes from the right");
    ui_rect over = ui_cut_top(&r, 9999);
    T_CHECK(over.h == 120 && r.h == 0, "ui_cut_top never takes more than there is");
    ui_rect in = ui_inset((ui_rect){ 0, 0, 10, 10 }, 8);
    T_CHECK(in.w == 0 && in.h == 0, "ui_inset never goes negative");
    T_CHECK(ui_contains((ui_rect){ 0, 0, 10, 10 }, 0, 9) && !ui_contains((ui_rect){ 0, 0, 10, 10 }, 10, 5),
            "ui_contains: left/top edges in, right/bottom edges out");
    ui_rect g = ui_grid_cell((ui_rect){ 0, 0, 210, 100 }, 2, 2, 10, 3);
    T_CHECK(g.x == 110 && g.y == 55 && g.w == 100 && g.h == 45, "ui_grid_cell: the last cell of a 2x2 grid");
    fresh_ui();
    T_EQ_INT(ui_mm(ui, 344), 1024, "ui_mm: the panel width is the window width");
    T_CHECK(ui_hash("a") != ui_hash("b") && ui_hash("") != 0, "ui_hash: differs and is never 0");
}

static void test_limits(void)
{
    fresh_ui();
    ui_begin(ui);
    for (int i = 0; i < UI_MAX_ELEMENTS + 50; i++)
        ui_element_add(ui, NULL, UI_EL_TEXT, 0, "x", (ui_rect){ 0, 0, 1, 1 });
    for (int i = 0; i < UI_MAX_CMDS + 50; i++)
        ui_draw_rect(ui, (ui_rect){ 0, 0, 10, 10 }, THEME_BG, 0);
    ui_end(ui);
    T_CHECK(ui->overflow && ui->element_count == UI_MAX_ELEMENTS && ui->cmd_count == UI_MAX_CMDS,
            "ui: too many elements or commands are dropped and reported, not overrun");
    ui_begin(ui);
    static char big[200 * 1024];
    memset(big, 'x', sizeof big - 1);
    big[sizeof big - 1] = '\0';
    ui_strdup(ui, big);
    const char *second = ui_strdup(ui, big);
    ui_end(ui);
    T_CHECK(ui->overflow && second[0] == '\0', "ui: a full arena gives empty strings, not an overrun");
}

/* The UI dump lists the *visible* elements: one that lies wholly outside the
 * window, or outside the clip of a scrolled list, is not on screen. */
static void test_visible_elements(void)
{
    fresh_ui();
    ui_begin(ui);
    ui_button(ui, "test.below", (ui_rect){ 100, 650, 200, 60 }, "Onder", STYLE_PRIMARY, false);
    ui_clip_push(ui, (ui_rect){ 0, 100, 1024, 200 });
    ui_button(ui, "test.scrolled_out", (ui_rect){ 100, 320, 200, 60 }, "Weg", STYLE_PRIMARY, false);
    ui_button(ui, "test.partly", (ui_rect){ 100, 270, 200, 60 }, "Half", STYLE_PRIMARY, false);
    ui_clip_pop(ui);
    ui_end(ui);
    T_CHECK(find("test.below") == NULL, "elements: a button below the window is not listed as visible");
    T_CHECK(find("test.scrolled_out") == NULL, "elements: a button scrolled out of its list is not listed");
    T_CHECK(find("test.partly") != NULL, "elements: a partly visible button is listed");
}

/* ---- contrast ------------------------------------------------------------------- */

static void contrast_pair(const char *fg_name, ui_color fg, const char *bg_name, ui_color bg)
{
    char name[160];
    double c = theme_contrast(fg, bg);
    snprintf(name, sizeof name, "contrast: %s on %s is at least 7:1", fg_name, bg_name);
    t_report(c >= 7.0, name, "%.2f:1", c);
}

static void test_contrast(void)
{
    T_CHECK(theme_contrast((ui_color){ 0, 0, 0, 255 }, (ui_color){ 255, 255, 255, 255 }) > 20.9,
            "contrast: black on white is 21:1");
    T_CHECK(theme_contrast(THEME_BAR, THEME_BAR) < 1.0001, "contrast: a colour on itself is 1:1");
    T_CHECK(theme_contrast(THEME_TEXT, THEME_BG) == theme_contrast(THEME_BG, THEME_TEXT), "contrast: symmetric");
#define PAIR(f, b) contrast_pair(#f, f, #b, b)
    PAIR(THEME_TEXT, THEME_BG);
    PAIR(THEME_TEXT, THEME_SURFACE);
    PAIR(THEME_TEXT, THEME_ACCENT);
    PAIR(THEME_TEXT, THEME_WARN_BG);
    PAIR(THEME_ON_DARK, THEME_PRIMARY);
    PAIR(THEME_ON_DARK, THEME_BAR);
    PAIR(THEME_ON_DARK, THEME_DANGER);
    PAIR(THEME_ON_DARK, THEME_OK);
    PAIR(THEME_TEXT_MUTED, THEME_BG);
    PAIR(THEME_TEXT_MUTED, THEME_SURFACE);
    /* also drawn by the widgets: disabled buttons, the failure screen's title */
    contrast_pair("THEME_TEXT_MUTED", THEME_TEXT_MUTED, "disabled grey", (ui_color){ 0xD6, 0xD4, 0xCE, 0xFF });
    contrast_pair("THEME_DANGER", THEME_DANGER, "THEME_SURFACE", THEME_SURFACE);
#undef PAIR
}

/* ---- input bursts -------------------------------------------------------------
 * The owner's side of the contract: before each input event it asks
 * ui_input_room and builds a frame first when there is none. Then a burst of
 * any size reaches the frames whole, in order, spread over several frames. */

static char burst_seen[16384];
static size_t burst_seen_len;
static int burst_keys_seen, burst_frames;

/* One frame that takes the typed text and keys, like a text field does. */
static void burst_frame(void)
{
    ui_begin(ui);
    if (burst_seen_len + ui->text_input_len < sizeof burst_seen) {
        memcpy(burst_seen + burst_seen_len, ui->text_input, ui->text_input_len);
        burst_seen_len += ui->text_input_len;
    }
    burst_keys_seen += ui->key_count;
    burst_frames++;
    ui_end(ui);
}

/* One input event as SDL sends it: at most 31 bytes of text and/or a key. */
static void burst_event(const char *text, size_t n, bool with_key, ui_key key)
{
    if (!ui_input_room(ui, 32, 1))
        burst_frame();
    char buf[32];
    memcpy(buf, text, n);
    buf[n] = '\0';
    if (with_key)
        ui_input_key(ui, key, 0);
    if (n)
        ui_input_text(ui, buf);
}

static void test_input_bursts(void)
{
    /* 10 kB of text in 31-byte events, all queued before the next frame */
    static char big[10241];
    for (size_t i = 0; i < sizeof big - 1; i++)
        big[i] = (char)('a' + (i * 7 + i / 26) % 26);
    big[sizeof big - 1] = '\0';
    fresh_ui();
    burst_seen_len = 0;
    burst_keys_seen = burst_frames = 0;
    for (size_t pos = 0; pos < sizeof big - 1; pos += 31) {
        size_t n = sizeof big - 1 - pos < 31 ? sizeof big - 1 - pos : 31;
        burst_event(big + pos, n, false, UI_KEY_NONE);
    }
    burst_frame();
    T_CHECK(burst_seen_len == sizeof big - 1 && memcmp(burst_seen, big, sizeof big - 1) == 0,
            "input: 10 kB of text events in one burst reach the frames whole and in order");
    t_report(burst_frames > 2, "input: the 10 kB burst is spread over several frames", "%d frames", burst_frames);
    T_EQ_INT(ui->input_lost, 0, "input: nothing of the 10 kB burst was refused");

    /* badge bursts: a key and its character per digit, then Return, 50
     * badges in a row (far more keys than one frame holds) */
    fresh_ui();
    burst_seen_len = 0;
    burst_keys_seen = burst_frames = 0;
    char expected[1024];
    size_t expected_len = 0;
    for (int b = 0; b < 50; b++) {
        char badge[16];
        int n = snprintf(badge, sizeof badge, "0451%03d", b);
        for (int i = 0; i < n; i++)
            burst_event(badge + i, 1, true, UI_KEY_OTHER);
        burst_event("", 0, true, UI_KEY_RETURN);
        memcpy(expected + expected_len, badge, (size_t)n);
        expected_len += (size_t)n;
    }
    burst_frame();
    T_CHECK(burst_seen_len == expected_len && memcmp(burst_seen, expected, expected_len) == 0,
            "input: 50 badge bursts in a row: every character arrives");
    T_EQ_INT(burst_keys_seen, 50 * 8, "input: 50 badge bursts in a row: every key arrives (400)");
    T_EQ_INT(ui->input_lost, 0, "input: nothing of the badge bursts was refused");

    /* bounded, never silent: a full frame refuses whole and counts it */
    fresh_ui();
    char chunk[257];
    memset(chunk, 'x', 256);
    chunk[256] = '\0';
    while (ui_input_room(ui, 256, 0))
        ui_input_text(ui, chunk);
    size_t before = ui->text_input_len;
    T_CHECK(!ui_input_room(ui, 256, 0) && !ui_input_text(ui, chunk) && ui->text_input_len == before &&
                ui->input_lost == 1,
            "input: text that does not fit is refused whole and counted, never cut");
    for (int i = 0; i < UI_MAX_KEYS; i++)
        ui_input_key(ui, UI_KEY_OTHER, 0);
    T_CHECK(!ui_input_key(ui, UI_KEY_RETURN, 0) && ui->key_count == UI_MAX_KEYS && ui->input_lost == 2,
            "input: a key that does not fit is refused and counted");
    ui_begin(ui);
    ui_end(ui);
    T_CHECK(ui_input_room(ui, UI_TEXT_INPUT_MAX - 1, UI_MAX_KEYS), "input: a frame empties the input");
}

int main(void)
{
    ui = malloc(sizeof *ui);
    if (!ui) {
        printf("not ok - allocate the UI context\n");
        return 1;
    }
    test_targets();
    test_label();
    test_paragraph();
    test_layout();
    test_limits();
    test_visible_elements();
    test_contrast();
    test_input_bursts();
    free(ui);
    return t_done();
}
