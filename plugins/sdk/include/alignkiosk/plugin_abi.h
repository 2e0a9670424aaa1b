/* alignkiosk plugin ABI, version 1.
 *
 * The contract between the alignkiosk host and a survey-module plugin (a shared library). Plain C so that any
 * compiler can produce a plugin; the C++ convenience layer in plugin.hpp builds these tables for you.
 *
 * Rules of the contract
 *  - A plugin exports exactly one symbol, ALIGNKIOSK_PLUGIN_ENTRY_SYMBOL, a const alignkiosk_plugin_entry_v1.
 *    Everything else is reached through it.
 *  - Every struct starts with its struct_size (and, for the entry, the ABI version) so either side can tell how much
 *    of a struct the other one knows. A published struct is never edited: new fields mean a new struct (_v2) and a
 *    new id for get_factory / get_extension.
 *  - Host major must equal the plugin's major; a plugin whose minor is newer than the host's is refused.
 *  - Threads: every function below is called by the host on its main (UI) thread, never concurrently.
 *  - Ownership: pointers the host passes in stay valid only for the duration of the call unless stated otherwise;
 *    pointers a plugin returns stay owned by the plugin. Variable-length output goes through an
 *    alignkiosk_sink_v1 so no memory ever crosses the boundary to be freed on the other side.
 *  - No function may let a C++ exception escape; the C++ wrapper catches everything at the boundary.
 *  - Plugins never touch files, SQLite or the network: the host hands them their content and takes their answers.
 */
#ifndef ALIGNKIOSK_PLUGIN_ABI_H
#define ALIGNKIOSK_PLUGIN_ABI_H

#include <stdbool.h>
#include <stddef.h>
#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

#define ALIGNKIOSK_ABI_MAJOR 1u
/* 1.1 added the dashboard panel extension (ALIGNKIOSK_DASHBOARD_PANEL_V1_ID). 1.2 added the second panel extension
 * (ALIGNKIOSK_DASHBOARD_PANEL_V2_ID, which also hands over open answers) and the per-option histograms after the sums
 * of an ALLOCATION question's counts. 1.3 added structs that can grow where 1.0 had bare array elements: the second
 * module factory (ALIGNKIOSK_MODULE_FACTORY_V2_ID, handing over alignkiosk_step_content_v2), the scoring extension
 * (ALIGNKIOSK_SCORING_V1_ID) and the third panel extension (ALIGNKIOSK_DASHBOARD_PANEL_V3_ID), both handing over
 * alignkiosk_aggregate_v2, whose alignkiosk_item_distribution_v2 gives an allocation's histograms a field of their
 * own. Every earlier struct is unchanged, and a host still serves them to plugins built for an earlier minor.
 * 1.4 added the report extension (ALIGNKIOSK_REPORT_V1_ID, see "Report pages, ABI 1.4"), 1.5 the language extension
 * (ALIGNKIOSK_LANGUAGE_V1_ID, see "The participant's language, ABI 1.5"), both at the end of this header. */
#define ALIGNKIOSK_ABI_MINOR 5u

#define ALIGNKIOSK_PLUGIN_ENTRY_SYMBOL "alignkiosk_entry_v1"
#define ALIGNKIOSK_MODULE_FACTORY_V1_ID "alignkiosk.module_factory.v1" /* alignkiosk_module_factory_v1, ABI 1.0 */
#define ALIGNKIOSK_MODULE_FACTORY_V2_ID "alignkiosk.module_factory.v2" /* alignkiosk_module_factory_v2, ABI 1.3 */
/* Ids for alignkiosk_module_v1::get_extension. */
#define ALIGNKIOSK_DASHBOARD_PANEL_V1_ID "alignkiosk.dashboard_panel.v1" /* alignkiosk_dashboard_panel_v1, ABI 1.1 */
#define ALIGNKIOSK_DASHBOARD_PANEL_V2_ID "alignkiosk.dashboard_panel.v2" /* alignkiosk_dashboard_panel_v2, ABI 1.2 */
#define ALIGNKIOSK_DASHBOARD_PANEL_V3_ID "alignkiosk.dashboard_panel.v3" /* alignkiosk_dashboard_panel_v3, ABI 1.3 */
#define ALIGNKIOSK_SCORING_V1_ID "alignkiosk.scoring.v1"                 /* alignkiosk_scoring_v1, ABI 1.3 */

