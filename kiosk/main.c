/* main.c: the verbeterbord program: reads the command line and the device
 * settings, picks the mode (kiosk, one screenshot), wires platform, store
 * and app together, and turns returned errors into messages and exit codes. */
#include <errno.h>
#include <getopt.h>
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include "app/admin.h"
#include "app/export.h"
#include "app/loop.h"
#include "core/clock.h"
#include "core/devconf.h"
#include "core/i18n.h"
#include "core/utf8.h"
#include "screens/screens.h"

#ifndef VB_LOCALEDIR
#define VB_LOCALEDIR "/usr/share/locale"
#endif
#define SYSTEM_DB_PATH "/var/lib/verbeterbord/verbeterbord.db"

static void usage(FILE *out)
{
    fprintf(out,
            "Usage: verbeterbord [OPTION]...\n"
            "Verbeterbord: the shop-floor improvement board kiosk (learning points, idea box,\n"
            "daily start). Starts fullscreen and locked down unless told otherwise.\n"
            "\n"
            "  --db PATH             database file (default: db_path in %s,\n"
            "                        %s when installed under /usr,\n"
            "                        else ~/.local/share/verbeterbord/verbeterbord.db)\n"
            "  --config FILE         device settings file (default %s)\n"
            "  --windowed WxH        a window of W x H pixels instead of fullscreen\n"
            "  --wall                the wall screen: read-only pages that rotate, no input;\n"
            "                        opens the database read-only and follows the kiosk's changes\n"
            "  --wall-display N      also show the wall pages fullscreen on display N (one\n"
            "                        process drives both screens; touch stays on the kiosk)\n"
            "  --desk                no kiosk lock-down (window close, Ctrl+Q and Alt+F4 quit);\n"
            "                        for development only\n"
            "  --demo                fill an empty database with Dutch demo data\n"
            "  --now YYYY-MM-DDTHH:MM  start the clock at this local time\n"
            "  --clock fixed|running keep the clock still (repeatable tests) or let it run\n"
            "  --script FILE|-       drive the app with JSON-lines actions, then exit:\n"
            "                        {\"tap\":\"id\"} {\"tap\":[x,y]} {\"drag\":\"id\",\"dy\":-300}\n"
            "                        by finger: {\"touch\":\"id\"} {\"touch\":[x,y],\"id\":2,\"window\":\"wall\"}\n"
            "                        {\"finger\":\"down\"|\"move\"|\"up\",\"id\":1,\"at\":[x,y]} {\"palm\":[[x,y],[x,y]]}\n"
            "                        {\"type\":\"text\"} {\"key\":\"Return\",\"mods\":[\"ctrl\"]}\n"
            "                        {\"badge\":\"0451234\"} {\"advance\":90} {\"wait\":\"settled\"}\n"
            "                        {\"screenshot\":\"x.png\"} {\"quit\":true}\n"
            "  --ui-dump PATH        append one JSON line per visible element whenever the\n"
            "                        screen changes (seq, screen, id, kind, state, label, rect)\n"
            "  --screenshot PATH     render one screen with the software renderer, write a\n"
            "                        PNG and exit (no display needed)\n"
            "  --screen NAME         the screen to start on or to screenshot:\n"
            "                       ",
            DEVCONF_DEFAULT_PATH, SYSTEM_DB_PATH, DEVCONF_DEFAULT_PATH);
    for (int i = 0; screen_all[i]; i++)
        fprintf(out, " %s", screen_all[i]->name);
    fprintf(out,
            "\n"
            "  --export-month YYYY-MM  write the month's CSV files for Excel and LibreOffice\n"
            "                        (learning_points, ideas, actions, dagstarts) into --out\n"
            "                        and exit; opens the database read-only, needs no display\n"
            "  --out DIR             the folder --export-month writes into\n"
            "  --sql-views           print the SQL that shows a sqlite3 shell every learning point\n"
            "                        (anonymous ones live in DB-anon): sqlite3 -cmd \"$(verbeterbord\n"
            "                        --db DB --sql-views)\" DB\n"
            "  --panel-mm MM         physical width of the panel (default 344, a 15.6\" panel);\n"
            "                        all sizes are in mm through it\n"
            "  --display N           display index for the window\n"
            "  --renderer software|gpu  SDL renderer (default software)\n"
            "  --font FILE           TTF font (default: DejaVu Sans or Noto Sans from Debian)\n"
            "  --exit-after-first-frame  quit once the first frame is presented (benchmarks)\n"
            "  --help                this text\n"
            "\n"
            "Exit codes: 0 normal stop, 1 error, 2 script failure, %d stop for maintenance.\n",
            APP_EXIT_MAINTENANCE);
    admin_usage(out); /* --add-member, --set-pin, --unlock-lead, --list-members (app/admin.h) */
}

