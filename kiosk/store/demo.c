/* demo.c: fills an empty database with realistic Dutch demo data for a small
 * metal and assembly shop ("Team Assemblage B"): a roster, lines, five weeks
 * of learning points, an idea box with votes and history, a month of daily
 * starts, actions, announcements and the audit trail, so that every screen
 * has something to show. Everything is placed relative to now_s in local
 * time and drawn from a fixed-seed generator, so the same now_s (and time
 * zone) always gives the same database: screenshot tests rely on that. All
 * rows go in one transaction; no time stamp lies after now_s. */
#include "store_internal.h"
#include "store_members.h"

#include <inttypes.h>
#include <stdarg.h>
#include <stdio.h>
#include <string.h>

#include "../core/date.h"
#include "../core/receipt.h"
#include "../core/utf8.h"

#define DEMO_MINUTE 60
#define DEMO_HOUR 3600
#define DEMO_STMTS 24
#define DEMO_MAX_DAGSTARTS 40

/* ---- the data ------------------------------------------------------------ */

enum { LEAD_HENK = 1, LEAD_SANDRA = 2 };

typedef struct demo_member {
    const char *name, *role, *badge, *language;
} demo_member;

/* ids are 1-based positions in this list */
static const demo_member demo_members[] = {
    { "Henk de Vries", "lead", "0451234", "nl" },
    { "Sandra Bakker", "lead", "0451235", "nl" },
    { "Jeroen Jansen", "worker", "0451301", "nl" },
    { "Mohamed El Amrani", "worker", "0451302", "nl" },
    { "Linda Visser", "worker", NULL, "nl" },
    { "Kees van den Berg", "worker", "0451310", "nl" },
    { "Łukasz Wiśniewski", "worker", "0451322", "pl" },
    { "Agnieszka Zając", "worker", "0451323", "pl" },
    { "Piotr Kowalczyk", "worker", NULL, "pl" },
    { "Daan Smit", "worker", "0451330", "nl" },
    { "Ingrid Mulder", "worker", NULL, "nl" },
    { "Tom Hendriks", "worker", "0451341", "nl" },
    { "Sarah Mitchell", "worker", NULL, "en" },
    { "Bas Willems", "worker", NULL, "nl" },
    { "Ricardo Martens", "worker", "0451355", "nl" },
};
#define DEMO_MEMBERS ((int)(sizeof demo_members / sizeof demo_members[0]))

static const char *const demo_places[] = {
    "Lijn 1", "Lijn 2", "Zaagstraat", "Lasrobot 3", "Magazijn", "Expeditie",
};
#define DEMO_PLACES ((int)(sizeof demo_places / sizeof demo_places[0]))

enum { CAT_QUALITY = 1, CAT_SAFETY, CAT_MACHINE, CAT_MATERIAL, CAT_PROCESS, CAT_EXTERNAL, CAT_OTHER };
enum { PL_NONE, PL_LIJN1, PL_LIJN2, PL_ZAAG, PL_LASROBOT, PL_MAGAZIJN, PL_EXPEDITIE };

typedef struct demo_lp {
    int category, place;
    const char *what, *lesson;
    const char *feedback; /* the lead's answer, or NULL */
    int metoo;            /* how many colleagues said "me too" */
    int wall;             /* approved for the wall screen */
} demo_lp;