#if defined(_WIN32)
#define ALIGNKIOSK_EXPORT __declspec(dllexport)
#else
#define ALIGNKIOSK_EXPORT __attribute__((visibility("default")))
#endif

/* ---- Output sinks ------------------------------------------------------------------------------------------------ */

/* Where a plugin writes text the host keeps (answer payloads). append may be called several times; the host copies. */
typedef struct alignkiosk_sink_v1 {
    uint32_t struct_size;
    void* context;
    void (*append)(void* context, const char* data, size_t length);
} alignkiosk_sink_v1;

/* ---- Survey content handed to a module ------------------------------------------------------------------------- */

/* What kind of answer a question asks for. The host validates the generic shape of each kind; modules say which kinds
 * they accept and check the meaning. */
typedef enum alignkiosk_question_kind_v1 {
    ALIGNKIOSK_QUESTION_SCALE = 0,        /* one point on a labelled scale scale_min..scale_max -> integer */
    ALIGNKIOSK_QUESTION_TEXT = 1,         /* one open sentence of at most max_length bytes -> string */
    ALIGNKIOSK_QUESTION_CHOICE = 2,       /* exactly one of options -> option id */
    ALIGNKIOSK_QUESTION_MULTI_CHOICE = 3, /* any subset of options -> array of option ids */
    ALIGNKIOSK_QUESTION_ALLOCATION = 4,   /* distribute `total` points among options -> {option id: points} */
    ALIGNKIOSK_QUESTION_PERCENT = 5       /* a share 0..100 -> integer */
} alignkiosk_question_kind_v1;

/* ABI 1.0's array elements, without a struct_size: they can never grow. From 1.3 see alignkiosk_key_value_v2 and
 * alignkiosk_option_v2, reached one at a time through alignkiosk_question_v2's accessors. */
typedef struct alignkiosk_key_value_v1 {
    const char* key;
    const char* value;
} alignkiosk_key_value_v1;

typedef struct alignkiosk_option_v1 {
    const char* id;
    const char* label;
} alignkiosk_option_v1;

typedef struct alignkiosk_question_v1 {
    uint32_t struct_size;
    const char* id;     /* unique within its step; the key of this question's answer in the payload */
    uint32_t kind;      /* alignkiosk_question_kind_v1 */
    const char* prompt; /* never empty */
    const char* help;   /* may be empty, never NULL */
    bool required;
    /* SCALE: inclusive range and one label per point (label_count == scale_max - scale_min + 1) */
    int32_t scale_min;
    int32_t scale_max;
    const char* const* scale_labels;
    uint32_t scale_label_count;
    /* CHOICE, MULTI_CHOICE, ALLOCATION */
    const alignkiosk_option_v1* options;
    uint32_t option_count;
    /* ALLOCATION: points to distribute; TEXT: max_length in bytes */
    uint32_t total;
    uint32_t max_length;
    /* Module-specific strings from the survey file's "attributes" object (e.g. "group", "check_first"). */
    const alignkiosk_key_value_v1* attributes;
    uint32_t attribute_count;
} alignkiosk_question_v1;

/* One step of a survey as the host read it from the survey file. Valid from create_module until destroy. */
typedef struct alignkiosk_step_content_v1 {
    uint32_t struct_size;
    const char* step_id;
    const char* title;
    const char* intro;    /* may be empty, never NULL */
    const char* language; /* BCP 47 tag of the survey, e.g. "en" */
    const alignkiosk_question_v1* questions;
    uint32_t question_count;
} alignkiosk_step_content_v1;

/* ---- Survey content, ABI 1.3 -------------------------------------------------------------------------------------
 * The same content as alignkiosk_step_content_v1, in structs that can grow: every struct starts with struct_size, and
 * no array of structs is handed over. A list is read one element at a time through a count and a get function
 * (`x_count(owner)` and `x_get(owner, index)`), which are given the struct they belong to, so the host's element size
 * never matters to a plugin. get returns NULL for an index at or past count.
 * Thread: the UI thread, as every other call (and only while the plugin is running a call of the host's).
 * Ownership: every struct and string below is the host's, valid from create_module until destroy (during the call
 * for validate_content); host_data is the host's own and means nothing to a plugin. */

/* One attribute of a question (ABI 1.3). */
typedef struct alignkiosk_key_value_v2 {
    uint32_t struct_size;
    const char* key;
    const char* value;
} alignkiosk_key_value_v2;

