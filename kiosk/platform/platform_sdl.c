/* platform_sdl.c: the SDL2 / SDL2_ttf implementation of
 * platform.h. The only file of the kiosk (with main.c) that includes SDL. */
#include "platform.h"
#include "png.h"

#include <SDL.h>
#include <errno.h>
#include <fcntl.h>
#include <SDL_ttf.h>
#include <math.h>
#include <pthread.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#define TEXT_CACHE_CAPACITY 768
#define FONT_SLOTS 24

enum { USER_QUIT_SIGNAL = 1, USER_WAKE = 2 };

typedef struct text_entry {
    uint64_t hash;
    char *text;
    int px;
    bool bold;
    ui_color color;
    SDL_Texture *texture;
    int w, h;
    uint64_t last_used;
} text_entry;

typedef struct font_slot {
    int px;
    bool bold;
    TTF_Font *font;
    uint64_t last_used;
} font_slot;

/* A window (or offscreen surface) with its renderer and the text textures
 * made for that renderer. The kiosk has one; with --wall-display a second
 * one shows the wall pages. */
typedef struct output {
    SDL_Window *window;
    SDL_Renderer *renderer;
    SDL_Surface *offscreen;
    int width, height;
    text_entry texts[TEXT_CACHE_CAPACITY];
    int text_count;
} output;

struct platform {
    output main;
    output *second;
    bool video_inited;
    char font_path[512];
    char font_bold_path[512];
    font_slot fonts[FONT_SLOTS];
    uint64_t use_clock;
    uint32_t user_event;
    SDL_TouchID touch_id;
    SDL_FingerID finger;
    bool finger_down;      /* a finger owns the gesture */
    bool finger_cancelled; /* ... and another finger came down meanwhile */
};

static void render_output(platform *p, output *o, const ui_cmd *cmds, int count, ui_color bg);
static void output_close(output *o);

static uint32_t g_user_event = (uint32_t)-1;
static int g_signal_pipe[2] = { -1, -1 };
static volatile sig_atomic_t g_signal_reader_running = 0;

/* SIGTERM/SIGINT: a self-pipe, so the signal may arrive on any thread
 * (libraries start threads of their own) and still end the main loop cleanly
 * while it sleeps in SDL_WaitEventTimeout. Before the reader thread runs
 * (e.g. admin commands on the terminal) the default action applies. */
static void on_quit_signal(int sig)
{
    if (!g_signal_reader_running) {
        signal(sig, SIG_DFL);
        raise(sig);
        return;
    }
    int saved = errno;
    char byte = 1;
    ssize_t ignored = write(g_signal_pipe[1], &byte, 1);
    (void)ignored;
    errno = saved;
}

void platform_block_quit_signals(void)
{
    if (g_signal_pipe[0] < 0 && pipe2(g_signal_pipe, O_CLOEXEC) != 0)
        return;
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_quit_signal;
    sigemptyset(&sa.sa_mask);
    sa.sa_flags = SA_RESTART;
    sigaction(SIGTERM, &sa, NULL);
    sigaction(SIGINT, &sa, NULL);
}

/* Turns bytes from the signal pipe into a quit event for the main loop. */
static int signal_thread(void *unused)
{
    (void)unused;
    for (;;) {
        char byte;
        ssize_t n = read(g_signal_pipe[0], &byte, 1);
        if (n == 1) {
            SDL_Event e;
            SDL_zero(e);
            e.type = g_user_event;
            e.user.code = USER_QUIT_SIGNAL;
            SDL_PushEvent(&e);
        } else if (n == 0 || (n < 0 && errno != EINTR)) {
            return 0;
        }
    }
}

static bool file_readable(const char *path)
{
    return path && access(path, R_OK) == 0;
}

/* Finds a font with wide coverage: the configured one, a copy next to the
 * program, or Debian's DejaVu / Noto packages. */