/* Oldest first: entry i is logged about (39 - i) * 35 / 39 days ago. */
static const demo_lp demo_lps[] = {
    { CAT_QUALITY, PL_LIJN2, "Verkeerde bout M8 i.p.v. M10 gepakt bij Lijn 2; bakjes lijken op elkaar",
      "Bakjes met kleur markeren", "Bakjes zijn nu rood (M8) en blauw (M10). Dank voor het melden!", 0, 1 },
    { CAT_SAFETY, PL_ZAAG, "Zaagsel en spanen op de looproute naast de zaag; bijna uitgegleden",
      "Elke pauze even vegen, bezem bij de zaag ophangen", NULL, 3, 0 },
    { CAT_MACHINE, PL_LASROBOT, "Lasrobot 3 stopte drie keer op een storing in de draadaanvoer",
      "Draadgeleider was vervuild; bij elke nieuwe rol de geleider schoonblazen",
      "TD heeft de geleider vervangen. Schoonblazen staat nu op de checklist bij de cel.", 0, 1 },
    { CAT_MATERIAL, PL_MAGAZIJN, "Plaatstaal van 3 mm lag in het vak van 2 mm",
      "Vakken in stelling 2 duidelijker labelen met de dikte", NULL, 0, 0 },
    { CAT_PROCESS, PL_EXPEDITIE, "Pakbon ontbrak bij de zending naar Hoogeveen, de vrachtwagen moest wachten",
      "Pakbon printen vóór het inpakken, niet erna", NULL, 0, 0 },
    { CAT_EXTERNAL, PL_EXPEDITIE, "Klant meldde krassen op gepoedercoate panelen na transport",
      "Schuimhoeken tussen de panelen leggen en bij de klant navragen wat werkt", NULL, 0, 1 },
    { CAT_QUALITY, PL_LIJN1, "Lasnaad niet doorgelast op 4 van de 20 frames, pas bij de eindcontrole gezien",
      "Na elke 5 frames een steekproef door de lasser zelf", NULL, 0, 0 },
    { CAT_SAFETY, PL_LIJN1, "Noodstop van Lijn 1 stond achter een pallet en was niet bereikbaar",
      "Vak voor de noodstop geel afplakken en vrijhouden", "Het vak is afgeplakt. Goed gezien!", 0, 1 },
    { CAT_MACHINE, PL_ZAAG, "Zaagblad liep warm en de zaagsnede werd scheef",
      "Niveau van de koelvloeistof bij de start van de dienst controleren", NULL, 0, 0 },
    { CAT_MATERIAL, PL_LIJN2, "Doos met afstandsbussen bleek half leeg, de lijn stond 20 minuten stil",
      "Kanbankaart bij de laatste doos leggen in plaats van bij de lege", NULL, 2, 0 },
    { CAT_PROCESS, PL_LIJN1, "Werkinstructie voor frame type B was een oude versie",
      "Alleen de instructie uit de map bij de lijn gebruiken; oude versies meteen weggooien", NULL, 0, 1 },
    { CAT_EXTERNAL, PL_MAGAZIJN, "Bouten geleverd zonder certificaat; de ontvangst kon niet worden afgetekend",
      "Bij de bestelling vermelden dat het 3.1-certificaat mee moet", NULL, 0, 0 },
    { CAT_OTHER, PL_NONE, "Magnetron in de kantine kapot, de pauze liep uit door de wachtrij",
      "Tweede magnetron aanvragen of de pauzes iets spreiden", NULL, 0, 0 },
    { CAT_SAFETY, PL_LASROBOT, "Lasscherm bij de robotcel stond open tijdens het lassen",
      "Deur van de cel koppelen aan de start van de robot", NULL, 0, 0 },
    { CAT_QUALITY, PL_LIJN2, "Gaten in de beugel 2 mm verschoven; de mal was losgetrild",
      "Mal bij de start van elke dienst even natrekken", NULL, 0, 0 },
    { CAT_MACHINE, PL_LIJN1, "Persluchtlekkage bij de schroefmachine, de hele dag een sissend geluid",
      "Lekkages melden met een label op de plek; TD loopt ze op vrijdag na", NULL, 2, 0 },
    { CAT_MATERIAL, PL_EXPEDITIE, "Pallet van slechte kwaliteit brak bij het laden",
      "Kapotte pallets apart zetten met een rood label", NULL, 0, 0 },
    { CAT_PROCESS, PL_ZAAG, "Zaaglijst en werkorder gaven verschillende lengtes voor hetzelfde profiel",
      "Bij twijfel eerst navragen bij werkvoorbereiding, niet zelf kiezen", NULL, 0, 0 },
    { CAT_QUALITY, PL_LIJN1, "Op de werkorder stond RAL 7016, de klant wilde RAL 9005",
      "Kleurcode bij de orderinvoer laten controleren door een tweede persoon", NULL, 0, 0 },
    { CAT_SAFETY, PL_MAGAZIJN, "Heftruck reed achteruit zonder piepsignaal; de zoemer deed het niet",
      "Bij de dagelijkse heftruckcheck ook het achteruitrijsignaal testen",
      "De zoemer is vervangen en staat nu op de dagelijkse checklist. Dank!", 0, 1 },
    { CAT_EXTERNAL, PL_LIJN2, "Klant Van Dijk Metaal wil voortaan foto's van de eindcontrole",
      "Foto maken bij de eindcontrole en bij de order opslaan", NULL, 0, 0 },
    { CAT_MACHINE, PL_LASROBOT, "Na een programmawissel liep de robot naar een oude positie",
      "Na een wissel eerst een droge run op lage snelheid", NULL, 0, 0 },
    { CAT_OTHER, PL_LIJN1, "Nieuwe collega wist niet waar de EHBO-koffer hing",
      "Rondleiding voor nieuwe collega's ook langs EHBO en nooduitgangen", NULL, 0, 0 },
    { CAT_PROCESS, PL_LIJN2, "Twee mensen werkten tegelijk aan dezelfde order zonder het van elkaar te weten",
      "Order op het bord met een magneet op 'bezig' zetten", NULL, 1, 0 },
    { CAT_QUALITY, PL_EXPEDITIE, "Dozen voor Duitsland hadden Nederlandse etiketten",
      "Taal van het etiket controleren bij het afvinken van de pakbon", NULL, 0, 0 },
    { CAT_SAFETY, PL_ZAAG, "Geluid bij de zaag boven 85 dB, gehoorbescherming lag niet bij de hand",
      "Bord 'gehoorbescherming verplicht' bij de zaag hangen",
      "Het bord hangt er. Oordoppen liggen nu in de automaat bij de deur.", 0, 1 },
    { CAT_MATERIAL, PL_LIJN1, "Lijmpatronen over de datum gevonden in de kast",
      "Patronen met de oudste datum vooraan zetten (first in, first out)", NULL, 0, 0 },
    { CAT_MACHINE, PL_LIJN2, "Momentsleutel gaf geen klik meer",
      "Momentsleutels elk half jaar laten kalibreren, met een datumsticker erop", NULL, 0, 0 },
    { CAT_PROCESS, PL_MAGAZIJN, "Orderpicken duurde lang, veelgebruikte onderdelen lagen achterin",
      "Hardlopers vooraan in de stelling leggen", NULL, 0, 1 },
    { CAT_EXTERNAL, PL_ZAAG, "Leverancier stuurde profielen van 6 m in plaats van 6,5 m",
      "Lengte bij ontvangst meten en meteen melden bij inkoop", NULL, 0, 0 },
    { CAT_QUALITY, PL_LASROBOT, "",
      "Eerste product na elke programmawissel laten controleren voordat de serie loopt", NULL, 0, 0 },
    { CAT_SAFETY, PL_EXPEDITIE, "Rolluikdeur ging dicht terwijl er nog een pallet onder stond",
      "Sensor van de deur laten nakijken; tot dan niet onder de deur parkeren", NULL, 0, 0 },
    { CAT_OTHER, PL_NONE, "Verlichting in het toilet bij de kleedkamer werkt al een week niet", "", NULL, 0, 0 },
    { CAT_MACHINE, PL_ZAAG, "Afzuiging van de zaag trok slecht, het stof bleef hangen",
      "Filter van de afzuiging elke week uitkloppen", NULL, 0, 0 },
    { CAT_PROCESS, PL_LIJN1, "Overdracht van vroege naar late dienst was kort, een halve order is dubbel gedaan",
      "Overdrachtsbriefje bij de lijn: wat is af en wat niet", NULL, 3, 0 },
    { CAT_QUALITY, PL_LIJN2, "Schroeven te vast aangedraaid bij de kunststof kap, de kap scheurde",
      "Koppel voor kunststof delen apart instellen op de schroefmachine", NULL, 0, 0 },
    { CAT_SAFETY, PL_LIJN2, "Kabel van de handlamp lag over de looproute",
      "Kabelhaspel met haak aan de paal monteren", NULL, 1, 0 },
    { CAT_EXTERNAL, PL_EXPEDITIE, "Chauffeur van de vervoerder kwam een uur te vroeg, het dock was nog bezet",
      "Vaste laadtijden afspreken met de vervoerder", NULL, 0, 0 },
    { CAT_MATERIAL, PL_LASROBOT, "Lasdraad van het nieuwe merk gaf veel spatten",
      "Bij nieuw materiaal eerst een proefstuk lassen", NULL, 0, 0 },
    { CAT_PROCESS, PL_MAGAZIJN, "Scanner in het magazijn las de barcodes op de nieuwe labels niet",
      "Labelformaat afstemmen met de leverancier van de etiketten", NULL, 0, 0 },
};
#define DEMO_LPS ((int)(sizeof demo_lps / sizeof demo_lps[0]))

typedef struct demo_move {
    const char *to;       /* NULL ends the list */
    int days_ago;         /* strictly fewer than the idea's age */
    const char *feedback; /* or NULL */
} demo_move;

typedef struct demo_idea {
    const char *title, *description;
    int category;
    int author;      /* member id, or 0 for anonymous */
    int age_days;    /* created this many days ago */
    int votes;       /* 0..12 */
    int merged_into; /* idea id for a duplicate, else 0 */
    demo_move moves[4];
} demo_idea;