/* One option of a CHOICE, MULTI_CHOICE or ALLOCATION question (ABI 1.3). */
typedef struct alignkiosk_option_v2 {
    uint32_t struct_size;
    const char* id;    /* what the answer payload names */
    const char* label; /* what the participant reads */
} alignkiosk_option_v2;

/* One question (ABI 1.3): the fields of alignkiosk_question_v1, with its options and attributes behind accessors. */
typedef struct alignkiosk_question_v2 {
    uint32_t struct_size;
    const char* id;     /* unique within its step; the key of this question's answer in the payload */
    uint32_t kind;      /* alignkiosk_question_kind_v1 */
    const char* prompt; /* never empty */
    const char* help;   /* may be empty, never NULL */
    bool required;
    /* SCALE: inclusive range and one label per point (label_count == scale_max - scale_min + 1) */
    int32_t scale_min;
    int32_t scale_max;
    const char* const* scale_labels;
    uint32_t scale_label_count;
    /* ALLOCATION: points to distribute; TEXT: max_length in bytes */
    uint32_t total;
    uint32_t max_length;
    const void* host_data;
    /* CHOICE, MULTI_CHOICE, ALLOCATION: the options in file order (0 for other kinds). */
    uint32_t (*option_count)(const struct alignkiosk_question_v2* question);
    const alignkiosk_option_v2* (*option_get)(const struct alignkiosk_question_v2* question, uint32_t index);
    /* Module-specific strings from the survey file's "attributes" object (e.g. "group", "check_first"). */
    uint32_t (*attribute_count)(const struct alignkiosk_question_v2* question);
    const alignkiosk_key_value_v2* (*attribute_get)(const struct alignkiosk_question_v2* question, uint32_t index);
} alignkiosk_question_v2;

/* One step of a survey (ABI 1.3), as alignkiosk_step_content_v1. Valid from create_module until destroy. */
typedef struct alignkiosk_step_content_v2 {
    uint32_t struct_size;
    const char* step_id;
    const char* title;
    const char* intro;    /* may be empty, never NULL */
    const char* language; /* BCP 47 tag of the survey, e.g. "en"; "und" while the host only validates */
    const void* host_data;
    uint32_t (*question_count)(const struct alignkiosk_step_content_v2* step);
    const alignkiosk_question_v2* (*question_get)(const struct alignkiosk_step_content_v2* step, uint32_t index);
} alignkiosk_step_content_v2;

/* A module reports a content problem; the host turns question_index/field into FILE:LINE:COL.
 * question_index is UINT32_MAX for a problem with the step as a whole; field names the JSON member ("prompt",
 * "attributes", ...) or is NULL. */
typedef struct alignkiosk_content_error_sink_v1 {
    uint32_t struct_size;
    void* context;
    void (*report)(void* context, uint32_t question_index, const char* field, const char* message);
} alignkiosk_content_error_sink_v1;

/* ---- Drawing ------------------------------------------------------------------------------------------------------ */

/* What the host tells a module each time it draws. The host has begun an ImGui window sized to the content area and
 * made the shared context current; the module draws widgets into it and must leave the ID/style stacks balanced. */
typedef struct alignkiosk_frame_v1 {
    uint32_t struct_size;
    float ui_scale;          /* multiply pixel sizes by this (1.0 on a 96-dpi laptop) */
    float min_touch_target;  /* smallest comfortable tap target, in pixels */
    void* heading_font;      /* ImFont* for headings/prompts (owned by the host) */
    void* body_font;         /* ImFont* for ordinary text (owned by the host) */
    uint32_t accent_color;   /* ImU32 of the theme's accent */
} alignkiosk_frame_v1;

/* ---- Dashboard scoring ---------------------------------------------------------------------------------------- */

/* How one question was answered by one group, counted by the host. Plugins never see individual rows. counts holds:
 *  - SCALE: counts[i] answers at scale point scale_min + i (count_length == scale_max - scale_min + 1);
 *  - PERCENT: counts[p] answers of p percent (count_length == 101);
 *  - CHOICE, MULTI_CHOICE: counts[i] answers choosing option i (count_length == option_count);
 *  - ALLOCATION: counts[i] the points given to option i, summed over the answers (i < option_count); from ABI 1.2
 *    these sums are followed by one histogram per option: counts[option_count + i * (total + 1) + p] answers giving
 *    exactly p points to option i (count_length == option_count * (total + 2)). A host before 1.2 sends the sums
 *    only: tell the two apart by count_length;
 *  - TEXT: nothing (count_length == 0); open answers reach a panel through alignkiosk_text_answers_v1. */
