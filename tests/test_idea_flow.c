/* test_idea_flow.c: the idea workflow rule (kiosk/core/idea_flow.c): the
 * whole table of moves, every allowed one and every refused one; feedback
 * required to close; a reason required to reopen; the first feedback; the
 * moves a panel offers; and the redaction of a part of a text. */
#include "../kiosk/core/idea_flow.h"
#include "testlib.h"

static const char *name(idea_status st)
{
    return idea_status_code(st);
}

/* The rule as the issue states it, written out independently of the code. */
static bool expected_allowed(idea_status from, idea_status to)
{
    switch (from) {
    case IDEA_NEW: return to == IDEA_REVIEW || to == IDEA_DECLINED || to == IDEA_DUPLICATE;
    case IDEA_REVIEW: return to == IDEA_TRIAL || to == IDEA_ADOPTED || to == IDEA_DECLINED;
    case IDEA_TRIAL: return to == IDEA_ADOPTED || to == IDEA_DECLINED;
    case IDEA_ADOPTED:
    case IDEA_DECLINED: return to == IDEA_REVIEW;
    default: return false;
    }
}

static void test_table(void)
{
    int allowed = 0, refused = 0;
    for (int f = 0; f < IDEA_STATUS_COUNT; f++) {
        for (int t = 0; t < IDEA_STATUS_COUNT; t++) {
            idea_status from = (idea_status)f, to = (idea_status)t;
            bool want = expected_allowed(from, to);
            char label[96];
            snprintf(label, sizeof label, "move %s -> %s is %s", name(from), name(to), want ? "allowed" : "refused");
            /* with a feedback text the rule alone decides */
            flow_verdict v = flow_check_move(from, to, "Because we measured it.");
            flow_verdict expect = want ? FLOW_OK : from == to ? FLOW_REFUSED_SAME : FLOW_REFUSED_NOT_ALLOWED;
            t_report(flow_move_allowed(from, to) == want && v == expect, label, "allowed %d, verdict %d (want %d)",
                     flow_move_allowed(from, to), (int)v, (int)expect);
            if (want)
                allowed++;
            else
                refused++;
        }
    }
    T_EQ_INT(allowed, 10, "the table has 10 allowed moves");
    T_EQ_INT(refused, 26, "and 26 refused ones (of 36)");
    T_CHECK(flow_check_move((idea_status)99, IDEA_REVIEW, "x") == FLOW_REFUSED_UNKNOWN, "an unknown from is refused");
    T_CHECK(flow_check_move(IDEA_NEW, (idea_status)-1, "x") == FLOW_REFUSED_UNKNOWN, "an unknown to is refused");
    T_CHECK(!flow_move_allowed(IDEA_DUPLICATE, IDEA_REVIEW), "a merged idea is final");
}

static void test_feedback(void)
{
    /* closing needs feedback */
    const idea_status closers[][2] = {
        { IDEA_NEW, IDEA_DECLINED },   { IDEA_REVIEW, IDEA_ADOPTED }, { IDEA_REVIEW, IDEA_DECLINED },
        { IDEA_TRIAL, IDEA_ADOPTED },  { IDEA_TRIAL, IDEA_DECLINED },
    };
    for (size_t i = 0; i < sizeof closers / sizeof closers[0]; i++) {
        idea_status f = closers[i][0], t = closers[i][1];
        char label[96];
        snprintf(label, sizeof label, "%s -> %s needs feedback", name(f), name(t));
        T_CHECK(flow_move_needs_text(f, t) && flow_check_move(f, t, NULL) == FLOW_REFUSED_NEEDS_FEEDBACK &&
                    flow_check_move(f, t, "") == FLOW_REFUSED_NEEDS_FEEDBACK &&
                    flow_check_move(f, t, "  \n\t ") == FLOW_REFUSED_NEEDS_FEEDBACK,
                label);
        snprintf(label, sizeof label, "%s -> %s with feedback is allowed", name(f), name(t));
        T_CHECK(flow_check_move(f, t, "Ingevoerd op lijn 2.") == FLOW_OK, label);
    }
    /* other moves may carry one, and do not need it */
    const idea_status free_moves[][2] = { { IDEA_NEW, IDEA_REVIEW }, { IDEA_REVIEW, IDEA_TRIAL }, { IDEA_NEW, IDEA_DUPLICATE } };
    for (size_t i = 0; i < sizeof free_moves / sizeof free_moves[0]; i++) {
        idea_status f = free_moves[i][0], t = free_moves[i][1];
        char label[96];
        snprintf(label, sizeof label, "%s -> %s needs no feedback, may carry one", name(f), name(t));
        T_CHECK(!flow_move_needs_text(f, t) && flow_check_move(f, t, NULL) == FLOW_OK &&
                    flow_check_move(f, t, "We kijken ernaar.") == FLOW_OK,
                label);
    }
    /* reopening needs a reason */
    T_CHECK(flow_move_is_reopen(IDEA_ADOPTED, IDEA_REVIEW) && flow_move_is_reopen(IDEA_DECLINED, IDEA_REVIEW),
            "adopted/declined -> review is a reopen");
    T_CHECK(!flow_move_is_reopen(IDEA_NEW, IDEA_REVIEW), "new -> review is no reopen");
    T_CHECK(flow_check_move(IDEA_ADOPTED, IDEA_REVIEW, NULL) == FLOW_REFUSED_NEEDS_REASON,
            "reopening an adopted idea without a reason is refused");
    T_CHECK(flow_check_move(IDEA_DECLINED, IDEA_REVIEW, " ") == FLOW_REFUSED_NEEDS_REASON,
            "reopening a declined idea with only spaces is refused");
    T_CHECK(flow_check_move(IDEA_DECLINED, IDEA_REVIEW, "Nieuwe leverancier, nieuwe kans.") == FLOW_OK,
            "reopening with a reason is allowed");
    T_CHECK(flow_check_move(IDEA_ADOPTED, IDEA_DECLINED, "x") == FLOW_REFUSED_NOT_ALLOWED,
            "a closed idea cannot switch to the other outcome directly");

    /* first feedback */
    T_CHECK(flow_is_first_feedback(false, "Goed idee."), "the first move with text is the first feedback");
    T_CHECK(!flow_is_first_feedback(false, NULL) && !flow_is_first_feedback(false, "  "),
            "a move without text is not");
    T_CHECK(!flow_is_first_feedback(true, "Nog meer."), "a later move with text is not the first feedback");
}

