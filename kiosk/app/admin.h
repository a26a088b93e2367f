/* admin.h: the administration commands of the command line, run on the
 * kiosk machine without SDL: --add-member (with --lead, --badge,
 * --language), --set-pin, --unlock-lead and --list-members. They refuse to
 * run as root on the service's database (see admin_run). */
#ifndef VB_ADMIN_H
#define VB_ADMIN_H

#include <stdbool.h>
#include <stdint.h>
#include <stdio.h>

typedef struct admin_request {
    const char *add_member;  /* --add-member NAME */
    bool lead;               /* --lead: role lead, asks the PIN */
    const char *badge;       /* --badge B */
    const char *language;    /* --language nl|en|pl */
    const char *set_pin;     /* --set-pin NAME */
    const char *unlock_lead; /* --unlock-lead NAME */
    bool list_members;       /* --list-members */
    bool allow_root;         /* --allow-root */
} admin_request;

/* True when the command line asked for an admin command. */
bool admin_requested(const admin_request *r);
/* The --help lines for the admin commands. */
void admin_usage(FILE *out);
/* Runs the command on the database at db_path and returns the exit code
 * (0 done, 1 error). PINs come from the terminal (asked twice, not shown)
 * or, when stdin is not a terminal, from one line of stdin.
 * As root it refuses (with the sudo -u hint) when the database is under
 * /var/lib/verbeterbord or is owned by another user, unless allow_root. */
int admin_run(const admin_request *r, const char *db_path, int64_t now_s);

#endif