typedef struct alignkiosk_item_distribution_v1 {
    uint32_t struct_size;
    const char* question_id;
    const uint32_t* counts;
    uint32_t count_length;
    uint32_t answered; /* how many answered this question */
} alignkiosk_item_distribution_v1;

typedef struct alignkiosk_aggregate_v1 {
    uint32_t struct_size;
    const char* group_label; /* e.g. "Everyone" or a team name; already at or above the anonymity threshold */
    uint32_t response_count;
    const alignkiosk_item_distribution_v1* items;
    uint32_t item_count;
} alignkiosk_aggregate_v1;

/* How one question was answered by one group (ABI 1.3). As alignkiosk_item_distribution_v1, except that an
 * ALLOCATION's two parts have fields of their own, so no reader has to tell them apart by count_length:
 *  - SCALE, PERCENT, CHOICE, MULTI_CHOICE: counts and count_length as in alignkiosk_item_distribution_v1; histograms
 *    NULL, histogram_count and histogram_width 0;
 *  - ALLOCATION: counts[i] the points given to option i, summed over the answers (count_length == option count);
 *    histograms[i * histogram_width + p] answers giving exactly p points to option i (histogram_count == option count,
 *    histogram_width == total + 1);
 *  - TEXT: nothing (counts and histograms NULL, every length 0).
 * Ownership: the host's, valid during the call that handed it over. */
typedef struct alignkiosk_item_distribution_v2 {
    uint32_t struct_size;
    const char* question_id;
    uint32_t kind;     /* alignkiosk_question_kind_v1 of the question */
    uint32_t answered; /* how many answered this question */
    const uint32_t* counts;
    uint32_t count_length;
    const uint32_t* histograms;
    uint32_t histogram_count;
    uint32_t histogram_width;
} alignkiosk_item_distribution_v2;

/* One group's counts (ABI 1.3), as alignkiosk_aggregate_v1 with its items behind accessors (see "Survey content, ABI
 * 1.3" for how they are read). Ownership: the host's, valid during the call that handed it over. */
typedef struct alignkiosk_aggregate_v2 {
    uint32_t struct_size;
    const char* group_label; /* e.g. "Everyone" or a team name; already at or above the anonymity threshold */
    uint32_t response_count;
    const void* host_data;
    uint32_t (*item_count)(const struct alignkiosk_aggregate_v2* aggregate);
    const alignkiosk_item_distribution_v2* (*item_get)(const struct alignkiosk_aggregate_v2* aggregate,
                                                       uint32_t index);
} alignkiosk_aggregate_v2;

typedef enum alignkiosk_finding_level_v1 {
    ALIGNKIOSK_FINDING_INFO = 0,
    ALIGNKIOSK_FINDING_WATCH = 1,
    ALIGNKIOSK_FINDING_WIDESPREAD = 2
} alignkiosk_finding_level_v1;

/* One conclusion a module draws from an aggregate: strings are valid only during the emit call. */
typedef struct alignkiosk_finding_v1 {
    uint32_t struct_size;
    const char* question_id;
    uint32_t level;      /* alignkiosk_finding_level_v1 */
    float share;         /* 0..1: the share of the group the finding is about */
    const char* headline;
    const char* action;  /* what to check first; may be empty */
} alignkiosk_finding_v1;

typedef struct alignkiosk_finding_sink_v1 {
    uint32_t struct_size;
    void* context;
    void (*emit)(void* context, const alignkiosk_finding_v1* finding);
} alignkiosk_finding_sink_v1;

/* ---- A module instance -------------------------------------------------------------------------------------------- */

/* One step of one survey, drawn for one participant after another. Created by the factory, owned by the host,
 * destroyed with destroy(). */
