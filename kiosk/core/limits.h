/* limits.h: the one place for the text limits the schema's CHECKs enforce
 * (db/NNNN_*.sql and the anonymous file's schema in store/anon.c), in
 * characters (code points, as SQLite's length() counts them), and the byte
 * sizes of the buffers that hold such a text. Every header and buffer takes
 * them from here; tests/test_limits.c reads the CHECKs from the migrations
 * and fails when a number here and there differ. libc only. */
#ifndef VB_LIMITS_H
#define VB_LIMITS_H

/* Bytes for a text of n characters of UTF-8 (4 bytes each at most) plus
 * the terminating NUL. */
#define VB_TEXT_SIZE(n) ((n) * 4 + 1)

/* setting.key, setting.value */
#define SETTING_KEY_MAX 64
#define SETTING_VALUE_MAX 4000
/* member.name, member.badge, member.pin_hash */
#define ROSTER_NAME_MAX 60
#define ROSTER_BADGE_MIN 3 /* printable ASCII, no spaces */
#define ROSTER_BADGE_MAX 64
#define MEMBER_PIN_HASH_MIN 16
#define MEMBER_PIN_HASH_MAX 256
/* category.code, category.label, category.icon */
#define CATEGORY_CODE_MAX 32
#define STORE_CATEGORY_LABEL_MAX 40
#define CATEGORY_ICON_MAX 32
/* place.name, shift.name, holiday.name */
#define STORE_PLACE_NAME_MAX 40
#define STORE_SHIFT_NAME_MAX 40
#define STORE_HOLIDAY_NAME_MAX 60
/* learning points: id (16 hex), receipt code, what happened / what we
 * learn, a lead's feedback */
#define LP_ID_LEN 16
#define LP_RECEIPT_LEN 7
#define LP_TEXT_MAX_CHARS 200
#define LP_FEEDBACK_MAX_CHARS 300
/* idea.title, idea.description, idea.feedback, idea_history.feedback */
#define IDEA_TITLE_MIN 3
#define IDEA_TITLE_MAX 80
#define IDEA_DESC_MAX 500
#define IDEA_FEEDBACK_MAX 500
/* dagstart.notes, dagstart_item.item_key, dagstart_topic.text,
 * announcement.text */
#define DAGSTART_NOTES_MAX 2000
#define AGENDA_KEY_MIN 3
#define AGENDA_KEY_MAX 40
#define TOPIC_TEXT_MAX 200
#define ANNOUNCEMENT_TEXT_MAX 300
/* action.description, action.note */
#define ACTION_TEXT_MAX 200
/* audit_log.action, .subject, .detail (longer subjects and details are
 * shortened) */
#define AUDIT_ACTION_MAX 40
#define AUDIT_SUBJECT_MAX 80
#define AUDIT_DETAIL_MAX 500
/* anon_pair.token: 32 hex characters */
#define ANON_TOKEN_LEN 32

/* The same numbers as text, for SQL written in C (the anonymous file's
 * schema): VB_STR(LP_TEXT_MAX_CHARS) is "200". */
#define VB_STR_(x) #x
#define VB_STR(x) VB_STR_(x)

#endif