static vb_code find_fonts(platform *p, const platform_config *cfg, vb_err *err)
{
    static const char *const regular[] = {
        "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Regular.ttf",
        "/usr/local/share/fonts/DejaVuSans.ttf",
    };
    static const char *const bold[] = {
        "/usr/share/fonts/truetype/dejavu/DejaVuSans-Bold.ttf",
        "/usr/share/fonts/truetype/noto/NotoSans-Bold.ttf",
        "/usr/local/share/fonts/DejaVuSans-Bold.ttf",
    };
    char tried[1024] = "";
    const char *env = getenv("VERBETERBORD_FONT");
    const char *want = cfg->font_path ? cfg->font_path : env;
    if (want) {
        if (!file_readable(want))
            return vb_fail(err, VB_ERR_NOTFOUND, "font file not found or not readable: %s", want);
        snprintf(p->font_path, sizeof p->font_path, "%s", want);
        snprintf(p->font_bold_path, sizeof p->font_bold_path, "%s",
                 cfg->font_bold_path && file_readable(cfg->font_bold_path) ? cfg->font_bold_path : want);
        return VB_OK;
    }
    for (size_t i = 0; i < sizeof regular / sizeof regular[0]; i++) {
        if (file_readable(regular[i])) {
            snprintf(p->font_path, sizeof p->font_path, "%s", regular[i]);
            snprintf(p->font_bold_path, sizeof p->font_bold_path, "%s",
                     file_readable(bold[i]) ? bold[i] : regular[i]);
            return VB_OK;
        }
        size_t used = strlen(tried);
        snprintf(tried + used, sizeof tried - used, "%s%s", used ? ", " : "", regular[i]);
    }
    return vb_fail(err, VB_ERR_NOTFOUND,
                   "no font found (tried %s); install fonts-dejavu-core (make deps) or pass --font FILE", tried);
}

static TTF_Font *font_at(platform *p, int px, bool bold)
{
    if (px < 4)
        px = 4;
    if (px > 600)
        px = 600;
    font_slot *oldest = &p->fonts[0];
    for (int i = 0; i < FONT_SLOTS; i++) {
        font_slot *f = &p->fonts[i];
        if (f->font && f->px == px && f->bold == bold) {
            f->last_used = ++p->use_clock;
            return f->font;
        }
        if (!f->font || (oldest->font && f->last_used < oldest->last_used))
            oldest = f;
    }
    if (oldest->font)
        TTF_CloseFont(oldest->font);
    oldest->font = TTF_OpenFont(bold ? p->font_bold_path : p->font_path, px);
    oldest->px = px;
    oldest->bold = bold;
    oldest->last_used = ++p->use_clock;
    return oldest->font;
}

/* A window on a display, fullscreen (the display's size) or w x h at x_offset. */
static vb_code open_window(output *o, const char *title, int display, int w, int h, bool windowed, bool gpu,
                           int x_offset, vb_err *err)
{
    if (display < 0 || display >= SDL_GetNumVideoDisplays())
        display = 0;
    uint32_t flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
    if (!windowed) {
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        SDL_DisplayMode mode;
        if (SDL_GetDesktopDisplayMode(display, &mode) == 0) {
            w = mode.w;
            h = mode.h;
        }
    }
    if (w <= 0 || h <= 0) {
        w = 1280;
        h = 800;
    }
    o->window = SDL_CreateWindow(title ? title : "Verbeterbord", SDL_WINDOWPOS_CENTERED_DISPLAY(display),
                                 SDL_WINDOWPOS_CENTERED_DISPLAY(display), w, h, flags);
    if (!o->window)
        return vb_fail(err, VB_ERR_INTERNAL, "window: %s", SDL_GetError());
    if (windowed)
        SDL_SetWindowPosition(o->window, x_offset, 0);
    o->renderer = SDL_CreateRenderer(o->window, -1, gpu ? SDL_RENDERER_ACCELERATED : SDL_RENDERER_SOFTWARE);
    if (!o->renderer && gpu)
        o->renderer = SDL_CreateRenderer(o->window, -1, SDL_RENDERER_SOFTWARE);
    if (!o->renderer)
        return vb_fail(err, VB_ERR_INTERNAL, "renderer: %s", SDL_GetError());
    SDL_GetRendererOutputSize(o->renderer, &o->width, &o->height);
    SDL_SetRenderDrawBlendMode(o->renderer, SDL_BLENDMODE_BLEND);
    return VB_OK;
}

vb_code platform_open_second(platform *p, int display, int w, int h, bool windowed, vb_err *err)
{
    if (!p->video_inited)
        return vb_fail(err, VB_ERR_INVALID, "a second screen needs a display");
    if (SDL_GetNumVideoDisplays() <= display && !windowed)
        return vb_fail(err, VB_ERR_NOTFOUND, "display %d does not exist (there are %d)", display,
                       SDL_GetNumVideoDisplays());
    output *o = calloc(1, sizeof *o);
    if (!o)
        return vb_fail(err, VB_ERR_NOMEM, "out of memory");
    bool gpu = SDL_GetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION) == NULL ||
               strcmp(SDL_GetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION), "0") != 0;
    vb_code rc = open_window(o, "Verbeterbord wall", display, w, h, windowed, gpu, p->main.width, err);
    if (rc != VB_OK) {
        output_close(o);
        free(o);
        return rc;
    }
    p->second = o;
    return VB_OK;
}

bool platform_has_second(const platform *p)
{
    return p->second != NULL;
}

void platform_second_size(const platform *p, int *w, int *h)
{
    *w = p->second ? p->second->width : 0;
    *h = p->second ? p->second->height : 0;
}