typedef struct alignkiosk_module_v1 {
    uint32_t struct_size;
    void* module_data; /* the plugin's own state */

    /* Free this instance. */
    void (*destroy)(struct alignkiosk_module_v1* module);
    /* Forget every answer: a new participant begins (or the last one walked away). */
    void (*reset)(struct alignkiosk_module_v1* module);
    /* How many pages this step shows; at least 1; constant for the life of the instance. */
    uint32_t (*page_count)(const struct alignkiosk_module_v1* module);
    /* Draw page `page` (0-based) into the current ImGui window. Returns false if it could not draw. */
    bool (*draw_page)(struct alignkiosk_module_v1* module, uint32_t page, const alignkiosk_frame_v1* frame);
    /* True when every required answer on `page` is given, so the host may enable Next/Finish. */
    bool (*page_complete)(const struct alignkiosk_module_v1* module, uint32_t page);
    /* Write the participant's answers as a JSON object {"answers": {question_id: value, ...}} (values per
     * alignkiosk_question_kind_v1; unanswered optional questions are left out). Returns false on failure. */
    bool (*write_answer)(const struct alignkiosk_module_v1* module, const alignkiosk_sink_v1* sink);
    /* Draw conclusions from one group's aggregate (for the facilitator). Returns false on failure. From ABI 1.3 the host
     * asks for ALIGNKIOSK_SCORING_V1_ID first and calls this only when a module has none; a module built for 1.3 or
     * later that offers that extension may leave this NULL. */
    bool (*score)(const struct alignkiosk_module_v1* module, const alignkiosk_aggregate_v1* aggregate,
                  const alignkiosk_finding_sink_v1* sink);
    /* Optional interfaces added after v1 (e.g. a dashboard panel); NULL when the module has none. */
    const void* (*get_extension)(const struct alignkiosk_module_v1* module, const char* extension_id);
} alignkiosk_module_v1;

/* ---- Extensions of a module instance (reached through get_extension) ------------------------------------------- */

/* ALIGNKIOSK_DASHBOARD_PANEL_V1_ID (ABI 1.1): the module draws its own panel on the facilitator's dashboard from
 * aggregates the host computed. A module without a panel returns NULL for this id, and the host falls back to a view
 * of its own (e.g. the module's findings from score). get_extension returns the same table (or NULL) for the life of
 * the instance; the table is the plugin's and stays valid until the instance is destroyed. The host reads only
 * struct_size bytes of it, and takes a table too small to hold draw_panel, or a NULL draw_panel, as "no panel". */
typedef struct alignkiosk_dashboard_panel_v1 {
    uint32_t struct_size;
    /* Draw the panel for `groups`: the groups the anonymity rules allow to be shown, in the order to show them
     * (everyone first when shown, then the teams). group_count may be 0: nothing may be shown yet. Each aggregate is
     * at or above the anonymity threshold and holds counts only, never single responses; look its items up by
     * question id. The host has made the shared ImGui context current and begun an ImGui child region as wide as the
     * panel; the module draws widgets into it (no Begin/End of its own top-level windows, no NewFrame or Render) and
     * leaves the ID, style and font stacks as it found them. `frame` says how to fit in, as for draw_page.
     * Thread: the UI thread, every frame while the panel is on screen.
     * Ownership: groups, everything they point to, and frame are the host's, valid during this call only.
     * Returns false if it could not draw; the host then shows an error in place of the panel. */
    bool (*draw_panel)(const struct alignkiosk_module_v1* module, const alignkiosk_aggregate_v1* groups,
                       uint32_t group_count, const alignkiosk_frame_v1* frame);
} alignkiosk_dashboard_panel_v1;

/* The open answers to one TEXT question from one group, for a dashboard panel. Only groups at or above the survey's
 * open-text threshold appear. The answers are shuffled afresh for every dashboard model, so their order never
 * follows the order people answered in; blank answers are left out. */
typedef struct alignkiosk_text_answers_v1 {
    uint32_t struct_size;
    const char* group_label; /* as in alignkiosk_aggregate_v1 */
    const char* question_id;
    const char* const* answers; /* UTF-8, each at most the question's max_length bytes */
    uint32_t answer_count;
} alignkiosk_text_answers_v1;

/* Everything a dashboard panel may show (ABI 1.2). */
typedef struct alignkiosk_panel_input_v1 {
    uint32_t struct_size;
    const alignkiosk_aggregate_v1* groups; /* as for alignkiosk_dashboard_panel_v1::draw_panel; NULL when none */
    uint32_t group_count;
    const alignkiosk_text_answers_v1* texts; /* per group and TEXT question of this step; NULL when none */
    uint32_t text_count;
} alignkiosk_panel_input_v1;