/* ids are 1-based positions in this list */
static const demo_idea demo_ideas[] = {
    { "Veiligheidsbrillen bij de ingang",
      "Een rek met veiligheidsbrillen bij de ingang van de hal, zodat niemand zonder bril de vloer op loopt. "
      "Nu liggen ze in het kantoor van de teamleider.",
      CAT_SAFETY, 6, 60, 11, 0,
      { { "review", 55, "Goed idee. Ik vraag een offerte aan voor een wandrek." },
        { "trial", 45, "Proefrek hangt bij ingang Noord. Laat weten of het werkt!" },
        { "adopted", 20, "Rekken hangen nu bij beide ingangen. Het magazijn vult de brillen elke week aan." } } },
    { "Heftrucks laden 's nachts",
      "De heftrucks worden nu in de pauze geladen, waardoor er overdag soms geen truck vrij is. "
      "Als we ze 's nachts laden, zijn ze vol bij de start van de vroege dienst.",
      CAT_PROCESS, 14, 50, 9, 0,
      { { "review", 44, NULL }, { "trial", 30, "Proef van twee weken: laden vanaf 22:00 met een tijdschakelaar." } } },
    { "Productielijn 2 beter verlichten",
      "Bij Lijn 2 is het licht boven de montagetafels te zwak, vooral in de late dienst. "
      "Kleine onderdelen en lasnaden zijn slecht te zien.",
      CAT_QUALITY, 0, 40, 12, 0,
      { { "review", 35, "De TD meet deze week het lichtniveau." },
        { "adopted", 8, "Er hangen zes nieuwe LED-armaturen boven Lijn 2. Gemeten: van 300 naar 750 lux." } } },
    { "Gereedschapsbord met schaduwcontouren",
      "Een bord bij Lijn 1 waarop elk gereedschap een eigen omtrek heeft. "
      "Dan zie je meteen wat er ontbreekt en hoeven we niet meer te zoeken.",
      CAT_PROCESS, 4, 65, 10, 0,
      { { "review", 60, NULL },
        { "trial", 40, "Het proefbord hangt bij Lijn 1. Graag reacties bij de dagstart." },
        { "adopted", 15, "Het bord werkt: zoeken naar gereedschap is bijna verleden tijd. Lijn 2 krijgt er ook een." } } },
    { "Kleurcodes voor bakjes met bouten",
      "Bouten M8 en M10 lijken op elkaar. Met gekleurde bakjes (rood en blauw) pakken we minder vaak de verkeerde.",
      CAT_QUALITY, 3, 30, 7, 0,
      { { "review", 26, NULL },
        { "adopted", 20, "Bakjes zijn gemarkeerd: M8 rood, M10 blauw. De M6 krijgt ook een kleur (geel)." } } },
    { "Tweede magnetron in de kantine",
      "In de pauze staan we lang te wachten bij de magnetron. Met een tweede magnetron is iedereen sneller klaar.",
      CAT_OTHER, 0, 25, 8, 0,
      { { "review", 20, NULL },
        { "declined", 10, "Niet ingevoerd: de groep in de kantine kan geen tweede magnetron aan. Wel beginnen de pauzes "
                          "van Lijn 1 en Lijn 2 nu 10 minuten na elkaar, zodat de rij korter is." } } },
    { "Afzuiging automatisch aan met de zaag",
      "We vergeten soms de afzuiging aan te zetten. Als de afzuiging meestart met de zaag, blijft de lucht schoner.",
      CAT_SAFETY, 10, 35, 6, 0,
      { { "review", 28, "De elektricien kijkt of dit kan met een relais." } } },
    { "Vaste plek voor de palletwagen bij Expeditie",
      "De palletwagen staat steeds ergens anders. Een vak op de vloer met 'P' erin scheelt zoeken.",
      CAT_PROCESS, 15, 20, 4, 0, { { NULL, 0, NULL } } },
    { "Foto van de eindcontrole bij elke order",
      "Klanten vragen steeds vaker om bewijs. Met een tablet bij de eindcontrole zetten we een foto bij de order.",
      CAT_EXTERNAL, 0, 18, 5, 0, { { "review", 12, "Ik overleg met IT over een tablet." } } },
    { "Reserve draadgeleiders voor Lasrobot 3",
      "Als de draadgeleider stuk is, staat de robot een halve dag stil tot er een nieuwe is.",
      CAT_MACHINE, 12, 28, 6, 0,
      { { "review", 25, NULL },
        { "adopted", 18, "Vijf reservegeleiders liggen in de kast bij de cel. Het magazijn bestelt bij als er nog 2 zijn." } } },
    { "Pauzeschema op het bord bij de lijn",
      "Dan weet iedereen wie wanneer pauze heeft en wie de lijn overneemt.",
      CAT_PROCESS, 0, 15, 3, 0, { { NULL, 0, NULL } } },
    { "Oordoppenautomaat bij de zaagstraat",
      "Gehoorbescherming ligt nu in het magazijn. Een automaat bij de deur van de Zaagstraat is handiger.",
      CAT_SAFETY, 0, 22, 7, 0,
      { { "review", 19, NULL }, { "trial", 14, "De automaat staat bij de deur van de Zaagstraat. Proef van een maand." } } },
    { "Stofvrije opslag voor poedercoatdelen",
      "Gecoate delen worden stoffig als ze lang in de hal staan. Een afgesloten ruimte voorkomt nawerk.",
      CAT_QUALITY, 11, 45, 2, 0,
      { { "review", 40, NULL },
        { "declined", 30, "Niet ingevoerd: er is geen plaats voor een afgesloten ruimte. De rekken worden nu wel "
                          "afgedekt met folie." } } },
    { "Kanbankaarten voor afstandsbussen",
      "Met een twee-bakkensysteem en een kaart bij de laatste bak raken de afstandsbussen niet meer op.",
      CAT_MATERIAL, 0, 27, 5, 0,
      { { "review", 24, NULL }, { "trial", 16, "Proef met twee bakken op Lijn 2." } } },
    { "Storingskaart van de lasrobot in het Pools",
      "Niet iedereen leest vlot Nederlands. Een korte Poolse versie van de storingskaart bij Lasrobot 3 helpt.",
      CAT_PROCESS, 7, 12, 6, 0, { { "review", 7, "Agnieszka helpt met de vertaling. Dank!" } } },
    { "Veiligheidsbril bij de ingang van de hal",
      "Bij de ingang liggen geen brillen, je moet eerst terug naar het kantoor.",
      CAT_SAFETY, 0, 48, 1, 1,
      { { "duplicate", 46, "Dit idee staat er al: 'Veiligheidsbrillen bij de ingang'. Stem daar mee!" } } },
    { "Extra sensor op de rolluikdeur van Expeditie",
      "De deur ziet een lage pallet niet. Een tweede sensor laag bij de vloer voorkomt schade.",
      CAT_SAFETY, 0, 10, 4, 0, { { NULL, 0, NULL } } },
    { "Overdrachtsbord tussen vroege en late dienst",
      "Een klein whiteboard bij elke lijn: wat is af, wat loopt nog, waar moet je op letten.",
      CAT_PROCESS, 11, 9, 8, 0, { { "review", 5, "We bespreken de opzet bij de dagstart van maandag." } } },
    { "Momentsleutels elk halfjaar kalibreren",
      "Een sleutel die niet meer klikt merk je pas als het misgaat. Vaste kalibratie met een sticker.",
      CAT_MACHINE, 0, 8, 2, 0, { { NULL, 0, NULL } } },
    { "Vaste laadtijden met de vervoerder",
      "Dan staat er geen chauffeur te wachten en is het dock vrij als de vrachtwagen komt.",
      CAT_EXTERNAL, 13, 6, 3, 0, { { NULL, 0, NULL } } },
    { "Grotere spanenbak onder de zaag",
      "De bak is voor het einde van de dienst vol en dan ligt het spul op de vloer.",
      CAT_MACHINE, 0, 5, 1, 0, { { NULL, 0, NULL } } },
    { "Hardlopers vooraan in het magazijn",
      "De onderdelen die we het meest pakken liggen achterin. Omdraaien scheelt veel lopen.",
      CAT_MATERIAL, 9, 33, 5, 0,
      { { "review", 30, NULL },
        { "trial", 21, "Stelling 1 en 2 zijn omgezet. Na drie weken meten we de picktijd." },
        { "adopted", 3, "De picktijd is gemiddeld 12% korter. Zo blijft het." } } },
    { "Looproutes in de hal geel markeren",
      "Tussen Lijn 1 en de Zaagstraat lopen heftrucks en mensen door elkaar. Gele lijnen maken de route duidelijk.",
      CAT_SAFETY, 0, 4, 6, 0, { { NULL, 0, NULL } } },
    { "Sta-zitkruk bij de eindcontrole",
      "Bij lange series sta je uren op dezelfde plek. Een sta-zitkruk ontlast de rug.",
      CAT_OTHER, 5, 3, 0, 0, { { NULL, 0, NULL } } },
    { "Nieuwe collega's een maatje geven",
      "De eerste weken een vast aanspreekpunt op de lijn, zodat je niet alles zelf hoeft uit te zoeken.",
      CAT_OTHER, 0, 1, 2, 0, { { NULL, 0, NULL } } },
};
#define DEMO_IDEAS ((int)(sizeof demo_ideas / sizeof demo_ideas[0]))

