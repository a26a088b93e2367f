/* idea_status.c: the idea status codes (see idea_status.h). */
#include "idea_status.h"

#include <string.h>

static const char *const codes[IDEA_STATUS_COUNT] = {
    "new", "review", "trial", "adopted", "declined", "duplicate",
};

const char *idea_status_code(idea_status st)
{
    return (unsigned)st < IDEA_STATUS_COUNT ? codes[st] : "";
}

bool idea_status_parse(const char *code, idea_status *out)
{
    for (int i = 0; code && i < IDEA_STATUS_COUNT; i++) {
        if (strcmp(code, codes[i]) == 0) {
            *out = (idea_status)i;
            return true;
        }
    }
    return false;
}

bool idea_status_takes_votes(idea_status st)
{
    return idea_status_is_open(st) || st == IDEA_ADOPTED;
}

bool idea_status_is_open(idea_status st)
{
    return st == IDEA_NEW || st == IDEA_REVIEW || st == IDEA_TRIAL;
}