/* ALIGNKIOSK_DASHBOARD_PANEL_V2_ID (ABI 1.2): as alignkiosk_dashboard_panel_v1, but the module also receives the open
 * answers of the groups at the open-text threshold. A host that knows 1.2 asks for this id first and uses v1 only when
 * a module does not offer v2; a module that wants to work with 1.1 hosts offers both.
 * Thread: the UI thread, every frame while the panel is on screen.
 * Ownership: input, everything it points to, and frame are the host's, valid during this call only.
 * Returns false if it could not draw; the host then shows an error in place of the panel. */
typedef struct alignkiosk_dashboard_panel_v2 {
    uint32_t struct_size;
    bool (*draw_panel)(const struct alignkiosk_module_v1* module, const alignkiosk_panel_input_v1* input,
                       const alignkiosk_frame_v1* frame);
} alignkiosk_dashboard_panel_v2;

/* Everything a dashboard panel may show (ABI 1.3), as alignkiosk_panel_input_v1 with its lists behind accessors: the
 * shown groups (everyone first when shown, then the teams; none when nothing may be shown yet) and the open answers
 * of the groups at the open-text threshold, one per group and TEXT question of this step.
 * Ownership: the host's, valid during the call that handed it over. */
typedef struct alignkiosk_panel_input_v2 {
    uint32_t struct_size;
    const void* host_data;
    uint32_t (*group_count)(const struct alignkiosk_panel_input_v2* input);
    const alignkiosk_aggregate_v2* (*group_get)(const struct alignkiosk_panel_input_v2* input, uint32_t index);
    uint32_t (*text_count)(const struct alignkiosk_panel_input_v2* input);
    const alignkiosk_text_answers_v1* (*text_get)(const struct alignkiosk_panel_input_v2* input, uint32_t index);
} alignkiosk_panel_input_v2;

/* ALIGNKIOSK_DASHBOARD_PANEL_V3_ID (ABI 1.3): as alignkiosk_dashboard_panel_v2, with alignkiosk_panel_input_v2. A 1.3
 * host asks for this id first, then V2_ID, then V1_ID.
 * Thread: the UI thread, every frame while the panel is on screen.
 * Ownership: input, everything reached through it, and frame are the host's, valid during this call only; the table
 * is the plugin's and stays valid until the instance is destroyed.
 * Returns false if it could not draw; the host then shows an error in place of the panel. */
typedef struct alignkiosk_dashboard_panel_v3 {
    uint32_t struct_size;
    bool (*draw_panel)(const struct alignkiosk_module_v1* module, const alignkiosk_panel_input_v2* input,
                       const alignkiosk_frame_v1* frame);
} alignkiosk_dashboard_panel_v3;

/* ALIGNKIOSK_SCORING_V1_ID (ABI 1.3): alignkiosk_module_v1::score with alignkiosk_aggregate_v2. A 1.3 host asks for
 * this id first and falls back to alignkiosk_module_v1::score.
 * Thread: the UI thread, when the facilitator looks at a group.
 * Ownership: aggregate and everything reached through it are the host's, valid during this call only; findings are
 * copied by the sink. The table is the plugin's and stays valid until the instance is destroyed.
 * Returns false on failure. */
typedef struct alignkiosk_scoring_v1 {
    uint32_t struct_size;
    bool (*score)(const struct alignkiosk_module_v1* module, const alignkiosk_aggregate_v2* aggregate,
                  const alignkiosk_finding_sink_v1* sink);
} alignkiosk_scoring_v1;

/* ---- The factory: what modules a plugin offers ------------------------------------------------------------------ */

typedef struct alignkiosk_module_descriptor_v1 {
    uint32_t struct_size;
    const char* id;          /* globally unique, lower_snake_case, e.g. "diagnostic_signs" */
    const char* version;     /* the module's own version "MAJOR.MINOR.PATCH", stored with every answer */
    const char* name;        /* human-readable */
    const char* description; /* one sentence */
    uint32_t accepted_kinds; /* bit (1u << kind) for every alignkiosk_question_kind_v1 the module can show */
} alignkiosk_module_descriptor_v1;

typedef struct alignkiosk_module_factory_v1 {
    uint32_t struct_size;
    uint32_t (*module_count)(void);
    /* Descriptor i (0-based) or NULL; owned by the plugin, valid until deinit. */
    const alignkiosk_module_descriptor_v1* (*module_descriptor)(uint32_t index);
    /* Check a step's content for this module's needs, reporting each problem; true when there were none. */
    bool (*validate_content)(const char* module_id, const alignkiosk_step_content_v1* content,
                             const alignkiosk_content_error_sink_v1* errors);
    /* Create an instance for validated content; NULL on failure. content outlives the instance. */
    alignkiosk_module_v1* (*create_module)(const char* module_id, const alignkiosk_step_content_v1* content);
} alignkiosk_module_factory_v1;