void platform_render_second(platform *p, const ui_cmd *cmds, int count, ui_color bg)
{
    if (p->second)
        render_output(p, p->second, cmds, count, bg);
}

void platform_present_second(platform *p)
{
    if (p->second)
        SDL_RenderPresent(p->second->renderer);
}

vb_code platform_open(platform **out, const platform_config *cfg, vb_err *err)
{
    *out = NULL;
    platform *p = calloc(1, sizeof *p);
    if (!p)
        return vb_fail(err, VB_ERR_NOMEM, "out of memory");
    p->user_event = (uint32_t)-1;
    vb_code rc = find_fonts(p, cfg, err);
    if (rc != VB_OK) {
        free(p);
        return rc;
    }
    SDL_SetHint(SDL_HINT_NO_SIGNAL_HANDLERS, "1");
    SDL_SetHint(SDL_HINT_TOUCH_MOUSE_EVENTS, "0");
    SDL_SetHint(SDL_HINT_MOUSE_TOUCH_EVENTS, "0");
    SDL_SetHint(SDL_HINT_VIDEO_MINIMIZE_ON_FOCUS_LOSS, "0");
    /* Under cage (Wayland), libdecor makes SDL 2.26 drop its own window
     * right after creating it: a kiosk needs no decorations anyway. */
    SDL_SetHint(SDL_HINT_VIDEO_WAYLAND_ALLOW_LIBDECOR, "0");
    if (TTF_Init() != 0) {
        rc = vb_fail(err, VB_ERR_INTERNAL, "SDL_ttf: %s", TTF_GetError());
        free(p);
        return rc;
    }
    if (cfg->offscreen) {
        p->main.width = cfg->width > 0 ? cfg->width : 1920;
        p->main.height = cfg->height > 0 ? cfg->height : 1080;
        p->main.offscreen = SDL_CreateRGBSurfaceWithFormat(0, p->main.width, p->main.height, 32, SDL_PIXELFORMAT_ARGB8888);
        if (p->main.offscreen)
            p->main.renderer = SDL_CreateSoftwareRenderer(p->main.offscreen);
        if (!p->main.renderer) {
            rc = vb_fail(err, VB_ERR_INTERNAL, "offscreen renderer: %s", SDL_GetError());
            platform_close(p);
            return rc;
        }
    } else {
        if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0) {
            rc = vb_fail(err, VB_ERR_INTERNAL, "SDL video: %s (is a display available? try SDL_VIDEODRIVER)",
                         SDL_GetError());
            platform_close(p);
            return rc;
        }
        p->video_inited = true;
        /* The software renderer without framebuffer acceleration keeps Mesa
         * (and libLLVM) out of an X11 process: ~14 MB instead of ~100 MB.
         * Wayland and KMSDRM can only show frames through it, so there it
         * stays on. */
        const char *driver = SDL_GetCurrentVideoDriver();
        if (!cfg->gpu && driver && (strcmp(driver, "x11") == 0 || strcmp(driver, "dummy") == 0 ||
                                    strcmp(driver, "offscreen") == 0))
            SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
        p->user_event = SDL_RegisterEvents(1);
        g_user_event = p->user_event;
        if (g_signal_pipe[0] >= 0) {
            SDL_Thread *t = SDL_CreateThread(signal_thread, "vb-signals", NULL);
            if (t) {
                SDL_DetachThread(t);
                g_signal_reader_running = 1;
            }
        }
        rc = open_window(&p->main, cfg->title, cfg->display, cfg->width, cfg->height, cfg->windowed, cfg->gpu, 0, err);
        if (rc != VB_OK) {
            platform_close(p);
            return rc;
        }
        if (!cfg->windowed)
            SDL_ShowCursor(SDL_DISABLE);
        SDL_StartTextInput();
    }
    SDL_SetRenderDrawBlendMode(p->main.renderer, SDL_BLENDMODE_BLEND);
    if (!font_at(p, 20, false)) {
        rc = vb_fail(err, VB_ERR_NOTFOUND, "cannot load font %s: %s", p->font_path, TTF_GetError());
        platform_close(p);
        return rc;
    }
    *out = p;
    return VB_OK;
}

static void text_cache_clear(output *o)
{
    for (int i = 0; i < o->text_count; i++) {
        SDL_DestroyTexture(o->texts[i].texture);
        free(o->texts[i].text);
    }
    o->text_count = 0;
}

static void output_close(output *o)
{
    text_cache_clear(o);
    if (o->renderer)
        SDL_DestroyRenderer(o->renderer);
    if (o->offscreen)
        SDL_FreeSurface(o->offscreen);
    if (o->window)
        SDL_DestroyWindow(o->window);
    memset(o, 0, sizeof *o);
}

