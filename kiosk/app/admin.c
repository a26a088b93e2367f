/* admin.c: the command-line administration of the kiosk (see admin.h):
 * creating the first team lead, members, PINs, lifting a PIN lockout and
 * listing the team. Runs without SDL; messages go to stderr, the list to
 * stdout. */
#include "admin.h"

#include <limits.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <termios.h>
#include <unistd.h>

#include "../core/date.h"
#include "../core/utf8.h"
#include "../store/store.h"
#include "../store/store_audit.h"
#include "../store/store_members.h"
#include "../store/store_roster.h"

#define SERVICE_DIR "/var/lib/verbeterbord"
#define SERVICE_USER "verbeterbord"

bool admin_requested(const admin_request *r)
{
    return r->add_member || r->set_pin || r->unlock_lead || r->list_members;
}

void admin_usage(FILE *out)
{
    fprintf(out,
            "\n"
            "Administration (on the kiosk machine, as the service user; no screen needed):\n"
            "  --add-member NAME     add a team member; with --lead a team lead, whose PIN\n"
            "                        (4 to 8 digits) is asked twice on the terminal, or read\n"
            "                        as one line from stdin when stdin is not a terminal\n"
            "    --lead              the member is a team lead\n"
            "    --badge B           the member's badge number\n"
            "    --language nl|en|pl the member's language (default nl)\n"
            "  --set-pin NAME        give an existing member or lead a new PIN\n"
            "  --unlock-lead NAME    lift a lockout after too many wrong PINs\n"
            "  --list-members        list the team (role, language, badge, PIN, lockout)\n"
            "  --allow-root          run an administration command as root anyway\n"
            "As root, these commands refuse a database under %s, or one\n"
            "owned by another user, so that the kiosk service can still write it. Run\n"
            "them as the service user instead:\n"
            "    sudo -u %s verbeterbord --add-member \"Name\" --lead\n"
            "A database elsewhere that does not exist yet, or that root owns, is allowed\n"
            "(tests). --now YYYY-MM-DDTHH:MM sets their clock too.\n",
            SERVICE_DIR, SERVICE_USER);
}

/* ---- root guard ------------------------------------------------------------- */

/* The folder of path, resolved (symlinks, relative parts) when it exists. */
static void resolved_dir(const char *path, char *out, size_t size)
{
    char dir[PATH_MAX];
    snprintf(dir, sizeof dir, "%s", path);
    char *slash = strrchr(dir, '/');
    if (!slash)
        snprintf(dir, sizeof dir, ".");
    else if (slash == dir)
        dir[1] = '\0';
    else
        *slash = '\0';
    char real[PATH_MAX];
    if (realpath(dir, real))
        utf8_copy(real, out, size);
    else
        utf8_copy(dir, out, size);
}

static bool under_service_dir(const char *path)
{
    char dir[PATH_MAX];
    resolved_dir(path, dir, sizeof dir);
    size_t n = strlen(SERVICE_DIR);
    return strncmp(dir, SERVICE_DIR, n) == 0 && (dir[n] == '\0' || dir[n] == '/');
}

/* True (with the reason printed) when root must not run on this database. */
static bool refuse_as_root(const admin_request *r, const char *db_path)
{
    if (geteuid() != 0 || r->allow_root)
        return false;
    struct stat st;
    bool exists = stat(db_path, &st) == 0;
    const char *why = NULL;
    if (under_service_dir(db_path))
        why = "it is the kiosk service's database";
    else if (exists && st.st_uid != 0)
        why = "the database file belongs to another user";
    if (!why)
        return false;
    fprintf(stderr,
            "verbeterbord: refusing to run as root on %s: %s, and files root creates\n"
            "there (the -wal and -shm files) could no longer be written by the kiosk.\n"
            "Run the command as the service user, for example:\n"
            "    sudo -u %s verbeterbord --db %s ...\n"
            "or add --allow-root if you are sure (then fix the owner with chown).\n",
            db_path, why, SERVICE_USER, db_path);
    return true;
}

/* ---- reading a PIN ---------------------------------------------------------- */

static struct termios g_saved_tty;
static volatile sig_atomic_t g_tty_changed;