/* The module factory of ABI 1.3 (ALIGNKIOSK_MODULE_FACTORY_V2_ID): as alignkiosk_module_factory_v1, with the content
 * as alignkiosk_step_content_v2. A 1.3 host asks for this id first and uses V1_ID only when a plugin has no v2.
 * Thread: the UI thread (and the vetting child process, which calls module_count and module_descriptor only).
 * Ownership: the table and the descriptors are the plugin's, valid until deinit; content and errors are the host's:
 * errors for the call, content (for create_module) until the instance is destroyed. */
typedef struct alignkiosk_module_factory_v2 {
    uint32_t struct_size;
    uint32_t (*module_count)(void);
    /* Descriptor i (0-based) or NULL. */
    const alignkiosk_module_descriptor_v1* (*module_descriptor)(uint32_t index);
    /* Check a step's content for this module's needs, reporting each problem; true when there were none. */
    bool (*validate_content)(const char* module_id, const alignkiosk_step_content_v2* content,
                             const alignkiosk_content_error_sink_v1* errors);
    /* Create an instance for validated content; NULL on failure. The instance is freed by its own destroy. */
    alignkiosk_module_v1* (*create_module)(const char* module_id, const alignkiosk_step_content_v2* content);
} alignkiosk_module_factory_v2;

/* ---- Host and entry --------------------------------------------------------------------------------------------- */

typedef enum alignkiosk_log_level_v1 {
    ALIGNKIOSK_LOG_INFO = 0,
    ALIGNKIOSK_LOG_WARNING = 1,
    ALIGNKIOSK_LOG_ERROR = 2
} alignkiosk_log_level_v1;

/* What the host offers a plugin. Valid from init until deinit returns. */
typedef struct alignkiosk_host_v1 {
    uint32_t struct_size;
    uint32_t abi_major;
    uint32_t abi_minor;
    const char* host_version;
    /* ImGuiContext*. Host and plugins share one ImGui library; a plugin still calls ImGui::SetCurrentContext with
     * this in init, so it keeps working if a future host embeds ImGui differently. May be NULL (command-line use). */
    void* imgui_context;
    void (*log)(const struct alignkiosk_host_v1* host, uint32_t level, const char* message);
} alignkiosk_host_v1;

typedef struct alignkiosk_plugin_entry_v1 {
    uint32_t struct_size;
    uint32_t abi_major;
    uint32_t abi_minor;
    int32_t imgui_version_num; /* IMGUI_VERSION_NUM the plugin was compiled against */
    /* Called once after load, before anything else. Returns false to refuse loading. */
    bool (*init)(const alignkiosk_host_v1* host);
    /* Called once before unload, after every module instance was destroyed. Also called when init returned false
     * or the host refused the plugin after init (e.g. a duplicate module id), so deinit must cope with a partial
     * init. Never called when init was not. */
    void (*deinit)(void);
    /* A factory by id (ALIGNKIOSK_MODULE_FACTORY_V2_ID, ALIGNKIOSK_MODULE_FACTORY_V1_ID) or NULL; owned by the plugin,
     * valid until deinit. */
    const void* (*get_factory)(const char* factory_id);
} alignkiosk_plugin_entry_v1;

/* ---- Report pages, ABI 1.4 ----------------------------------------------------------------------------------------
 * ALIGNKIOSK_REPORT_V1_ID, reached through alignkiosk_module_v1::get_extension: a module describes its findings for
 * the facilitator's printed report as a list of blocks, and the host lays them out (fonts, page breaks, charts), so a
 * plugin needs no drawing library. A module without it gets its score() findings listed by the host. */
#define ALIGNKIOSK_REPORT_V1_ID "alignkiosk.report.v1" /* alignkiosk_report_v1, ABI 1.4 */