typedef enum demo_origin { FROM_LP, FROM_IDEA, FROM_DAGSTART } demo_origin;

typedef struct demo_action {
    const char *description;
    int owner;
    demo_origin origin;
    int source;          /* lp index (0-based), idea id, or days ago of the daily start */
    int due_days;        /* relative to today */
    const char *status;  /* open, done, dropped */
    int closed_days_ago; /* for done and dropped */
    const char *note;
} demo_action;

static const demo_action demo_actions[] = {
    { "Bakjes M8 en M10 met kleur markeren", 3, FROM_LP, 0, -28, "done", 29, "Ook de M6 is gemarkeerd (geel)" },
    { "Vak voor de noodstop van Lijn 1 geel afplakken", 6, FROM_LP, 7, -20, "done", 22, NULL },
    { "Achteruitrijsignaal van de heftruck laten repareren", 14, FROM_LP, 19, -10, "done", 12,
      "Leverancier heeft de zoemer vervangen" },
    { "Bord gehoorbescherming bij de zaag ophangen", 10, FROM_LP, 25, -5, "done", 6, NULL },
    { "Sensor van de rolluikdeur Expeditie laten nakijken", 15, FROM_LP, 31, -2, "open", 0, NULL },
    { "Schaduwbord voor gereedschap ook bij Lijn 2 maken", 4, FROM_IDEA, 4, 7, "open", 0, NULL },
    { "Offerte opvragen voor een tablet bij de eindcontrole", LEAD_SANDRA, FROM_IDEA, 9, 0, "open", 0, NULL },
    { "Resultaat van de proef met nachtladen heftrucks meten", 12, FROM_IDEA, 2, 3, "open", 0, NULL },
    { "Lamp boven de Zaagstraat laten vervangen door de TD", LEAD_HENK, FROM_DAGSTART, 9, -4, "open", 0, NULL },
    { "Map met werkinstructies bij Lijn 1 opschonen", 5, FROM_DAGSTART, 20, -13, "dropped", 10,
      "Vervalt: de digitale werkinstructies komen volgende maand" },
    { "Overdrachtsbriefje vroeg/laat een week uitproberen", 11, FROM_LP, 34, 10, "open", 0, NULL },
};
#define DEMO_ACTIONS ((int)(sizeof demo_actions / sizeof demo_actions[0]))

/* ---- the filler ---------------------------------------------------------- */

typedef struct demo_dagstart {
    vb_day day;
    char day_text[11];
    int64_t started_at;
} demo_dagstart;

typedef struct demo {
    store *s;
    vb_err *err;
    uint64_t rng;
    int64_t now_s;
    vb_local now;
    struct {
        const char *sql;
        sqlite3_stmt *st;
    } stmts[DEMO_STMTS];
    int nstmts;
    char lp_id[DEMO_LPS][17];
    char lp_dagstart_day[DEMO_LPS][11];
    bool lp_discussed[DEMO_LPS];
    int64_t lp_feedback_at[DEMO_LPS];
    int64_t idea_created[DEMO_IDEAS + 1];
    int64_t idea_changed[DEMO_IDEAS + 1];
    demo_dagstart dagstarts[DEMO_MAX_DAGSTARTS];
    int ndagstarts;
} demo;

/* splitmix64: small, fast and the same on every platform. */
static uint64_t demo_next(demo *d)
{
    uint64_t z = (d->rng += UINT64_C(0x9E3779B97F4A7C15));
    z = (z ^ (z >> 30)) * UINT64_C(0xBF58476D1CE4E5B9);
    z = (z ^ (z >> 27)) * UINT64_C(0x94D049BB133111EB);
    return z ^ (z >> 31);
}

/* 0 .. n-1 (n > 0) */
static int demo_below(demo *d, int n)
{
    return (int)(demo_next(d) % (uint64_t)n);
}

static bool is_working_day(vb_day day)
{
    return day.wday >= 1 && day.wday <= 5;
}

/* The working day on or before day. */
static vb_day working_day_back(vb_day day)
{
    while (!is_working_day(day))
        day = vb_day_add(day, -1);
    return day;
}