static void restore_tty_and_exit(int sig)
{
    if (g_tty_changed)
        tcsetattr(STDIN_FILENO, TCSANOW, &g_saved_tty);
    static const char nl[] = "\n";
    ssize_t ignored = write(STDERR_FILENO, nl, 1);
    (void)ignored;
    _exit(128 + sig);
}

/* One line from stdin without its line end; false at end of input. */
static bool read_line(char *out, size_t size)
{
    if (!fgets(out, (int)size, stdin))
        return false;
    size_t n = strlen(out);
    bool whole = n > 0 && out[n - 1] == '\n';
    while (n > 0 && (out[n - 1] == '\n' || out[n - 1] == '\r'))
        out[--n] = '\0';
    if (!whole && !feof(stdin)) {
        /* longer than the buffer: swallow the rest, and refuse it */
        int c;
        while ((c = getchar()) != EOF && c != '\n') {
        }
        out[0] = 'x';
        out[1] = '\0';
    }
    return true;
}

/* Reads a line from the terminal without echo. */
static bool read_hidden(const char *prompt, char *out, size_t size)
{
    fprintf(stderr, "%s", prompt);
    fflush(stderr);
    struct termios t;
    bool hide = tcgetattr(STDIN_FILENO, &g_saved_tty) == 0;
    if (hide) {
        t = g_saved_tty;
        t.c_lflag &= ~(tcflag_t)ECHO;
        t.c_lflag |= ECHONL;
        g_tty_changed = tcsetattr(STDIN_FILENO, TCSAFLUSH, &t) == 0;
    }
    bool ok = read_line(out, size);
    if (g_tty_changed) {
        tcsetattr(STDIN_FILENO, TCSAFLUSH, &g_saved_tty);
        g_tty_changed = 0;
    }
    return ok;
}

static void copy_pin(char *pin, size_t size, const char *valid)
{
    size_t n = strlen(valid);
    if (n >= size)
        n = size - 1;
    memcpy(pin, valid, n);
    pin[n] = '\0';
}

/* Asks (terminal) or reads (stdin) a PIN of 4 to 8 digits into pin. */
static bool get_pin(const char *name, char *pin, size_t size)
{
    char line[64];
    if (!isatty(STDIN_FILENO)) {
        if (!read_line(line, sizeof line)) {
            fprintf(stderr, "verbeterbord: no PIN on stdin (one line of 4 to 8 digits expected)\n");
            return false;
        }
        if (!store_pin_valid(line)) {
            fprintf(stderr, "verbeterbord: the PIN on stdin must be 4 to 8 digits\n");
            return false;
        }
        copy_pin(pin, size, line); /* valid: at most 8 digits */
        memset(line, 0, sizeof line);
        return true;
    }
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = restore_tty_and_exit;
    sigemptyset(&sa.sa_mask);
    sigaction(SIGINT, &sa, NULL);
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGHUP, &sa, NULL);
    for (int attempt = 0; attempt < 3; attempt++) {
        char prompt[400], again[64];
        vb_fmt(prompt, sizeof prompt, "PIN for %s (4 to 8 digits, not shown): ", name);
        if (!read_hidden(prompt, line, sizeof line))
            return false;
        if (!store_pin_valid(line)) {
            fprintf(stderr, "A PIN has 4 to 8 digits and nothing else. Try again.\n");
            continue;
        }
        if (!read_hidden("The same PIN again: ", again, sizeof again))
            return false;
        bool same = strcmp(line, again) == 0;
        memset(again, 0, sizeof again);
        if (!same) {
            fprintf(stderr, "The two PINs differ. Try again.\n");
            continue;
        }
        copy_pin(pin, size, line); /* valid: at most 8 digits */
        memset(line, 0, sizeof line);
        return true;
    }
    fprintf(stderr, "verbeterbord: no PIN set\n");
    return false;
}

/* ---- the commands ------------------------------------------------------------ */

static void audit_cli(store *s, int64_t now_s, const char *action, int64_t member_id, const char *detail)
{
    char subject[40];
    snprintf(subject, sizeof subject, "member:%lld", (long long)member_id);
    vb_err err;
    vb_err_clear(&err);
    if (store_audit_add(s, 0, now_s, action, subject, detail, &err) != VB_OK)
        fprintf(stderr, "verbeterbord: warning: not recorded in the audit log: %s\n", err.msg);
}

