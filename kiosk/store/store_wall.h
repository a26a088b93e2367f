/* store_wall.h: the read-only queries behind the wall screen. */
#ifndef VB_STORE_WALL_H
#define VB_STORE_WALL_H

#include "../core/wall.h"
#include "store.h"

/* Fills d for the moment now_s (today's announcements and actions, this
 * ISO week's learning points). Hidden entries never show; anonymous texts
 * only when a lead approved them for the wall. */
vb_code store_wall_load(store *s, int64_t now_s, wall_data *d, vb_err *err);

#endif