/* Where a kiosk run by hand keeps its data: ~/.local/share/verbeterbord. */
static void default_db_path(char *out, size_t size)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        if (strncmp(exe, "/usr/", 5) == 0) {
            utf8_copy(SYSTEM_DB_PATH, out, size);
            return;
        }
    }
    const char *xdg = getenv("XDG_DATA_HOME");
    const char *home = getenv("HOME");
    char dir[PATH_MAX];
    if (xdg && *xdg)
        snprintf(dir, sizeof dir, "%s/verbeterbord", xdg);
    else
        snprintf(dir, sizeof dir, "%s/.local/share/verbeterbord", home && *home ? home : "/tmp");
    /* create the folder chain quietly; a failure shows on the failure screen */
    for (char *p = dir + 1; *p; p++) {
        if (*p == '/') {
            *p = '\0';
            mkdir(dir, 0755);
            *p = '/';
        }
    }
    mkdir(dir, 0755);
    if ((size_t)snprintf(out, size, "%.*s/verbeterbord.db", (int)(size - 20), dir) >= size)
        snprintf(out, size, "verbeterbord.db");
}

/* The compiled catalogs: next to the binary in a build tree, else installed. */
static void find_locale_dir(char *out, size_t size)
{
    char exe[PATH_MAX];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    if (n > 0) {
        exe[n] = '\0';
        char *slash = strrchr(exe, '/');
        if (slash) {
            *slash = '\0';
            vb_fmt(out, size, "%.*s/locale", (int)(size - 8), exe);
            struct stat st;
            if (stat(out, &st) == 0 && S_ISDIR(st.st_mode))
                return;
        }
    }
    utf8_copy(VB_LOCALEDIR, out, size);
}

static bool parse_size(const char *s, int *w, int *h)
{
    char x;
    return sscanf(s, "%d%c%d", w, &x, h) == 3 && (x == 'x' || x == 'X') && *w >= 320 && *h >= 240 &&
           *w <= 16384 && *h <= 16384;
}

enum {
    OPT_DB = 256, OPT_CONFIG, OPT_WINDOWED, OPT_DESK, OPT_DEMO, OPT_NOW, OPT_CLOCK, OPT_SCRIPT, OPT_UI_DUMP,
    OPT_SCREENSHOT, OPT_SCREEN, OPT_PANEL_MM, OPT_DISPLAY, OPT_RENDERER, OPT_FONT, OPT_EXIT_FIRST, OPT_HELP,
    OPT_WALL, OPT_WALL_DISPLAY
};

/* --export-month and --out (app/export.h). */
enum { OPT_EXPORT_MONTH = 512, OPT_EXPORT_OUT, OPT_SQL_VIEWS };

/* Administration commands (app/admin.h). */
enum {
    OPT_ADD_MEMBER = 768, OPT_LEAD, OPT_BADGE, OPT_LANGUAGE, OPT_SET_PIN, OPT_UNLOCK_LEAD, OPT_LIST_MEMBERS,
    OPT_ALLOW_ROOT
};