static vb_day working_day_forward(vb_day day)
{
    while (!is_working_day(day))
        day = vb_day_add(day, 1);
    return day;
}

/* A day n days ago, moved back to a working day. */
static vb_day demo_workday_ago(const demo *d, int n)
{
    return working_day_back(vb_day_add(d->now.day, -n));
}

/* Who leads on day: Sandra stands in while Henk is on leave, 12 to 16 days
 * ago; the daily starts, idea moves and feedback all follow that. */
static int demo_lead_on(const demo *d, vb_day day)
{
    int ago = vb_day_diff(day, d->now.day);
    return ago >= 12 && ago <= 16 ? LEAD_SANDRA : LEAD_HENK;
}

/* Unix time of minute_of_day local time on day, never after now. */
static int64_t demo_at(const demo *d, vb_day day, int minute_of_day)
{
    int64_t t = vb_day_start_unix(day) + (int64_t)minute_of_day * DEMO_MINUTE;
    return t > d->now_s ? d->now_s : t;
}

static int64_t demo_min(int64_t a, int64_t b)
{
    return a < b ? a : b;
}

static int64_t demo_max(int64_t a, int64_t b)
{
    return a > b ? a : b;
}

static sqlite3_stmt *demo_stmt(demo *d, const char *sql)
{
    for (int i = 0; i < d->nstmts; i++) {
        if (d->stmts[i].sql == sql) {
            sqlite3_reset(d->stmts[i].st);
            sqlite3_clear_bindings(d->stmts[i].st);
            return d->stmts[i].st;
        }
    }
    if (d->nstmts == DEMO_STMTS) {
        vb_fail(d->err, VB_ERR_INTERNAL, "demo: too many statements");
        return NULL;
    }
    sqlite3_stmt *st = NULL;
    int rc = sqlite3_prepare_v2(d->s->db, sql, -1, &st, NULL);
    if (rc != SQLITE_OK) {
        store_fail(d->s, d->err, rc, "demo: prepare");
        return NULL;
    }
    d->stmts[d->nstmts].sql = sql;
    d->stmts[d->nstmts].st = st;
    d->nstmts++;
    return st;
}

/* Runs sql once with parameters described by types: 'd' an int, 'l' an
 * int64_t, 't' a const char * (NULL binds NULL); 'D' and 'L' are an int and
 * an int64_t that bind NULL when 0 (no member, no time). */
static vb_code demo_exec(demo *d, const char *sql, const char *types, ...)
{
    sqlite3_stmt *st = demo_stmt(d, sql);
    if (!st)
        return d->err ? d->err->code : VB_ERR_INTERNAL;
    va_list ap;
    va_start(ap, types);
    int rc = SQLITE_OK;
    for (int i = 0; types[i] && rc == SQLITE_OK; i++) {
        switch (types[i]) {
        case 'd': rc = sqlite3_bind_int(st, i + 1, va_arg(ap, int)); break;
        case 'l': rc = sqlite3_bind_int64(st, i + 1, va_arg(ap, int64_t)); break;
        case 'D': {
            int v = va_arg(ap, int);
            rc = v ? sqlite3_bind_int(st, i + 1, v) : sqlite3_bind_null(st, i + 1);
            break;
        }
        case 'L': {
            int64_t v = va_arg(ap, int64_t);
            rc = v ? sqlite3_bind_int64(st, i + 1, v) : sqlite3_bind_null(st, i + 1);
            break;
        }
        case 't': rc = store_bind_text(st, i + 1, va_arg(ap, const char *)); break;
        default: rc = SQLITE_MISUSE; break;
        }
    }
    va_end(ap);
    if (rc != SQLITE_OK)
        return store_fail(d->s, d->err, rc, "demo: bind");
    return store_step_done(d->s, st, d->err, "demo: insert");
}

static vb_code demo_count(demo *d, int64_t *out)
{
    static const char sql[] =
        "SELECT (SELECT count(*) FROM member) + (SELECT count(*) FROM idea)"
        " + (SELECT count(*) FROM learning_point) + (SELECT count(*) FROM place)"
        " + (SELECT count(*) FROM dagstart) + (SELECT count(*) FROM action)";
    sqlite3_stmt *st = demo_stmt(d, sql);
    if (!st)
        return d->err ? d->err->code : VB_ERR_INTERNAL;
    int rc = sqlite3_step(st);
    if (rc != SQLITE_ROW)
        return store_fail(d->s, d->err, rc, "demo: count rows");
    *out = sqlite3_column_int64(st, 0);
    sqlite3_reset(st);
    return VB_OK;
}

static vb_code demo_team(demo *d)
{
    static const char setting_sql[] = "UPDATE setting SET value = ? WHERE key = 'team_name'";
    static const char place_sql[] = "INSERT INTO place (id, name, sort) VALUES (?, ?, ?)";
    static const char member_sql[] =
        "INSERT INTO member (id, name, role, badge, language, created_at) VALUES (?, ?, ?, ?, ?, ?)";
    vb_code rc = demo_exec(d, setting_sql, "t", "Team Assemblage B");
    for (int i = 0; i < DEMO_PLACES && rc == VB_OK; i++)
        rc = demo_exec(d, place_sql, "dtd", i + 1, demo_places[i], i + 1);
    /* The team has been on the board for about two years. */
    vb_day start = vb_day_add(d->now.day, -730);
    for (int i = 0; i < DEMO_MEMBERS && rc == VB_OK; i++) {
        const demo_member *m = &demo_members[i];
        int64_t created = demo_at(d, vb_day_add(start, i / 3), 9 * 60 + demo_below(d, 120));
        rc = demo_exec(d, member_sql, "dttttl", i + 1, m->name, m->role, m->badge, m->language, created);
    }
    return rc;
}

/* A member id other than the ones in taken[0..n). */
static int demo_pick_member(demo *d, const int *taken, int n)
{
    for (;;) {
        int id = 1 + demo_below(d, DEMO_MEMBERS);
        bool used = false;
        for (int i = 0; i < n; i++)
            used = used || taken[i] == id;
        if (!used)
            return id;
    }
}

