/* devconf.h: device settings, the ones that belong to this machine rather
 * than to the team: which display, the panel's width in mm, the database
 * path, the renderer. They come from /etc/verbeterbord/verbeterbord.conf
 * ("key = value" lines, '#' comments) and the command line overrides them. */
#ifndef VB_DEVCONF_H
#define VB_DEVCONF_H

#include <stdbool.h>
#include <stddef.h>

#include "vb_err.h"

#define DEVCONF_DEFAULT_PATH "/etc/verbeterbord/verbeterbord.conf"

typedef struct devconf {
    char db_path[512];
    double panel_mm;      /* 0 = not set */
    int display;          /* -1 = not set */
    int wall_display;     /* -1 = not set */
    char renderer[16];    /* "software", "gpu" or "" */
    char font_path[512];
    char export_dir[512]; /* USB stick mount point for exports */
} devconf;

void devconf_defaults(devconf *c);
/* Parses text; unknown keys and bad values are errors naming the line. */
vb_code devconf_parse(const char *text, size_t len, devconf *c, vb_err *err);
/* Loads a file; a missing file is not an error (defaults stay). */
vb_code devconf_load(const char *path, devconf *c, vb_err *err);

#endif
