/* imgdiff.c: compares a screenshot with its reference image, with a
 * tolerance for the small differences that font rasterisers and renderers
 * make between machines.
 *
 *   imgdiff [--threshold N] [--max-percent P] REFERENCE ACTUAL
 *
 * A pixel differs when any channel (R, G, B, A) differs by more than N
 * (default 48). The images match when they have the same size and at most
 * P percent (default 0.5) of the pixels differ. On a mismatch the actual
 * image is written next to the reference as <reference>.actual.png, and an
 * image of where they differ as <reference>.diff.png (both gitignored).
 *
 * Prints one line saying what it found. Exit status: 0 match, 1 mismatch,
 * 2 an image could not be read or an argument is wrong. */
#include <SDL.h>
#include <SDL_image.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

static SDL_Surface *load_argb(const char *path)
{
    SDL_Surface *raw = IMG_Load(path);
    if (!raw) {
        fprintf(stderr, "imgdiff: cannot read %s: %s\n", path, IMG_GetError());
        return NULL;
    }
    SDL_Surface *s = SDL_ConvertSurfaceFormat(raw, SDL_PIXELFORMAT_ARGB8888, 0);
    SDL_FreeSurface(raw);
    if (!s)
        fprintf(stderr, "imgdiff: cannot convert %s: %s\n", path, SDL_GetError());
    return s;
}

static int channel_diff(uint32_t a, uint32_t b, int shift)
{
    return abs((int)((a >> shift) & 0xFF) - (int)((b >> shift) & 0xFF));
}

static void save_next_to(const char *ref, const char *suffix, SDL_Surface *s)
{
    size_t n = strlen(ref) + strlen(suffix) + 1;
    char *path = malloc(n);
    if (!path)
        return;
    snprintf(path, n, "%s%s", ref, suffix);
    if (IMG_SavePNG(s, path) != 0)
        fprintf(stderr, "imgdiff: cannot write %s: %s\n", path, IMG_GetError());
    else
        printf("imgdiff: wrote %s\n", path);
    free(path);
}

int main(int argc, char **argv)
{
    int threshold = 48;
    double max_percent = 0.5;
    int i = 1;
    for (; i < argc && strncmp(argv[i], "--", 2) == 0; i++) {
        if (strcmp(argv[i], "--threshold") == 0 && i + 1 < argc)
            threshold = atoi(argv[++i]);
        else if (strcmp(argv[i], "--max-percent") == 0 && i + 1 < argc)
            max_percent = atof(argv[++i]);
        else {
            fprintf(stderr, "imgdiff: unknown option %s\n", argv[i]);
            return 2;
        }
    }
    if (argc - i != 2) {
        fprintf(stderr, "usage: imgdiff [--threshold N] [--max-percent P] REFERENCE ACTUAL\n");
        return 2;
    }
    const char *ref_path = argv[i], *act_path = argv[i + 1];
    SDL_Surface *act = load_argb(act_path);
    if (!act)
        return 2;
    SDL_Surface *ref = load_argb(ref_path);
    if (!ref) {
        save_next_to(ref_path, ".actual.png", act);
        SDL_FreeSurface(act);
        return 2;
    }
    int status;
    if (ref->w != act->w || ref->h != act->h) {
        printf("imgdiff: size differs: reference %dx%d, actual %dx%d\n", ref->w, ref->h, act->w, act->h);
        save_next_to(ref_path, ".actual.png", act);
        status = 1;
    } else {
        SDL_Surface *diff = SDL_CreateRGBSurfaceWithFormat(0, ref->w, ref->h, 32, SDL_PIXELFORMAT_ARGB8888);
        long long differing = 0, total = (long long)ref->w * ref->h;
        int worst = 0;
        for (int y = 0; y < ref->h; y++) {
            const uint32_t *a = (const uint32_t *)((const uint8_t *)ref->pixels + (size_t)y * ref->pitch);
            const uint32_t *b = (const uint32_t *)((const uint8_t *)act->pixels + (size_t)y * act->pitch);
            uint32_t *d = diff ? (uint32_t *)((uint8_t *)diff->pixels + (size_t)y * diff->pitch) : NULL;
            for (int x = 0; x < ref->w; x++) {
                int m = 0;
                for (int shift = 0; shift < 32; shift += 8) {
                    int c = channel_diff(a[x], b[x], shift);
                    if (c > m)
                        m = c;
                }
                if (m > worst)
                    worst = m;
                bool differs = m > threshold;
                differing += differs;
                if (d) {
                    /* differing pixels in red over a faded copy of the reference */
                    uint32_t grey = (((a[x] >> 16) & 0xFF) + ((a[x] >> 8) & 0xFF) + (a[x] & 0xFF)) / 3;
                    grey = 160 + grey * 95 / 255;
                    d[x] = differs ? 0xFFFF0000u : (0xFF000000u | grey << 16 | grey << 8 | grey);
                }
            }
        }
        double percent = total ? 100.0 * (double)differing / (double)total : 0;
        status = percent > max_percent ? 1 : 0;
        printf("imgdiff: %s: %lld of %lld pixels differ (%.3f%%, limit %.3f%%), largest channel difference %d\n",
               status ? "differs" : "matches", differing, total, percent, max_percent, worst);
        if (status) {
            save_next_to(ref_path, ".actual.png", act);
            if (diff)
                save_next_to(ref_path, ".diff.png", diff);
        }
        SDL_FreeSurface(diff);
    }
    SDL_FreeSurface(ref);
    SDL_FreeSurface(act);
    return status;
}