static vb_code demo_learning_points(demo *d)
{
    static const char lp_sql[] =
        "INSERT INTO learning_point (id, receipt, day, shift_id, dagstart_day, category_id, place_id,"
        " what_happened, lesson, member_id, wall_approved, discussed_day, feedback)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static const char metoo_sql[] = "INSERT INTO learning_point_metoo (learning_point_id, member_id) VALUES (?, ?)";
    char receipts[DEMO_LPS][RECEIPT_SIZE];
    vb_code rc = VB_OK;
    for (int i = 0; i < DEMO_LPS && rc == VB_OK; i++) {
        const demo_lp *p = &demo_lps[i];
        int days_ago = (DEMO_LPS - 1 - i) * 35 / (DEMO_LPS - 1);
        /* Nothing is logged today before the early shift starts. */
        if (days_ago == 0 && d->now.hour < 6)
            days_ago = 1;
        vb_day day = days_ago == 0 ? d->now.day : demo_workday_ago(d, days_ago);
        int shift = 1 + (demo_below(d, 10) < 3);
        if (vb_day_diff(day, d->now.day) == 0 && d->now.hour < 14)
            shift = 1;
        vb_day dagstart = working_day_forward(vb_day_add(day, 1));

        snprintf(d->lp_id[i], sizeof d->lp_id[i], "%016" PRIx64, demo_next(d));
        bool unique;
        do {
            uint64_t v = demo_next(d);
            unsigned char bytes[8];
            for (int b = 0; b < 8; b++)
                bytes[b] = (unsigned char)(v >> (8 * b));
            receipt_from_bytes(bytes, receipts[i]);
            unique = true;
            for (int j = 0; j < i; j++)
                unique = unique && strcmp(receipts[j], receipts[i]) != 0;
        } while (!unique);

        /* About 60 % anonymous, as on a real board. */
        int author = demo_below(d, 5) < 3 ? 0 : 3 + demo_below(d, DEMO_MEMBERS - 2);
        char day_text[11], dagstart_text[11];
        vb_day_format(day, day_text);
        vb_day_format(dagstart, dagstart_text);
        memcpy(d->lp_dagstart_day[i], dagstart_text, sizeof dagstart_text);
        /* Points whose daily start has passed were mostly discussed there. */
        bool discussed = vb_day_diff(dagstart, d->now.day) > 0 && (p->feedback || demo_below(d, 10) < 9);
        d->lp_discussed[i] = discussed;
        const char *feedback = discussed ? p->feedback : NULL;
        rc = demo_exec(d, lp_sql, "tttdtdDttDdtt", d->lp_id[i], receipts[i], day_text, shift, dagstart_text,
                       p->category, p->place, p->what, p->lesson, author, p->wall && discussed ? 1 : 0,
                       discussed ? dagstart_text : NULL, feedback);
        if (rc != VB_OK)
            break;

        int taken[4] = { author };
        for (int k = 0; k < p->metoo && rc == VB_OK; k++) {
            taken[k + 1] = demo_pick_member(d, taken, k + 1);
            rc = demo_exec(d, metoo_sql, "td", d->lp_id[i], taken[k + 1]);
        }
        /* The lead answers at the daily start, or when the action it led to
         * is done (see demo_actions_fill). */
        if (feedback)
            d->lp_feedback_at[i] = demo_at(d, dagstart, 7 * 60 + 20 + demo_below(d, 30));
    }
    return rc;
}

static vb_code demo_idea_votes(demo *d, int id, const demo_idea *idea, int64_t created, int64_t closed)
{
    static const char vote_sql[] = "INSERT INTO vote (idea_id, member_id, at) VALUES (?, ?, ?)";
    int order[DEMO_MEMBERS];
    for (int i = 0; i < DEMO_MEMBERS; i++)
        order[i] = i + 1;
    int n = idea->votes < DEMO_MEMBERS ? idea->votes : DEMO_MEMBERS;
    int64_t from = demo_min(created + 5 * DEMO_MINUTE, d->now_s);
    int64_t to = demo_max(from, closed);
    vb_code rc = VB_OK;
    for (int i = 0; i < n && rc == VB_OK; i++) {
        int j = i + demo_below(d, DEMO_MEMBERS - i);
        int m = order[j];
        order[j] = order[i];
        order[i] = m;
        int64_t at = from + (int64_t)(demo_next(d) % (uint64_t)(to - from + 1));
        rc = demo_exec(d, vote_sql, "ddl", id, m, at);
    }
    return rc;
}

static vb_code demo_ideas_fill(demo *d)
{
    static const char idea_sql[] =
        "INSERT INTO idea (id, title, description, category_id, member_id, status, created_at, status_changed_at,"
        " feedback, feedback_at, first_feedback_at, merged_into) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static const char history_sql[] =
        "INSERT INTO idea_history (idea_id, from_status, to_status, feedback, member_id, at) VALUES (?, ?, ?, ?, ?, ?)";
    static const char search_sql[] = "INSERT INTO idea_search (rowid, folded) VALUES (?, ?)";
    static const char audit_sql[] =
        "INSERT INTO audit_log (at, member_id, action, subject, detail) VALUES (?, ?, ?, ?, ?)";
    vb_code rc = VB_OK;
    for (int id = 1; id <= DEMO_IDEAS && rc == VB_OK; id++) {
        const demo_idea *idea = &demo_ideas[id - 1];
        vb_day created_day = demo_workday_ago(d, idea->age_days);
        int64_t created = demo_at(d, created_day, 6 * 60 + 30 + demo_below(d, 6 * 60));
        /* Work out the moves first: the idea row carries their outcome. */
        int64_t move_at[4] = { 0 };
        int move_lead[4] = { 0 };
        const char *status = "new";
        const char *feedback = NULL;
        int64_t changed = created, feedback_at = 0, first_feedback_at = 0;
        int nmoves = 0;
        while (nmoves < 4 && idea->moves[nmoves].to) {
            const demo_move *mv = &idea->moves[nmoves];
            vb_day day = demo_workday_ago(d, mv->days_ago);
            int64_t at = demo_at(d, day, 13 * 60 + 30 + demo_below(d, 120));
            at = demo_min(demo_max(at, changed + 10 * DEMO_MINUTE), d->now_s);
            move_at[nmoves] = at;
            /* The other lead takes some of the reviews. */
            move_lead[nmoves] = id % 3 == 0 ? LEAD_SANDRA : demo_lead_on(d, day);
            changed = at;
            status = mv->to;
            if (mv->feedback) {
                feedback = mv->feedback;
                feedback_at = at;
                if (!first_feedback_at)
                    first_feedback_at = at;
            }
            nmoves++;
        }
        d->idea_created[id] = created;
        d->idea_changed[id] = nmoves ? changed : 0;
        rc = demo_exec(d, idea_sql, "dttdDtlltLLD", id, idea->title, idea->description, idea->category,
                       idea->author, status, created, changed, feedback, feedback_at, first_feedback_at,
                       idea->merged_into);
        if (rc == VB_OK)
            rc = demo_exec(d, history_sql, "dtttDl", id, NULL, "new", NULL, idea->author, created);
        const char *from = "new";
        for (int k = 0; k < nmoves && rc == VB_OK; k++) {
            const demo_move *mv = &idea->moves[k];
            rc = demo_exec(d, history_sql, "dtttdl", id, from, mv->to, mv->feedback, move_lead[k], move_at[k]);
            if (rc != VB_OK)
                break;
            char subject[24], detail[520];
            snprintf(subject, sizeof subject, "idea:%d", id);
            vb_fmt(detail, sizeof detail, "%s -> %s%s%s", from, mv->to, mv->feedback ? ": " : "",
                   mv->feedback ? mv->feedback : "");
            rc = demo_exec(d, audit_sql, "ldttt", move_at[k], move_lead[k], "idea_status", subject, detail);
            from = mv->to;
        }
        if (rc == VB_OK) {
            char text[1200], folded[4096];
            vb_fmt(text, sizeof text, "%s %s", idea->title, idea->description);
            utf8_fold(text, strlen(text), folded, sizeof folded);
            rc = demo_exec(d, search_sql, "dt", id, folded);
        }
        /* Closed ideas stop collecting votes when they close. */
        bool closed = strcmp(status, "declined") == 0 || strcmp(status, "duplicate") == 0;
        if (rc == VB_OK)
            rc = demo_idea_votes(d, id, idea, created, closed ? changed : d->now_s - DEMO_MINUTE);
    }
    return rc;
}

