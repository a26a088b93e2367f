/* screens.c: the list of screens, looked up by name. */
#include "screens.h"

#include <string.h>

const screen_def *const screen_all[] = {
    &screen_home,
    &screen_learning_point,
    &screen_learning_list,
    &screen_receipt,
    &screen_idea_new,
    &screen_ideas,
    &screen_idea_detail,
    &screen_identify,
    &screen_lead,
    &screen_settings,
    &screen_roster,
    &screen_actions,
    &screen_dagstart,
    &screen_review,
    &screen_idea_lead,
    &screen_learning_lead,
    &screen_dbfail,
    &screen_wall,
    NULL,
};

const screen_def *screen_find(const char *name)
{
    if (!name)
        return NULL;
    for (int i = 0; screen_all[i]; i++)
        if (strcmp(screen_all[i]->name, name) == 0)
            return screen_all[i];
    return NULL;
}