static int set_pin_for(store *s, int64_t now_s, int64_t id, const char *name)
{
    char pin[STORE_PIN_MAX_DIGITS + 2];
    if (!get_pin(name, pin, sizeof pin))
        return 1;
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = store_member_set_pin(s, id, pin, &err);
    memset(pin, 0, sizeof pin);
    if (rc != VB_OK) {
        fprintf(stderr, "verbeterbord: the PIN was not saved: %s\n", err.msg);
        return 1;
    }
    audit_cli(s, now_s, "roster", id, "PIN set on the command line");
    return 0;
}

static int add_member(const admin_request *r, store *s, int64_t now_s)
{
    const char *language = r->language ? r->language : "nl";
    if (!store_roster_name_ok(r->add_member)) {
        fprintf(stderr, "verbeterbord: a name has 1 to %d characters, without spaces at either end\n",
                ROSTER_NAME_MAX);
        return 1;
    }
    if (r->badge && !store_roster_badge_ok(r->badge)) {
        fprintf(stderr, "verbeterbord: a badge has %d to %d letters or digits, without spaces\n", ROSTER_BADGE_MIN,
                ROSTER_BADGE_MAX);
        return 1;
    }
    store_roster_member existing;
    if (store_roster_find_name(s, r->add_member, &existing, NULL) == VB_OK) {
        fprintf(stderr, "verbeterbord: there is already a member named \"%s\" (%s)%s\n", existing.name, existing.role,
                r->lead ? "; to give them a new PIN use --set-pin" : "");
        return 1;
    }
    /* Ask the PIN first, so that a mistyped PIN leaves no lead without one. */
    char pin[STORE_PIN_MAX_DIGITS + 2] = "";
    if (r->lead && !get_pin(r->add_member, pin, sizeof pin))
        return 1;
    vb_err err;
    vb_err_clear(&err);
    int64_t id = 0;
    vb_code rc = store_roster_add(s, 0, now_s, r->add_member, r->lead ? "lead" : "worker", language, r->badge, &id,
                                  &err);
    if (rc != VB_OK) {
        memset(pin, 0, sizeof pin);
        fprintf(stderr, "verbeterbord: the member was not added: %s\n", err.msg);
        return 1;
    }
    if (r->lead) {
        rc = store_member_set_pin(s, id, pin, &err);
        memset(pin, 0, sizeof pin);
        if (rc != VB_OK) {
            fprintf(stderr,
                    "verbeterbord: %s was added, but the PIN was not saved: %s\n"
                    "Set it with: verbeterbord --set-pin \"%s\"\n",
                    r->add_member, err.msg, r->add_member);
            return 1;
        }
        audit_cli(s, now_s, "roster", id, "PIN set on the command line");
    }
    printf("Added %s \"%s\" (id %lld, language %s%s).\n", r->lead ? "team lead" : "member", r->add_member,
           (long long)id, language, r->badge ? ", with badge" : "");
    if (r->lead)
        printf("Sign in on the kiosk with \"Team lead\", this name and the PIN.\n");
    return 0;
}

static int find_member(store *s, const char *name, store_roster_member *m)
{
    vb_err err;
    vb_err_clear(&err);
    vb_code rc = store_roster_find_name(s, name, m, &err);
    if (rc == VB_ERR_NOTFOUND) {
        fprintf(stderr, "verbeterbord: no active member named \"%s\" (see --list-members)\n", name);
        return 1;
    }
    if (rc != VB_OK) {
        fprintf(stderr, "verbeterbord: %s\n", err.msg);
        return 1;
    }
    return 0;
}

static int set_pin(const admin_request *r, store *s, int64_t now_s)
{
    store_roster_member m;
    if (find_member(s, r->set_pin, &m))
        return 1;
    if (set_pin_for(s, now_s, m.id, m.name))
        return 1;
    printf("New PIN set for \"%s\".\n", m.name);
    return 0;
}