typedef enum alignkiosk_report_block_kind_v1 {
    ALIGNKIOSK_REPORT_HEADING = 0,   /* text: a heading within the module's pages */
    ALIGNKIOSK_REPORT_PARAGRAPH = 1, /* text: running text, wrapped */
    ALIGNKIOSK_REPORT_TABLE_ROW = 2, /* cells: one row; consecutive rows form one table, header when `emphasis` */
    ALIGNKIOSK_REPORT_BAR = 3,       /* text: the bar's label; value of maximum; value_text beside it; series: the
                                        group (bars of one series share a colour); consecutive bars form one chart */
    ALIGNKIOSK_REPORT_STATISTIC = 4  /* text: the name; value_text: the value (consecutive ones form one list) */
} alignkiosk_report_block_kind_v1;

/* One block of a module's report pages. Strings are UTF-8, never NULL where the kind uses them (empty is fine).
 * Ownership: the plugin's, valid only during the emit call that hands it over (the host copies). */
typedef struct alignkiosk_report_block_v1 {
    uint32_t struct_size;
    uint32_t kind; /* alignkiosk_report_block_kind_v1; the host skips a kind it does not know */
    const char* text;
    const char* const* cells; /* TABLE_ROW: cell_count cells, the same count for every row of a table */
    uint32_t cell_count;
    bool emphasis;     /* TABLE_ROW: a header row; BAR, STATISTIC: stress it (e.g. a WIDESPREAD finding) */
    double value;      /* BAR: 0..maximum */
    double maximum;    /* BAR: > 0 */
    const char* value_text;
    const char* series;
} alignkiosk_report_block_v1;

/* Where a module emits its blocks, in reading order. Thread: the UI thread, during write_report only.
 * Ownership: the host's, valid during write_report; emit copies the block and everything it points to. */
typedef struct alignkiosk_report_block_sink_v1 {
    uint32_t struct_size;
    void* context;
    void (*emit)(void* context, const alignkiosk_report_block_v1* block);
} alignkiosk_report_block_sink_v1;

/* ALIGNKIOSK_REPORT_V1_ID (ABI 1.4).
 * write_report: describe `input` (the shown groups and the open answers at the open-text threshold, exactly what
 * alignkiosk_dashboard_panel_v3 receives) as blocks. The host puts the step's title above them and starts the
 * module on a new page; emit no ImGui calls. Returns false on failure; the host then lists the module's findings.
 * Thread: the UI thread (or the thread of `alignkiosk report`), once per report, never concurrently with another call.
 * Ownership: input, everything reached through it and sink are the host's, valid during this call only; the table is
 * the plugin's and stays valid until the instance is destroyed. */
typedef struct alignkiosk_report_v1 {
    uint32_t struct_size;
    bool (*write_report)(const struct alignkiosk_module_v1* module, const alignkiosk_panel_input_v2* input,
                         const alignkiosk_report_block_sink_v1* sink);
} alignkiosk_report_v1;

/* ---- The participant's language, ABI 1.5 --------------------------------------------------------------------------
 * ALIGNKIOSK_LANGUAGE_V1_ID, reached through alignkiosk_module_v1::get_extension: a module draws its own words in
 * the participant's language. */
#define ALIGNKIOSK_LANGUAGE_V1_ID "alignkiosk.language.v1" /* alignkiosk_language_v1, ABI 1.5 */

/* ALIGNKIOSK_LANGUAGE_V1_ID (ABI 1.5), reached through alignkiosk_module_v1::get_extension: which language a module
 * draws its own words in (its page hints and buttons, its dashboard panel's headings and notes, its findings, its
 * report pages). The survey's wording still comes with the content; this is only the module's own. Until
 * set_language is called a module uses the content's language (alignkiosk_step_content_v2::language). The host calls
 * it whenever the language changes: a participant picks a language on the attract screen, and a dashboard and a
 * report use the survey's default one.
 * A module without this extension keeps drawing in the content's language.
 * Thread: the UI thread, between frames (never inside draw_page, draw_panel, score or write_report).
 * Ownership: language (a BCP 47 tag, e.g. "de", "fr-CA") is the host's, valid during the call only: the module
 * copies what it keeps. The table is the plugin's and stays valid until the instance is destroyed. The host reads
 * only struct_size bytes of it, and takes a table too small to hold set_language, or a NULL one, as "none".
 * Returns true when the module has its own words in `language`, false when it falls back to English. */
typedef struct alignkiosk_language_v1 {
    uint32_t struct_size;
    bool (*set_language)(struct alignkiosk_module_v1* module, const char* language);
} alignkiosk_language_v1;

#ifdef __cplusplus
}
#endif

#endif /* ALIGNKIOSK_PLUGIN_ABI_H */