static vb_code demo_dagstart_items(demo *d, int k, int64_t id)
{
    static const char item_sql[] = "INSERT INTO dagstart_item (dagstart_id, item_key, discussed) VALUES (?, ?, 1)";
    const demo_dagstart *ds = &d->dagstarts[k];
    vb_code rc = VB_OK;
    for (int i = 0; i < DEMO_LPS && rc == VB_OK; i++) {
        if (!d->lp_discussed[i] || strcmp(d->lp_dagstart_day[i], ds->day_text) != 0)
            continue;
        char key[24];
        vb_fmt(key, sizeof key, "lp:%s", d->lp_id[i]);
        rc = demo_exec(d, item_sql, "lt", id, key);
    }
    /* Ideas that moved since the previous daily start. */
    int64_t since = k > 0 ? d->dagstarts[k - 1].started_at : ds->started_at - 3 * 24 * DEMO_HOUR;
    for (int idea = 1; idea <= DEMO_IDEAS && rc == VB_OK; idea++) {
        int64_t changed = d->idea_changed[idea];
        if (changed > since && changed <= ds->started_at) {
            char key[24];
            snprintf(key, sizeof key, "idea:%d", idea);
            rc = demo_exec(d, item_sql, "lt", id, key);
        }
    }
    return rc;
}

static vb_code demo_dagstarts(demo *d)
{
    static const char dagstart_sql[] =
        "INSERT INTO dagstart (id, day, started_at, ended_at, lead_id, section) VALUES (?, ?, ?, ?, ?, 4)";
    static const char section_sql[] =
        "INSERT INTO dagstart_section (dagstart_id, section, elapsed_s) VALUES (?, ?, ?)";
    static const char presence_sql[] =
        "INSERT INTO dagstart_presence (dagstart_id, member_id, present) VALUES (?, ?, ?)";
    static const int weights[5] = { 60, 90, 180, 150, 120 }; /* of 600 */
    vb_code rc = VB_OK;
    d->ndagstarts = 0;
    for (int ago = 30; ago >= 1 && rc == VB_OK; ago--) {
        vb_day day = vb_day_add(d->now.day, -ago);
        if (!is_working_day(day) || d->ndagstarts == DEMO_MAX_DAGSTARTS)
            continue;
        demo_dagstart *ds = &d->dagstarts[d->ndagstarts];
        int64_t id = d->ndagstarts + 1;
        ds->day = day;
        vb_day_format(day, ds->day_text);
        ds->started_at = vb_day_start_unix(day) + 7 * DEMO_HOUR + (demo_below(d, 7) - 2) * DEMO_MINUTE +
                         demo_below(d, 60);
        int64_t length = 8 * DEMO_MINUTE + demo_below(d, 6 * DEMO_MINUTE + 1);
        int lead = demo_lead_on(d, day);
        rc = demo_exec(d, dagstart_sql, "ltlld", id, ds->day_text, ds->started_at, ds->started_at + length, lead);
        int64_t left = length;
        for (int sec = 0; sec < 5 && rc == VB_OK; sec++) {
            int64_t elapsed = left;
            if (sec < 4) {
                elapsed = length * weights[sec] / 600 + demo_below(d, 41) - 20;
                elapsed = demo_max(0, demo_min(elapsed, left));
            }
            left -= elapsed;
            rc = demo_exec(d, section_sql, "ldl", id, sec, elapsed);
        }
        /* Most people are there; one to three are on leave, ill or on the late shift. */
        int absent[3] = { 0, 0, 0 };
        int nabsent = 1 + demo_below(d, 3);
        for (int a = 0; a < nabsent; a++)
            absent[a] = 3 + demo_below(d, DEMO_MEMBERS - 2);
        for (int m = 1; m <= DEMO_MEMBERS && rc == VB_OK; m++) {
            bool present = m != absent[0] && m != absent[1] && m != absent[2];
            if (m == LEAD_SANDRA && lead == LEAD_HENK && demo_below(d, 4) == 0)
                present = false;
            if (m == LEAD_HENK && lead == LEAD_SANDRA)
                present = false;
            rc = demo_exec(d, presence_sql, "ldd", id, m, present ? 1 : 0);
        }
        if (rc == VB_OK)
            rc = demo_dagstart_items(d, d->ndagstarts, id);
        d->ndagstarts++;
    }
    return rc;
}

static const demo_dagstart *demo_find_dagstart(const demo *d, vb_day day)
{
    for (int i = 0; i < d->ndagstarts; i++)
        if (vb_day_diff(d->dagstarts[i].day, day) == 0)
            return &d->dagstarts[i];
    return NULL;
}

