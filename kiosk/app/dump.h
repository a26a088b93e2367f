/* dump.h: --ui-dump, the automation and accessibility view of the screen.
 * After every frame whose visible content changed, one JSON line per element
 * is appended and flushed: seq (same for every line of one change), screen,
 * id, kind, state, label exactly as shown, and rect in window pixels. */
#ifndef VB_DUMP_H
#define VB_DUMP_H

typedef struct app app;
struct ui_ctx;

void dump_frame(app *a);
/* The same for another frame than the app's (the screen while a write waits). */
void dump_frame_ui(app *a, const struct ui_ctx *ui);

#endif