static void test_moves_from(void)
{
    idea_status out[8];
    int n = flow_moves_from(IDEA_NEW, out, 8);
    T_CHECK(n == 3 && out[0] == IDEA_REVIEW && out[1] == IDEA_DECLINED && out[2] == IDEA_DUPLICATE,
            "new offers review, not adopted, duplicate");
    n = flow_moves_from(IDEA_REVIEW, out, 8);
    T_CHECK(n == 3 && out[0] == IDEA_TRIAL && out[1] == IDEA_ADOPTED && out[2] == IDEA_DECLINED,
            "review offers trial, adopted, not adopted");
    n = flow_moves_from(IDEA_TRIAL, out, 8);
    T_CHECK(n == 2 && out[0] == IDEA_ADOPTED && out[1] == IDEA_DECLINED, "trial offers adopted, not adopted");
    n = flow_moves_from(IDEA_ADOPTED, out, 8);
    T_CHECK(n == 1 && out[0] == IDEA_REVIEW, "adopted offers reopen");
    n = flow_moves_from(IDEA_DECLINED, out, 8);
    T_CHECK(n == 1 && out[0] == IDEA_REVIEW, "declined offers reopen");
    T_EQ_INT(flow_moves_from(IDEA_DUPLICATE, out, 8), 0, "a duplicate offers nothing");
    T_EQ_INT(flow_moves_from(IDEA_NEW, out, 2), 2, "at most max moves");

    idea_status st;
    T_CHECK(idea_status_parse("trial", &st) && st == IDEA_TRIAL, "parse a stored code");
    T_CHECK(!idea_status_parse("closed", &st) && !idea_status_parse(NULL, &st), "unknown codes are refused");
    T_EQ_STR(idea_status_code(IDEA_DECLINED), "declined", "codes as stored");
}

static void test_redact(void)
{
    char out[256];
    T_EQ_INT(flow_redact("Jan zet de bak verkeerd, zegt jan.", "Jan", out, sizeof out), 2,
             "redact: every occurrence, A-Z in either case");
    T_EQ_STR(out, "[\xE2\x80\xA6] zet de bak verkeerd, zegt [\xE2\x80\xA6].", "redact: the result");
    T_EQ_INT(flow_redact("Geen naam hier.", "Piet", out, sizeof out), 0, "redact: no occurrence");
    T_EQ_STR(out, "Geen naam hier.", "redact: the text unchanged");
    T_EQ_INT(flow_redact("Zoë Wiśniewska stapelde te hoog", "  Zoë Wiśniewska ", out, sizeof out), 1,
             "redact: part trimmed, letters beyond ASCII match exactly");
    T_EQ_STR(out, "[\xE2\x80\xA6] stapelde te hoog", "redact: diacritics handled whole");
    T_EQ_INT(flow_redact("ZOË", "zoë", out, sizeof out), 0, "redact: Ë does not match ë (exact beyond ASCII)");
    T_EQ_INT(flow_redact("abc", "", out, sizeof out), -1, "redact: an empty part is refused");
    T_EQ_INT(flow_redact("abc", "   ", out, sizeof out), -1, "redact: a blank part is refused");
    char small[6];
    T_EQ_INT(flow_redact("a b a b", "a", small, sizeof small), -1, "redact: too small an output is refused");
    T_EQ_INT(flow_redact("aaaa", "aa", out, sizeof out), 2, "redact: matches do not overlap");
    T_CHECK(flow_text_present(" x ") && !flow_text_present(" \n") && !flow_text_present(NULL), "text present");
}

int main(void)
{
    test_table();
    test_feedback();
    test_moves_from();
    test_redact();
    return t_done();
}
