/* dump.h: --ui-dump, the automation and accessibility view of the screen.
 * After every frame whose visible content changed, one JSON line per element
 * is appended and flushed: seq (same for every line of one change), screen,
 * id, kind, state, label exactly as shown, and rect in window pixels. */
#ifndef VB_DUMP_H
#define VB_DUMP_H

typedef struct app app;

void dump_frame(app *a);

#endif
