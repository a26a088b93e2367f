/* idea_flow.c: the idea workflow's status moves and the redaction of a part
 * of a text (see idea_flow.h). */
#include "idea_flow.h"

#include <string.h>

bool flow_is_closed(idea_status st)
{
    return st == IDEA_ADOPTED || st == IDEA_DECLINED;
}

#define BIT(st) (1u << (st))

/* allowed[from]: the statuses it may move to. */
static const unsigned allowed[IDEA_STATUS_COUNT] = {
    [IDEA_NEW] = BIT(IDEA_REVIEW) | BIT(IDEA_DECLINED) | BIT(IDEA_DUPLICATE),
    [IDEA_REVIEW] = BIT(IDEA_TRIAL) | BIT(IDEA_ADOPTED) | BIT(IDEA_DECLINED),
    [IDEA_TRIAL] = BIT(IDEA_ADOPTED) | BIT(IDEA_DECLINED),
    [IDEA_ADOPTED] = BIT(IDEA_REVIEW),
    [IDEA_DECLINED] = BIT(IDEA_REVIEW),
    [IDEA_DUPLICATE] = 0,
};

static bool valid(idea_status st)
{
    return (unsigned)st < IDEA_STATUS_COUNT;
}

bool flow_move_allowed(idea_status from, idea_status to)
{
    return valid(from) && valid(to) && (allowed[from] & BIT(to)) != 0;
}

bool flow_move_is_reopen(idea_status from, idea_status to)
{
    return flow_is_closed(from) && to == IDEA_REVIEW && flow_move_allowed(from, to);
}

bool flow_move_needs_text(idea_status from, idea_status to)
{
    return flow_move_allowed(from, to) && (flow_is_closed(to) || flow_move_is_reopen(from, to));
}

bool flow_text_present(const char *text)
{
    for (const char *c = text; c && *c; c++)
        if (*c != ' ' && *c != '\t' && *c != '\n' && *c != '\r')
            return true;
    return false;
}

flow_verdict flow_check_move(idea_status from, idea_status to, const char *feedback)
{
    if (!valid(from) || !valid(to))
        return FLOW_REFUSED_UNKNOWN;
    if (from == to)
        return FLOW_REFUSED_SAME;
    if (!flow_move_allowed(from, to))
        return FLOW_REFUSED_NOT_ALLOWED;
    if (flow_move_needs_text(from, to) && !flow_text_present(feedback))
        return flow_move_is_reopen(from, to) ? FLOW_REFUSED_NEEDS_REASON : FLOW_REFUSED_NEEDS_FEEDBACK;
    return FLOW_OK;
}

int flow_moves_from(idea_status from, idea_status *out, int max)
{
    static const idea_status order[] = { IDEA_REVIEW, IDEA_TRIAL, IDEA_ADOPTED, IDEA_DECLINED, IDEA_DUPLICATE };
    int n = 0;
    for (size_t i = 0; i < sizeof order / sizeof order[0] && n < max; i++)
        if (flow_move_allowed(from, order[i]))
            out[n++] = order[i];
    return n;
}

bool flow_is_first_feedback(bool had_first_feedback, const char *feedback)
{
    return !had_first_feedback && flow_text_present(feedback);
}

/* ---- redaction ----------------------------------------------------------- */

static bool is_space(char c)
{
    return c == ' ' || c == '\t' || c == '\n' || c == '\r';
}

static char ascii_lower(char c)
{
    return c >= 'A' && c <= 'Z' ? (char)(c - 'A' + 'a') : c;
}

/* Whether text starts with part[0..len), letters A-Z in either case. */
static bool starts_with(const char *text, const char *part, size_t len)
{
    for (size_t i = 0; i < len; i++)
        if (!text[i] || ascii_lower(text[i]) != ascii_lower(part[i]))
            return false;
    return true;
}

int flow_redact(const char *text, const char *part, char *out, size_t size)
{
    if (!text)
        text = "";
    if (!part)
        part = "";
    while (is_space(*part))
        part++;
    size_t plen = strlen(part);
    while (plen > 0 && is_space(part[plen - 1]))
        plen--;
    if (plen == 0 || size == 0)
        return -1;
    const size_t mark_len = strlen(FLOW_REDACTED);
    size_t o = 0;
    int count = 0;
    for (const char *t = text; *t;) {
        if (starts_with(t, part, plen)) {
            if (o + mark_len >= size)
                return -1;
            memcpy(out + o, FLOW_REDACTED, mark_len);
            o += mark_len;
            t += plen;
            count++;
        } else {
            if (o + 1 >= size)
                return -1;
            out[o++] = *t++;
        }
    }
    out[o] = '\0';
    return count;
}