void platform_close(platform *p)
{
    if (!p)
        return;
    if (p->second) {
        output_close(p->second);
        free(p->second);
    }
    output_close(&p->main);
    for (int i = 0; i < FONT_SLOTS; i++)
        if (p->fonts[i].font)
            TTF_CloseFont(p->fonts[i].font);
    TTF_Quit();
    if (p->video_inited)
        SDL_Quit();
    free(p);
}

void platform_size(const platform *p, int *w, int *h)
{
    *w = p->main.width;
    *h = p->main.height;
}

const char *platform_font_path(const platform *p)
{
    return p->font_path;
}

int64_t platform_ticks_ms(void)
{
    return (int64_t)SDL_GetTicks64();
}

static ui_key map_key(SDL_Keycode k)
{
    switch (k) {
    case SDLK_RETURN:
    case SDLK_KP_ENTER: return UI_KEY_RETURN;
    case SDLK_BACKSPACE: return UI_KEY_BACKSPACE;
    case SDLK_DELETE: return UI_KEY_DELETE;
    case SDLK_LEFT: return UI_KEY_LEFT;
    case SDLK_RIGHT: return UI_KEY_RIGHT;
    case SDLK_UP: return UI_KEY_UP;
    case SDLK_DOWN: return UI_KEY_DOWN;
    case SDLK_HOME: return UI_KEY_HOME;
    case SDLK_END: return UI_KEY_END;
    case SDLK_ESCAPE: return UI_KEY_ESCAPE;
    case SDLK_TAB: return UI_KEY_TAB;
    case SDLK_PAGEUP: return UI_KEY_PAGEUP;
    case SDLK_PAGEDOWN: return UI_KEY_PAGEDOWN;
    case SDLK_F4: return UI_KEY_F4;
    case SDLK_q: return UI_KEY_Q;
    default: return UI_KEY_OTHER;
    }
}

static int map_mods(uint16_t m)
{
    return ((m & KMOD_SHIFT) ? UI_MOD_SHIFT : 0) | ((m & KMOD_CTRL) ? UI_MOD_CTRL : 0) |
           ((m & KMOD_ALT) ? UI_MOD_ALT : 0);
}

/* Translates one SDL event; false for events the kiosk ignores. */
static bool on_second(const platform *p, uint32_t window_id)
{
    return p->second && p->second->window && window_id == SDL_GetWindowID(p->second->window);
}