static vb_code demo_actions_fill(demo *d)
{
    static const char action_sql[] =
        "INSERT INTO action (id, description, owner_id, due_day, status, note, origin, learning_point_id, idea_id,"
        " created_at, closed_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    static const char *const origins[] = { "learning_point", "idea", "dagstart" };
    vb_code rc = VB_OK;
    for (int i = 0; i < DEMO_ACTIONS && rc == VB_OK; i++) {
        const demo_action *a = &demo_actions[i];
        int64_t created;
        const char *lp_id = NULL;
        int idea_id = 0;
        if (a->origin == FROM_LP) {
            /* Made at the daily start where the point was discussed. */
            lp_id = d->lp_id[a->source];
            vb_day day = d->now.day;
            const demo_dagstart *ds = NULL;
            if (vb_day_parse(d->lp_dagstart_day[a->source], &day))
                ds = demo_find_dagstart(d, day);
            created = ds ? ds->started_at + 6 * DEMO_MINUTE : demo_at(d, day, 7 * 60 + 10);
        } else if (a->origin == FROM_IDEA) {
            idea_id = a->source;
            created = d->idea_changed[idea_id] + DEMO_HOUR;
        } else {
            vb_day day = demo_workday_ago(d, a->source);
            const demo_dagstart *ds = demo_find_dagstart(d, day);
            created = ds ? ds->started_at + 5 * DEMO_MINUTE : demo_at(d, day, 7 * 60 + 10);
        }
        created = demo_min(created, d->now_s - 10 * DEMO_MINUTE);
        vb_day due = vb_day_add(d->now.day, a->due_days);
        if (a->due_days < 0)
            due = working_day_back(due);
        else if (a->due_days > 0)
            due = working_day_forward(due);
        char due_text[11];
        vb_day_format(due, due_text);
        int64_t closed = 0;
        if (strcmp(a->status, "open") != 0) {
            closed = demo_at(d, demo_workday_ago(d, a->closed_days_ago), 10 * 60 + demo_below(d, 5 * 60));
            closed = demo_min(demo_max(closed, created + DEMO_HOUR), d->now_s);
            if (a->origin == FROM_LP && d->lp_feedback_at[a->source])
                d->lp_feedback_at[a->source] = demo_min(closed + 30 * DEMO_MINUTE, d->now_s);
        }
        rc = demo_exec(d, action_sql, "dtdtttttDlL", i + 1, a->description,
                       a->owner, due_text, a->status, a->note, origins[a->origin], lp_id, idea_id, created, closed);
    }
    return rc;
}

/* One audit row per learning point the lead answered. */
static vb_code demo_lp_feedback_audit(demo *d)
{
    static const char audit_sql[] =
        "INSERT INTO audit_log (at, member_id, action, subject, detail) VALUES (?, ?, ?, ?, ?)";
    vb_code rc = VB_OK;
    for (int i = 0; i < DEMO_LPS && rc == VB_OK; i++) {
        int64_t at = d->lp_feedback_at[i];
        if (!at)
            continue;
        char subject[24];
        vb_fmt(subject, sizeof subject, "lp:%s", d->lp_id[i]);
        int lead = demo_lead_on(d, vb_local_from_unix(at).day);
        rc = demo_exec(d, audit_sql, "ldttt", at, lead, "lp_feedback", subject, demo_lps[i].feedback);
    }
    return rc;
}

/* The first day on or after from with the given weekday (0 = Sunday). */
static vb_day demo_next_wday(vb_day from, int wday)
{
    return vb_day_add(from, (wday - from.wday + 7) % 7);
}

static vb_code demo_announcements(demo *d)
{
    static const char sql[] =
        "INSERT INTO announcement (id, text, from_day, to_day, lead_id, created_at) VALUES (?, ?, ?, ?, ?, ?)";
    struct {
        const char *text;
        vb_day from, to;
        int lead;
    } ann[3] = {
        { "Donderdag klantbezoek van Van Dijk Metaal: werkplekken opgeruimd graag", vb_day_add(d->now.day, -2),
          demo_next_wday(d->now.day, 4), LEAD_HENK },
        { "Nieuwe lasdraad (SG3, 1,0 mm) ligt vanaf deze week in het Magazijn, stelling 4. "
          "Eerst een proefstuk lassen bij het wisselen.",
          vb_day_add(d->now.day, -3), vb_day_add(d->now.day, 4), LEAD_SANDRA },
        { "Lasrobot 3 krijgt groot onderhoud en is twee dagen buiten gebruik. "
          "Frames van type B gaan in die tijd naar Lijn 1.",
          working_day_forward(vb_day_add(d->now.day, 1)), working_day_forward(vb_day_add(d->now.day, 1)),
          LEAD_HENK },
    };
    ann[2].to = working_day_forward(vb_day_add(ann[2].from, 1));
    vb_code rc = VB_OK;
    for (int i = 0; i < 3 && rc == VB_OK; i++) {
        char from[11], to[11];
        vb_day_format(ann[i].from, from);
        vb_day_format(ann[i].to, to);
        vb_day written = vb_day_diff(ann[i].from, d->now.day) >= 0 ? ann[i].from : demo_workday_ago(d, 1);
        int64_t created = demo_at(d, working_day_back(vb_day_add(written, -1)), 15 * 60 + demo_below(d, 60));
        rc = demo_exec(d, sql, "dtttdl", i + 1, ann[i].text, from, to, ann[i].lead, created);
    }
    return rc;
}

/* Makes sure the data keeps its promise: nothing dated after now. */
static vb_code demo_check_times(demo *d)
{
    int64_t newest = 0;
    vb_code rc = store_newest_time(d->s, &newest, d->err);
    if (rc == VB_OK && newest > d->now_s)
        rc = vb_fail(d->err, VB_ERR_INTERNAL, "demo: a row is dated %lld, after now (%lld)", (long long)newest,
                     (long long)d->now_s);
    return rc;
}

static vb_code demo_fill(store *s, void *ctx, vb_err *err)
{
    demo *d = ctx;
    d->s = s; /* the connection the write runs on (the writer thread's, if any) */
    d->err = err;
    int64_t rows = 0;
    vb_code rc = demo_count(d, &rows);
    if (rc == VB_OK && rows > 0)
        rc = vb_fail(d->err, VB_ERR_INVALID, "demo data needs an empty database (%s)", d->s->path);
    if (rc == VB_OK)
        rc = demo_team(d);
    if (rc == VB_OK)
        rc = demo_learning_points(d);
    if (rc == VB_OK)
        rc = demo_ideas_fill(d);
    if (rc == VB_OK)
        rc = demo_dagstarts(d);
    if (rc == VB_OK)
        rc = demo_actions_fill(d);
    if (rc == VB_OK)
        rc = demo_lp_feedback_audit(d);
    if (rc == VB_OK)
        rc = demo_announcements(d);
    for (int i = 0; i < d->nstmts; i++)
        sqlite3_finalize(d->stmts[i].st);
    d->nstmts = 0;
    if (rc == VB_OK)
        rc = demo_check_times(d);
    return rc;
}

vb_code store_demo_fill(store *s, int64_t now_s, vb_err *err)
{
    demo d;
    memset(&d, 0, sizeof d);
    d.s = s;
    d.err = err;
    d.rng = UINT64_C(0x5645524245544552); /* "VERBETER" */
    d.now_s = now_s;
    d.now = vb_local_from_unix(now_s);
    vb_code rc = store_write(s, demo_fill, &d, err);
    /* The first demo lead gets PIN 1234, so lead mode can be tried at once
     * (README); the other lead shows how a lead without a PIN looks. */
    if (rc == VB_OK)
        rc = store_member_set_pin(s, 1, DEMO_LEAD_PIN, err);
    return rc;
}