int main(int argc, char **argv)
{
    platform_block_quit_signals();
    static const struct option options[] = {
        { "db", required_argument, NULL, OPT_DB },
        { "config", required_argument, NULL, OPT_CONFIG },
        { "windowed", required_argument, NULL, OPT_WINDOWED },
        { "desk", no_argument, NULL, OPT_DESK },
        { "demo", no_argument, NULL, OPT_DEMO },
        { "now", required_argument, NULL, OPT_NOW },
        { "clock", required_argument, NULL, OPT_CLOCK },
        { "script", required_argument, NULL, OPT_SCRIPT },
        { "ui-dump", required_argument, NULL, OPT_UI_DUMP },
        { "screenshot", required_argument, NULL, OPT_SCREENSHOT },
        { "screen", required_argument, NULL, OPT_SCREEN },
        { "panel-mm", required_argument, NULL, OPT_PANEL_MM },
        { "display", required_argument, NULL, OPT_DISPLAY },
        { "renderer", required_argument, NULL, OPT_RENDERER },
        { "font", required_argument, NULL, OPT_FONT },
        { "exit-after-first-frame", no_argument, NULL, OPT_EXIT_FIRST },
        { "help", no_argument, NULL, OPT_HELP },
        { "wall", no_argument, NULL, OPT_WALL },
        { "wall-display", required_argument, NULL, OPT_WALL_DISPLAY },
        { "export-month", required_argument, NULL, OPT_EXPORT_MONTH },
        { "out", required_argument, NULL, OPT_EXPORT_OUT },
        { "sql-views", no_argument, NULL, OPT_SQL_VIEWS },
        { "add-member", required_argument, NULL, OPT_ADD_MEMBER },
        { "lead", no_argument, NULL, OPT_LEAD },
        { "badge", required_argument, NULL, OPT_BADGE },
        { "language", required_argument, NULL, OPT_LANGUAGE },
        { "set-pin", required_argument, NULL, OPT_SET_PIN },
        { "unlock-lead", required_argument, NULL, OPT_UNLOCK_LEAD },
        { "list-members", no_argument, NULL, OPT_LIST_MEMBERS },
        { "allow-root", no_argument, NULL, OPT_ALLOW_ROOT },
        { NULL, 0, NULL, 0 },
    };
    app_options opt;
    memset(&opt, 0, sizeof opt);
    platform_config pc;
    memset(&pc, 0, sizeof pc);
    const char *config_path = DEVCONF_DEFAULT_PATH;
    const char *screenshot = NULL, *db_arg = NULL, *font_arg = NULL, *renderer_arg = NULL;
    double panel_arg = 0;
    int display_arg = -1, wall_display_arg = -1;
    const char *export_month = NULL, *export_out = NULL;
    bool sql_views = false;
    admin_request admin;
    memset(&admin, 0, sizeof admin);

    int c;
    opterr = 0;
    while ((c = getopt_long(argc, argv, "", options, NULL)) != -1) {
        switch (c) {
        case OPT_DB: db_arg = optarg; break;
        case OPT_CONFIG: config_path = optarg; break;
        case OPT_WINDOWED:
            if (!parse_size(optarg, &pc.width, &pc.height)) {
                fprintf(stderr, "verbeterbord: --windowed needs WxH, e.g. 1280x800 (got '%s')\n", optarg);
                return APP_EXIT_ERROR;
            }
            pc.windowed = true;
            break;
        case OPT_DESK: opt.desk = true; break;
        case OPT_DEMO: opt.demo = true; break;
        case OPT_NOW:
            if (!vb_parse_local_datetime(optarg, &opt.now_s)) {
                fprintf(stderr,
                        "verbeterbord: --now needs a date and time YYYY-MM-DDTHH:MM in the years %d to %d "
                        "(got '%s')\n",
                        VB_YEAR_MIN, VB_YEAR_MAX, optarg);
                return APP_EXIT_ERROR;
            }
            opt.now_set = true;
            break;
        case OPT_CLOCK:
            if (strcmp(optarg, "fixed") == 0) opt.clock_fixed = true;
            else if (strcmp(optarg, "running") == 0) opt.clock_fixed = false;
            else {
                fprintf(stderr, "verbeterbord: --clock is 'fixed' or 'running'\n");
                return APP_EXIT_ERROR;
            }
            break;
        case OPT_SCRIPT: opt.script_path = optarg; break;
        case OPT_UI_DUMP: opt.ui_dump_path = optarg; break;
        case OPT_SCREENSHOT: screenshot = optarg; break;
        case OPT_SCREEN: opt.start_screen = optarg; break;
        case OPT_PANEL_MM:
            panel_arg = atof(optarg);
            if (panel_arg < 50 || panel_arg > 3000) {
                fprintf(stderr, "verbeterbord: --panel-mm needs a width between 50 and 3000 mm\n");
                return APP_EXIT_ERROR;
            }
            break;
        case OPT_DISPLAY: display_arg = atoi(optarg); break;
        case OPT_RENDERER: renderer_arg = optarg; break;
        case OPT_FONT: font_arg = optarg; break;
        case OPT_EXIT_FIRST: opt.exit_after_first_frame = true; break;
        case OPT_HELP: usage(stdout); return APP_EXIT_OK;
        case OPT_WALL: opt.wall = true; break;
        case OPT_WALL_DISPLAY: wall_display_arg = atoi(optarg); break;
        case OPT_EXPORT_MONTH: export_month = optarg; break;
        case OPT_EXPORT_OUT: export_out = optarg; break;
        case OPT_SQL_VIEWS: sql_views = true; break;
        case OPT_ADD_MEMBER: admin.add_member = optarg; break;
        case OPT_LEAD: admin.lead = true; break;
        case OPT_BADGE: admin.badge = optarg; break;
        case OPT_LANGUAGE: admin.language = optarg; break;
        case OPT_SET_PIN: admin.set_pin = optarg; break;
        case OPT_UNLOCK_LEAD: admin.unlock_lead = optarg; break;
        case OPT_LIST_MEMBERS: admin.list_members = true; break;
        case OPT_ALLOW_ROOT: admin.allow_root = true; break;
        default:
            fprintf(stderr, "verbeterbord: unknown or incomplete option '%s'; see --help\n", argv[optind - 1]);
            return APP_EXIT_ERROR;
        }
    }
    if (optind < argc) {
        fprintf(stderr, "verbeterbord: unexpected argument '%s'; see --help\n", argv[optind]);
        return APP_EXIT_ERROR;
    }
    opt.screens = &screen_registry; /* the app knows the screens only through this */
    if (opt.start_screen && !app_screens_find(opt.screens, opt.start_screen)) {
        fprintf(stderr, "verbeterbord: no screen named '%s'; see --help\n", opt.start_screen);
        return APP_EXIT_ERROR;
    }

    devconf dc;
    devconf_defaults(&dc);
    vb_err err;
    vb_err_clear(&err);
    if (devconf_load(config_path, &dc, &err) != VB_OK) {
        fprintf(stderr, "verbeterbord: %s\n", err.msg);
        return APP_EXIT_ERROR;
    }
    char db_path[PATH_MAX];
    if (db_arg || dc.db_path[0]) {
        if (!vb_fmt(db_path, sizeof db_path, "%s", db_arg ? db_arg : dc.db_path)) {
            fprintf(stderr, "verbeterbord: the database path is too long\n");
            return APP_EXIT_ERROR;
        }
    } else {
        default_db_path(db_path, sizeof db_path);
    }
    opt.db_path = db_path;
    if (sql_views) {
        /* The views of all learning points and ideas for a sqlite3 shell (store.h). */
        static char sql[32768];
        if (store_anon_views_sql(db_path, sql, sizeof sql, &err) != VB_OK) {
            fprintf(stderr, "verbeterbord: %s\n", err.msg);
            return APP_EXIT_ERROR;
        }
        fputs(sql, stdout);
        return APP_EXIT_OK;
    }
    if (admin_requested(&admin) || admin.lead || admin.badge || admin.language)
        return admin_run(&admin, db_path, opt.now_set ? opt.now_s : (int64_t)time(NULL)); /* no SDL */
    opt.export_dir = dc.export_dir;
    opt.panel_mm = panel_arg > 0 ? panel_arg : dc.panel_mm > 0 ? dc.panel_mm : 344.0;
    pc.display = display_arg >= 0 ? display_arg : dc.display >= 0 ? dc.display : 0;
    pc.font_path = font_arg ? font_arg : dc.font_path[0] ? dc.font_path : NULL;
    const char *renderer = renderer_arg ? renderer_arg : dc.renderer[0] ? dc.renderer : "software";
    if (strcmp(renderer, "gpu") != 0 && strcmp(renderer, "software") != 0) {
        fprintf(stderr, "verbeterbord: --renderer is 'software' or 'gpu'\n");
        return APP_EXIT_ERROR;
    }
    pc.gpu = strcmp(renderer, "gpu") == 0;
    opt.wall_display = wall_display_arg >= 0 ? wall_display_arg : dc.wall_display;
    opt.wall_screen = opt.wall_display >= 0;
    opt.windowed = pc.windowed;
    pc.title = "Verbeterbord";

    char locale_dir[PATH_MAX];
    find_locale_dir(locale_dir, sizeof locale_dir);
    if (!i18n_init(locale_dir))
        fprintf(stderr, "verbeterbord: no translation catalogs in %s; showing English\n", locale_dir);

    if (export_month) {
        /* --export-month: the month's CSV files, without SDL (app/export.h). */
        if (!export_out) {
            fprintf(stderr, "verbeterbord: --export-month needs --out DIR, the folder to write into\n");
            return APP_EXIT_ERROR;
        }
        export_result res;
        int64_t now = opt.now_set ? opt.now_s : (int64_t)time(NULL);
        if (export_run(db_path, export_month, export_out, now, &res, &err) != VB_OK) {
            fprintf(stderr, "verbeterbord: export %s: %s\n", export_month, err.msg);
            return APP_EXIT_ERROR;
        }
        for (int i = 0; i < res.file_count; i++)
            printf("%s/%s: %d rows\n", res.dir, export_file_names[i], res.rows[i]);
        return APP_EXIT_OK;
    }
    if (screenshot) {
        pc.offscreen = true;
        opt.wall_screen = false;
        if (!pc.windowed) {
            pc.width = 1920;
            pc.height = 1080;
        }
    }
    /* the database opens while the window does (app.h) */
    if (app_open_early(&opt.early, &opt, &err) != VB_OK)
        opt.early = NULL; /* app_init opens it itself */
    platform *plat = NULL;
    if (platform_open(&plat, &pc, &err) != VB_OK) {
        fprintf(stderr, "verbeterbord: %s\n", err.msg);
        app_early_discard(opt.early);
        return APP_EXIT_ERROR;
    }
    app a;
    int code;
    if (app_init(&a, &opt, plat, &err) != VB_OK) {
        fprintf(stderr, "verbeterbord: %s\n", err.msg);
        code = APP_EXIT_ERROR;
    } else if (screenshot) {
        app_draw(&a);
        code = APP_EXIT_OK;
        if (platform_save_png(plat, screenshot, &err) != VB_OK) {
            fprintf(stderr, "verbeterbord: %s\n", err.msg);
            code = APP_EXIT_ERROR;
        }
    } else {
        code = app_run(&a);
    }
    app_shutdown(&a);
    platform_close(plat);
    return code;
}
