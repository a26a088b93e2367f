/* theme.h: colours and sizes of the kiosk. Sizes are millimetres on the real
 * panel (turned into pixels by ui_mm), so targets stay glove-sized at every
 * resolution. Text/background pairs are chosen for a contrast of at least
 * 7:1 (checked in tests/test_ui.c). */
#ifndef VB_THEME_H
#define VB_THEME_H

#include "ui.h"

/* Minimum sizes from PRODUCT.md: main actions 20 mm, every target 15 mm. */
#define THEME_MAIN_TARGET_MM 20.0
#define THEME_TARGET_MM 15.0

#define THEME_TEXT_SMALL_MM 4.2
#define THEME_TEXT_BODY_MM 5.2
#define THEME_TEXT_LARGE_MM 7.0
#define THEME_TEXT_TITLE_MM 9.0
#define THEME_PAD_MM 3.0
#define THEME_GAP_MM 3.0
#define THEME_RADIUS_MM 2.0

static const ui_color THEME_BG = { 0xF4, 0xF2, 0xEC, 0xFF };
static const ui_color THEME_SURFACE = { 0xFF, 0xFF, 0xFF, 0xFF };
static const ui_color THEME_TEXT = { 0x14, 0x14, 0x14, 0xFF };
static const ui_color THEME_TEXT_MUTED = { 0x3D, 0x3D, 0x3D, 0xFF };
static const ui_color THEME_BAR = { 0x10, 0x2A, 0x43, 0xFF };       /* top bar, white text */
static const ui_color THEME_ON_DARK = { 0xFF, 0xFF, 0xFF, 0xFF };
static const ui_color THEME_PRIMARY = { 0x0B, 0x3D, 0x91, 0xFF };   /* white text */
static const ui_color THEME_ACCENT = { 0xFF, 0xC4, 0x00, 0xFF };    /* black text */
static const ui_color THEME_DANGER = { 0x9E, 0x12, 0x12, 0xFF };    /* white text */
static const ui_color THEME_OK = { 0x0E, 0x5E, 0x2A, 0xFF };        /* white text */
static const ui_color THEME_BORDER = { 0x3D, 0x3D, 0x3D, 0xFF };
static const ui_color THEME_WARN_BG = { 0xFF, 0xE0, 0x82, 0xFF };   /* black text */

/* The wall outside working hours: darker, still 7:1. */
static const ui_color WALL_DIM_BG = { 0x12, 0x12, 0x12, 0xFF };
static const ui_color WALL_DIM_TEXT = { 0xB8, 0xB8, 0xB8, 0xFF };
static const ui_color WALL_DIM_MUTED = { 0xA8, 0xA8, 0xA8, 0xFF };

typedef enum theme_style {
    STYLE_PRIMARY,   /* main action: dark blue, white text */
    STYLE_SECONDARY, /* white with a dark outline */
    STYLE_ACCENT,    /* safety yellow, black text */
    STYLE_DANGER,    /* dark red, white text */
    STYLE_QUIET      /* discreet: outline only, muted text */
} theme_style;

/* Pixel sizes derived from the panel for one frame. */
typedef struct theme_metrics {
    int text_small, text_body, text_large, text_title;
    int pad, gap, radius, border;
    int target, main_target;
} theme_metrics;

theme_metrics theme_metrics_for(const ui_ctx *ui);
/* WCAG contrast ratio of two opaque colours (1..21). */
double theme_contrast(ui_color a, ui_color b);

#endif