static bool translate(platform *p, const SDL_Event *e, platform_event *ev)
{
    memset(ev, 0, sizeof *ev);
    ev->timestamp_ms = e->common.timestamp;
    /* the wall screen takes no input: touch maps to the kiosk panel only */
    if (((e->type == SDL_MOUSEBUTTONDOWN || e->type == SDL_MOUSEBUTTONUP) && on_second(p, e->button.windowID)) ||
        (e->type == SDL_MOUSEMOTION && on_second(p, e->motion.windowID)) ||
        ((e->type == SDL_FINGERDOWN || e->type == SDL_FINGERUP || e->type == SDL_FINGERMOTION) &&
         on_second(p, e->tfinger.windowID)))
        return false;
    if (e->type == SDL_WINDOWEVENT && on_second(p, e->window.windowID)) {
        if (e->window.event == SDL_WINDOWEVENT_SIZE_CHANGED)
            SDL_GetRendererOutputSize(p->second->renderer, &p->second->width, &p->second->height);
        if (e->window.event != SDL_WINDOWEVENT_EXPOSED && e->window.event != SDL_WINDOWEVENT_SIZE_CHANGED)
            return false;
        ev->kind = PEV_EXPOSE;
        return true;
    }
    switch (e->type) {
    case SDL_MOUSEBUTTONDOWN:
    case SDL_MOUSEBUTTONUP:
        if (e->button.which == SDL_TOUCH_MOUSEID || e->button.button != SDL_BUTTON_LEFT)
            return false;
        ev->kind = e->type == SDL_MOUSEBUTTONDOWN ? PEV_PRESS : PEV_RELEASE;
        ev->x = e->button.x;
        ev->y = e->button.y;
        return true;
    case SDL_MOUSEMOTION:
        if (e->motion.which == SDL_TOUCH_MOUSEID)
            return false;
        ev->kind = PEV_MOTION;
        ev->x = e->motion.x;
        ev->y = e->motion.y;
        return true;
    case SDL_FINGERDOWN:
    case SDL_FINGERUP:
    case SDL_FINGERMOTION: {
        /* The first finger down owns the gesture until it lifts; any other
         * finger is ignored, and the first time one lands meanwhile (a palm,
         * a second finger) the owner's press stops being a tap. */
        bool owner = p->finger_down && e->tfinger.fingerId == p->finger && e->tfinger.touchId == p->touch_id;
        if (e->type == SDL_FINGERDOWN && p->finger_down && !owner) {
            if (p->finger_cancelled)
                return false;
            p->finger_cancelled = true;
            ev->kind = PEV_CANCEL;
            return true;
        }
        if (e->type == SDL_FINGERDOWN) {
            p->finger_down = true;
            p->finger_cancelled = false;
            p->touch_id = e->tfinger.touchId;
            p->finger = e->tfinger.fingerId;
        } else if (!owner) {
            return false;
        }
        if (e->type == SDL_FINGERUP)
            p->finger_down = false;
        ev->kind = e->type == SDL_FINGERDOWN ? PEV_PRESS : e->type == SDL_FINGERUP ? PEV_RELEASE : PEV_MOTION;
        /* normalised to the kiosk window (0..1): back to its pixels */
        ev->x = (int)lroundf(e->tfinger.x * (float)p->main.width);
        ev->y = (int)lroundf(e->tfinger.y * (float)p->main.height);
        return true;
    }
    case SDL_TEXTINPUT:
        ev->kind = PEV_TEXT;
        snprintf(ev->text, sizeof ev->text, "%s", e->text.text);
        return true;
    case SDL_KEYDOWN:
        ev->kind = PEV_KEY;
        ev->key = map_key(e->key.keysym.sym);
        ev->mods = map_mods(e->key.keysym.mod);
        snprintf(ev->text, sizeof ev->text, "%s", SDL_GetKeyName(e->key.keysym.sym));
        return true;
    case SDL_QUIT:
        ev->kind = PEV_QUIT_WINDOW;
        return true;
    case SDL_WINDOWEVENT:
        switch (e->window.event) {
        case SDL_WINDOWEVENT_SIZE_CHANGED:
            SDL_GetRendererOutputSize(p->main.renderer, &p->main.width, &p->main.height);
            ev->kind = PEV_RESIZE;
            ev->x = p->main.width;
            ev->y = p->main.height;
            return true;
        case SDL_WINDOWEVENT_EXPOSED:
        case SDL_WINDOWEVENT_SHOWN:
        case SDL_WINDOWEVENT_RESTORED:
            ev->kind = PEV_EXPOSE;
            return true;
        case SDL_WINDOWEVENT_CLOSE:
            ev->kind = PEV_QUIT_WINDOW;
            return true;
        default:
            return false;
        }
    default:
        if (e->type == p->user_event && p->user_event != (uint32_t)-1) {
            ev->kind = e->user.code == USER_QUIT_SIGNAL ? PEV_QUIT_SIGNAL : PEV_WAKE;
            return true;
        }
        return false;
    }
}

bool platform_next_event(platform *p, int timeout_ms, platform_event *ev)
{
    if (!p->video_inited)
        return false;
    SDL_Event e;
    int64_t deadline = timeout_ms >= 0 ? platform_ticks_ms() + timeout_ms : -1;
    for (;;) {
        int got;
        if (timeout_ms < 0) {
            got = SDL_WaitEvent(&e);
        } else {
            int64_t left = deadline - platform_ticks_ms();
            if (left < 0)
                left = 0;
            got = left == 0 ? SDL_PollEvent(&e) : SDL_WaitEventTimeout(&e, (int)left);
        }
        if (!got)
            return false;
        if (translate(p, &e, ev))
            return true;
        /* ignored event: keep waiting for the rest of the timeout */
        timeout_ms = timeout_ms < 0 ? -1 : (int)(deadline - platform_ticks_ms());
        if (timeout_ms < 0 && deadline >= 0)
            timeout_ms = 0;
    }
}

bool platform_take_pointer_event(platform *p, platform_event *ev)
{
    if (!p->video_inited)
        return false;
    SDL_PumpEvents();
    SDL_Event e;
    while (SDL_PeepEvents(&e, 1, SDL_GETEVENT, SDL_MOUSEMOTION, SDL_MOUSEWHEEL) == 1 ||
           SDL_PeepEvents(&e, 1, SDL_GETEVENT, SDL_FINGERDOWN, SDL_FINGERMOTION) == 1) {
        if (translate(p, &e, ev))
            return true;
    }
    return false;
}

bool platform_queue_empty(platform *p)
{
    if (!p->video_inited)
        return true;
    SDL_PumpEvents();
    return SDL_PeepEvents(NULL, 0, SDL_PEEKEVENT, SDL_FIRSTEVENT, SDL_LASTEVENT) == 0;
}

