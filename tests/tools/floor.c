/* floor.c: the floor the kiosk's start-up is measured against (issue 10):
 * the least an SDL2 + SDL2_ttf program does to show the same first frame.
 * It opens the same window as the kiosk (SDL's video subsystem, the
 * software renderer with framebuffer acceleration off on X11, DejaVu Sans),
 * renders one line of text, presents it and exits. tests/bench.sh runs it
 * in alternating pairs with `verbeterbord --exit-after-first-frame` and
 * prints the kiosk's time and memory as ratios to these.
 *
 *   floor [--windowed WxH] [--font FILE] [--hold]
 *
 * --hold: after presenting, print "presented" on stdout and wait until stdin
 * closes (for measuring the process's memory at that moment). */
#include <SDL.h>
#include <SDL_ttf.h>
#include <stdbool.h>
#include <stdio.h>
#include <string.h>

int main(int argc, char **argv)
{
    int w = 1920, h = 1080;
    bool windowed = false, hold = false;
    const char *font = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf";
    for (int i = 1; i < argc; i++) {
        if (strcmp(argv[i], "--windowed") == 0 && i + 1 < argc) {
            windowed = sscanf(argv[++i], "%dx%d", &w, &h) == 2;
        } else if (strcmp(argv[i], "--font") == 0 && i + 1 < argc) {
            font = argv[++i];
        } else if (strcmp(argv[i], "--hold") == 0) {
            hold = true;
        } else {
            fprintf(stderr, "usage: floor [--windowed WxH] [--font FILE] [--hold]\n");
            return 2;
        }
    }
    if (SDL_Init(SDL_INIT_VIDEO | SDL_INIT_EVENTS) != 0 || TTF_Init() != 0) {
        fprintf(stderr, "floor: %s\n", SDL_GetError());
        return 1;
    }
    /* as platform_open does on X11: keep Mesa out of the process */
    const char *driver = SDL_GetCurrentVideoDriver();
    if (driver && (strcmp(driver, "x11") == 0 || strcmp(driver, "dummy") == 0))
        SDL_SetHint(SDL_HINT_FRAMEBUFFER_ACCELERATION, "0");
    uint32_t flags = SDL_WINDOW_SHOWN | SDL_WINDOW_ALLOW_HIGHDPI;
    if (!windowed) {
        SDL_DisplayMode mode;
        flags |= SDL_WINDOW_FULLSCREEN_DESKTOP;
        if (SDL_GetDesktopDisplayMode(0, &mode) == 0) {
            w = mode.w;
            h = mode.h;
        }
    }
    SDL_Window *win = SDL_CreateWindow("floor", SDL_WINDOWPOS_CENTERED, SDL_WINDOWPOS_CENTERED, w, h, flags);
    SDL_Renderer *r = win ? SDL_CreateRenderer(win, -1, SDL_RENDERER_SOFTWARE) : NULL;
    TTF_Font *f = TTF_OpenFont(font, 20);
    if (!r || !f) {
        fprintf(stderr, "floor: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Color ink = { 20, 20, 20, 255 };
    SDL_Surface *s = TTF_RenderUTF8_Blended(f, "Verbeterbord: leerpunten, ideeënbus, dagstart", ink);
    SDL_Texture *t = s ? SDL_CreateTextureFromSurface(r, s) : NULL;
    if (!t) {
        fprintf(stderr, "floor: %s\n", SDL_GetError());
        return 1;
    }
    SDL_Rect dst = { 40, 40, s->w, s->h };
    SDL_SetRenderDrawColor(r, 250, 250, 250, 255);
    SDL_RenderClear(r);
    SDL_RenderCopy(r, t, NULL, &dst);
    SDL_RenderPresent(r);
    if (hold) {
        printf("presented\n");
        fflush(stdout);
        while (getchar() != EOF) {
        }
    }
    SDL_FreeSurface(s);
    SDL_DestroyTexture(t);
    TTF_CloseFont(f);
    TTF_Quit();
    SDL_DestroyRenderer(r);
    SDL_DestroyWindow(win);
    SDL_Quit();
    return 0;
}