static int unlock_lead(const admin_request *r, store *s, int64_t now_s)
{
    store_roster_member m;
    if (find_member(s, r->unlock_lead, &m))
        return 1;
    vb_err err;
    vb_err_clear(&err);
    if (store_member_lift_lockout(s, m.id, &err) != VB_OK) {
        fprintf(stderr, "verbeterbord: the lockout was not lifted: %s\n", err.msg);
        return 1;
    }
    char detail[300];
    vb_fmt(detail, sizeof detail, "lockout of '%s' lifted on the command line", m.name);
    audit_cli(s, now_s, "pin_lockout", m.id, detail);
    printf("The lockout of \"%s\" is lifted%s.\n", m.name,
           m.locked_until > now_s || m.failed_pins > 0 ? "" : " (there was none)");
    return 0;
}

static int list_members(store *s, int64_t now_s)
{
    enum { CAP = 2000 };
    store_roster_member *rows = calloc(CAP, sizeof *rows);
    if (!rows) {
        fprintf(stderr, "verbeterbord: out of memory\n");
        return 1;
    }
    int n = 0;
    vb_err err;
    vb_err_clear(&err);
    if (store_roster_list(s, true, rows, CAP, &n, &err) != VB_OK) {
        fprintf(stderr, "verbeterbord: %s\n", err.msg);
        free(rows);
        return 1;
    }
    printf("id\tname\trole\tlanguage\tbadge\tpin\tstate\n");
    for (int i = 0; i < n; i++) {
        store_roster_member *m = &rows[i];
        char state[64] = "active";
        if (!m->active) {
            snprintf(state, sizeof state, "inactive");
        } else if (m->locked_until > now_s) {
            vb_local l = vb_local_from_unix(m->locked_until);
            char day[11];
            vb_day_format(l.day, day);
            vb_fmt(state, sizeof state, "locked until %s %02d:%02d", day, l.hour, l.minute);
        } else if (m->failed_pins > 0) {
            snprintf(state, sizeof state, "active, %d wrong PINs", m->failed_pins);
        }
        printf("%lld\t%s\t%s\t%s\t%s\t%s\t%s\n", (long long)m->id, m->name, m->role, m->language,
               m->badge[0] ? m->badge : "-", m->has_pin ? "yes" : "no", state);
    }
    free(rows);
    return 0;
}

int admin_run(const admin_request *r, const char *db_path, int64_t now_s)
{
    int commands = (r->add_member != NULL) + (r->set_pin != NULL) + (r->unlock_lead != NULL) + r->list_members;
    if (commands != 1) {
        fprintf(stderr, "verbeterbord: give one of --add-member, --set-pin, --unlock-lead, --list-members\n");
        return 1;
    }
    if (!r->add_member && (r->lead || r->badge || r->language)) {
        fprintf(stderr, "verbeterbord: --lead, --badge and --language go with --add-member\n");
        return 1;
    }
    if (r->language && strcmp(r->language, "nl") != 0 && strcmp(r->language, "en") != 0 &&
        strcmp(r->language, "pl") != 0) {
        fprintf(stderr, "verbeterbord: --language is nl, en or pl\n");
        return 1;
    }
    if (refuse_as_root(r, db_path))
        return 1;
    struct stat st;
    bool exists = stat(db_path, &st) == 0;
    if (!exists && (r->list_members || r->set_pin || r->unlock_lead)) {
        fprintf(stderr, "verbeterbord: no database at %s (see --db)\n", db_path);
        return 1;
    }
    store *s = NULL;
    vb_err err;
    vb_err_clear(&err);
    if (store_open(&s, db_path, r->list_members ? STORE_READONLY : STORE_READWRITE, now_s, &err) != VB_OK) {
        fprintf(stderr, "verbeterbord: database: %s\n", err.msg);
        return 1;
    }
    int code;
    if (r->add_member)
        code = add_member(r, s, now_s);
    else if (r->set_pin)
        code = set_pin(r, s, now_s);
    else if (r->unlock_lead)
        code = unlock_lead(r, s, now_s);
    else
        code = list_members(s, now_s);
    store_close(s);
    if (!exists && code == 0)
        fprintf(stderr, "verbeterbord: created the database %s\n", db_path);
    return code;
}