int platform_text_width(void *user, const char *text, size_t len, int px, bool bold)
{
    platform *p = user;
    TTF_Font *f = font_at(p, px, bold);
    if (!f || len == 0)
        return 0;
    char stack[512];
    char *buf = len < sizeof stack ? stack : malloc(len + 1);
    if (!buf)
        return 0;
    memcpy(buf, text, len);
    buf[len] = '\0';
    int w = 0, h = 0;
    TTF_SizeUTF8(f, buf, &w, &h);
    if (buf != stack)
        free(buf);
    return w;
}

static uint64_t text_hash(const char *text, int px, bool bold, ui_color c)
{
    uint64_t h = 1469598103934665603ull;
    for (const char *s = text; *s; s++) {
        h ^= (unsigned char)*s;
        h *= 1099511628211ull;
    }
    uint64_t extra = ((uint64_t)px << 33) ^ ((uint64_t)bold << 32) ^
                     ((uint64_t)c.r << 24 | (uint64_t)c.g << 16 | (uint64_t)c.b << 8 | c.a);
    return h ^ (extra * 0x9E3779B97F4A7C15ull);
}

/* The texture for a string at a size and colour: rendered once, then reused
 * until it is the least recently used entry of a full cache. */
static text_entry *text_texture(platform *p, output *o, const char *text, int px, bool bold, ui_color c)
{
    uint64_t h = text_hash(text, px, bold, c);
    int victim = -1;
    for (int i = 0; i < o->text_count; i++) {
        text_entry *t = &o->texts[i];
        if (t->hash == h && t->px == px && t->bold == bold && strcmp(t->text, text) == 0) {
            t->last_used = ++p->use_clock;
            return t;
        }
        if (victim < 0 || t->last_used < o->texts[victim].last_used)
            victim = i;
    }
    TTF_Font *f = font_at(p, px, bold);
    if (!f)
        return NULL;
    SDL_Color col = { c.r, c.g, c.b, c.a };
    SDL_Surface *s = TTF_RenderUTF8_Blended(f, text, col);
    if (!s)
        return NULL;
    SDL_Texture *tex = SDL_CreateTextureFromSurface(o->renderer, s);
    int w = s->w, hgt = s->h;
    SDL_FreeSurface(s);
    if (!tex)
        return NULL;
    char *copy = strdup(text);
    if (!copy) {
        SDL_DestroyTexture(tex);
        return NULL;
    }
    text_entry *t;
    if (o->text_count < TEXT_CACHE_CAPACITY) {
        t = &o->texts[o->text_count++];
    } else {
        t = &o->texts[victim];
        SDL_DestroyTexture(t->texture);
        free(t->text);
    }
    t->hash = h;
    t->text = copy;
    t->px = px;
    t->bold = bold;
    t->color = c;
    t->texture = tex;
    t->w = w;
    t->h = hgt;
    t->last_used = ++p->use_clock;
    return t;
}

void platform_text_cache_flush(platform *p)
{
    text_cache_clear(&p->main);
    if (p->second)
        text_cache_clear(p->second);
}

void platform_text_cache_stats(const platform *p, int *entries, int *capacity)
{
    *entries = p->main.text_count;
    *capacity = TEXT_CACHE_CAPACITY;
}

/* Rounded rectangles are drawn as horizontal spans (exact, no thin
 * triangles for the software rasteriser to get wrong): the corner rows of
 * a filled shape, or of the ring of an outline, each as one 1-pixel rect. */
#define MAX_SPANS 2048

typedef struct span_list {
    SDL_Rect r[MAX_SPANS];
    int n;
} span_list;

static void span_add(span_list *l, int x0, int x1, int y)
{
    if (x1 > x0 && l->n < MAX_SPANS)
        l->r[l->n++] = (SDL_Rect){ x0, y, x1 - x0, 1 };
}

static int clamp_radius(ui_rect r, int radius)
{
    int max_r = (r.w < r.h ? r.w : r.h) / 2;
    return radius > max_r ? max_r : radius < 0 ? 0 : radius;
}

/* Half-width of a circle of radius rad at distance dy from its centre. */
static float circle_dx(float rad, float dy)
{
    return dy < rad ? sqrtf(rad * rad - dy * dy) : 0.0f;
}

/* Opaque colours are filled without blending: the software renderer's
 * blend path works pixel by pixel even at full alpha. */
static void set_color(output *o, ui_color c)
{
    SDL_SetRenderDrawBlendMode(o->renderer, c.a == 255 ? SDL_BLENDMODE_NONE : SDL_BLENDMODE_BLEND);
    SDL_SetRenderDrawColor(o->renderer, c.r, c.g, c.b, c.a);
}

