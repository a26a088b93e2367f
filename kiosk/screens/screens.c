/* screens.c: the list of screens and their roles (screens.h). */
#include "screens.h"

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

const app_screens screen_registry = {
    .all = screen_all,
    .home = &screen_home,
    .wall = &screen_wall,
    .failure = &screen_dbfail,
    .identify = &screen_identify,
    .lead = &screen_lead,
};