static void fill_rect(output *o, ui_rect r, ui_color c, int radius)
{
    set_color(o, c);
    radius = clamp_radius(r, radius);
    if (radius <= 1) {
        SDL_Rect sr = { r.x, r.y, r.w, r.h };
        SDL_RenderFillRect(o->renderer, &sr);
        return;
    }
    static span_list l;
    l.n = 0;
    SDL_Rect mid = { r.x, r.y + radius, r.w, r.h - 2 * radius };
    for (int j = 0; j < radius; j++) {
        float dy = (float)radius - (float)j - 0.5f;
        int dx = (int)lroundf(circle_dx((float)radius, dy));
        int x0 = r.x + radius - dx, x1 = r.x + r.w - radius + dx;
        span_add(&l, x0, x1, r.y + j);
        span_add(&l, x0, x1, r.y + r.h - 1 - j);
    }
    if (mid.h > 0)
        SDL_RenderFillRect(o->renderer, &mid);
    SDL_RenderFillRects(o->renderer, l.r, l.n);
}

static void stroke_rect(output *o, ui_rect r, ui_color c, int width, int radius)
{
    radius = clamp_radius(r, radius);
    if (radius < width)
        radius = 0;
    if (width * 2 >= r.w || width * 2 >= r.h) {
        fill_rect(o, r, c, radius);
        return;
    }
    set_color(o, c);
    SDL_Rect sides[4] = { { r.x + radius, r.y, r.w - 2 * radius, width },
                          { r.x + radius, r.y + r.h - width, r.w - 2 * radius, width },
                          { r.x, r.y + radius, width, r.h - 2 * radius },
                          { r.x + r.w - width, r.y + radius, width, r.h - 2 * radius } };
    SDL_RenderFillRects(o->renderer, sides, 4);
    if (radius == 0)
        return;
    static span_list l;
    l.n = 0;
    float inner = (float)(radius - width);
    for (int j = 0; j < radius; j++) {
        float dy = (float)radius - (float)j - 0.5f;
        int dxo = (int)lroundf(circle_dx((float)radius, dy));
        int dxi = (int)lroundf(circle_dx(inner, dy));
        int left_c = r.x + radius, right_c = r.x + r.w - radius;
        int top = r.y + j, bottom = r.y + r.h - 1 - j;
        span_add(&l, left_c - dxo, left_c - dxi, top);
        span_add(&l, right_c + dxi, right_c + dxo, top);
        span_add(&l, left_c - dxo, left_c - dxi, bottom);
        span_add(&l, right_c + dxi, right_c + dxo, bottom);
    }
    SDL_RenderFillRects(o->renderer, l.r, l.n);
}

static void render_output(platform *p, output *o, const ui_cmd *cmds, int count, ui_color bg)
{
    SDL_RenderSetClipRect(o->renderer, NULL);
    SDL_SetRenderDrawColor(o->renderer, bg.r, bg.g, bg.b, 255);
    SDL_RenderClear(o->renderer);
    for (int i = 0; i < count; i++) {
        const ui_cmd *c = &cmds[i];
        switch (c->kind) {
        case UI_CMD_RECT:
            if (c->border > 0)
                stroke_rect(o, c->rect, c->color, c->border, c->radius);
            else
                fill_rect(o, c->rect, c->color, c->radius);
            break;
        case UI_CMD_TEXT: {
            text_entry *t = text_texture(p, o, c->text, c->font_px, c->bold, c->color);
            if (t) {
                SDL_Rect dst = { c->rect.x, c->rect.y, t->w, t->h };
                SDL_RenderCopy(o->renderer, t->texture, NULL, &dst);
            }
            break;
        }
        case UI_CMD_CLIP: {
            SDL_Rect clip = { c->rect.x, c->rect.y, c->rect.w, c->rect.h };
            bool full = c->rect.x <= 0 && c->rect.y <= 0 && c->rect.w >= o->width && c->rect.h >= o->height;
            SDL_RenderSetClipRect(o->renderer, full ? NULL : &clip);
            break;
        }
        }
    }
    SDL_RenderSetClipRect(o->renderer, NULL);
}

void platform_render(platform *p, const ui_cmd *cmds, int count, ui_color bg)
{
    render_output(p, &p->main, cmds, count, bg);
}

void platform_present(platform *p)
{
    SDL_RenderPresent(p->main.renderer);
}

vb_code platform_save_png(platform *p, const char *path, vb_err *err)
{
    /* offscreen (--screenshot): the frame is already in memory */
    SDL_Surface *own = NULL, *s = p->main.offscreen;
    if (!s) {
        own = s = SDL_CreateRGBSurfaceWithFormat(0, p->main.width, p->main.height, 32, SDL_PIXELFORMAT_ARGB8888);
        if (!s)
            return vb_fail(err, VB_ERR_NOMEM, "screenshot surface: %s", SDL_GetError());
    } else {
        SDL_RenderFlush(p->main.renderer);
    }
    vb_code rc = VB_OK;
    if (own && SDL_RenderReadPixels(p->main.renderer, NULL, SDL_PIXELFORMAT_ARGB8888, s->pixels, s->pitch) != 0)
        rc = vb_fail(err, VB_ERR_INTERNAL, "read pixels: %s", SDL_GetError());
    else
        rc = png_write_xrgb(path, s->pixels, s->w, s->h, s->pitch, err);
    SDL_FreeSurface(own);
    return rc;
}

static void push(SDL_Event *e)
{
    SDL_PushEvent(e);
}

/* A left mouse button going down (SDL_MOUSEBUTTONDOWN) or up at x, y. */
static void push_button(Uint32 type, int x, int y)
{
    SDL_Event e;
    SDL_zero(e);
    e.type = type;
    e.button.button = SDL_BUTTON_LEFT;
    e.button.state = type == SDL_MOUSEBUTTONDOWN ? SDL_PRESSED : SDL_RELEASED;
    e.button.clicks = 1;
    e.button.x = x;
    e.button.y = y;
    push(&e);
}

void platform_inject_press(platform *p, int x, int y)
{
    (void)p;
    push_button(SDL_MOUSEBUTTONDOWN, x, y);
}

void platform_inject_release(platform *p, int x, int y)
{
    (void)p;
    push_button(SDL_MOUSEBUTTONUP, x, y);
}

void platform_inject_motion(platform *p, int x, int y)
{
    (void)p;
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_MOUSEMOTION;
    e.motion.state = SDL_BUTTON_LMASK;
    e.motion.x = x;
    e.motion.y = y;
    push(&e);
}

void platform_inject_text(platform *p, const char *utf8)
{
    (void)p;
    /* SDL_TEXTINPUT holds at most 31 bytes: split at character boundaries. */
    size_t len = strlen(utf8), pos = 0;
    while (pos < len) {
        size_t n = len - pos;
        if (n > sizeof(((SDL_TextInputEvent *)0)->text) - 1) {
            n = sizeof(((SDL_TextInputEvent *)0)->text) - 1;
            while (n > 0 && ((unsigned char)utf8[pos + n] & 0xC0) == 0x80)
                n--;
        }
        SDL_Event e;
        SDL_zero(e);
        e.type = SDL_TEXTINPUT;
        memcpy(e.text.text, utf8 + pos, n);
        e.text.text[n] = '\0';
        push(&e);
        pos += n;
    }
}

bool platform_inject_key(platform *p, const char *name, int mods)
{
    (void)p;
    SDL_Keycode k = SDL_GetKeyFromName(name);
    if (k == SDLK_UNKNOWN)
        return false;
    SDL_Event e;
    SDL_zero(e);
    e.type = SDL_KEYDOWN;
    e.key.state = SDL_PRESSED;
    e.key.keysym.sym = k;
    e.key.keysym.scancode = SDL_GetScancodeFromKey(k);
    e.key.keysym.mod = (uint16_t)(((mods & UI_MOD_SHIFT) ? KMOD_LSHIFT : 0) | ((mods & UI_MOD_CTRL) ? KMOD_LCTRL : 0) |
                                  ((mods & UI_MOD_ALT) ? KMOD_LALT : 0));
    push(&e);
    e.type = SDL_KEYUP;
    e.key.state = SDL_RELEASED;
    push(&e);
    return true;
}

void platform_inject_wake(platform *p)
{
    if (p->user_event == (uint32_t)-1)
        return;
    SDL_Event e;
    SDL_zero(e);
    e.type = p->user_event;
    e.user.code = USER_WAKE;
    push(&e);
}

/* The touch device of injected fingers (any id no real device uses). */
#define INJECTED_TOUCH_ID ((SDL_TouchID)0x7662)

void platform_inject_finger(platform *p, platform_finger what, int finger_id, int x, int y, bool on_second)
{
    const output *o = on_second && p->second ? p->second : &p->main;
    SDL_Event e;
    SDL_zero(e);
    e.type = what == PF_DOWN ? SDL_FINGERDOWN : what == PF_UP ? SDL_FINGERUP : SDL_FINGERMOTION;
    e.tfinger.touchId = INJECTED_TOUCH_ID;
    e.tfinger.fingerId = (SDL_FingerID)finger_id;
    e.tfinger.x = o->width > 0 ? (float)x / (float)o->width : 0.0f;
    e.tfinger.y = o->height > 0 ? (float)y / (float)o->height : 0.0f;
    e.tfinger.pressure = what == PF_UP ? 0.0f : 1.0f;
    e.tfinger.windowID = o->window ? SDL_GetWindowID(o->window) : 0;
    push(&e);
}
