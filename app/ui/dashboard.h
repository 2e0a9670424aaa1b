// The facilitator's dashboard: where the team is aligned and where it is not, drawn from a DashboardModel that the
// anonymity rules have already filtered (every group in it may be shown). Three views: the overview (responses per
// group, the item x group heatmap, where we disagree most, each module's panel), one item in detail (the distribution
// per group with every statistic), and the open answers. Projection mode: larger type and a high-contrast palette.
//
// Draws one full-window ImGui frame at a time, like Shell; the platform owns the window (and full screen), feeds new
// models when the store changes and exports. Nothing is recomputed per frame: setModel() formats everything once.
#pragma once

#include "core/dashboard_model.h"
#include "core/messages.h"
#include "ui/charts.h"
#include "ui/panel_renderer.h"
#include "ui/theme.h"

#include <cstddef>
#include <functional>
#include <map>
#include <optional>
#include <set>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace alignkiosk::ui {

class Dashboard {
public:
    enum class View { Overview, Item, Texts };

    // `messages`: the dashboard's words, numbers and dates in the survey's default language (English unless set).
    explicit Dashboard(Theme theme, core::Messages messages = core::Messages::english());
    const core::Messages& messages() const { return m_messages; }

    // What draws each module's panel and gives its findings (the platform's, over the loaded modules); nullptr: none,
    // and each module's place shows its response counts only. Set once, before the first frame; it must outlive every
    // draw() after. It receives the current model at once and every new one after.
    void setPanelRenderer(PanelRenderer* renderer);

    // A new model (only when the data changed). The selected item stays selected if the new model still has it.
    // The model to show, as core::DashboardSource publishes it (shared, immutable).
    void setModel(std::shared_ptr<const core::DashboardModel> model);
    // For a model built by hand (tests, benchmarks).
    void setModel(core::DashboardModel model) { setModel(std::make_shared<const core::DashboardModel>(std::move(model))); }
    const core::DashboardModel& model() const { return *m_model; }
    // While the store is first read: how far (0..1) and of how many answers; the empty state shows it. None: done.
    void setLoadProgress(std::optional<float> fraction, uint64_t rowsInStore = 0);
    // People whose answers came while the dashboard is shown and wait for a batch of `batch` in their group (none:
    // 0); the header says so, so the facilitator knows why the figures have not moved.
    void setWaiting(uint64_t people, uint32_t batch);

    // Draws the whole frame (call between ImGui::NewFrame and ImGui::Render). `now` is in seconds, any epoch.
    void draw(double now);
    // The colour to clear the frame to: the full-window view draws no background of its own, because a full-screen
    // quad costs a software renderer (llvmpipe) about as much as everything else on the screen.
    ImU32 backgroundColor() const { return (m_projection ? m_theme.projection : m_theme.dashboard).background; }

    // Projection mode: larger type and the high-contrast palette. The Projection button toggles it too: read it after
    // draw() to put the window in or out of full screen.
    bool projection() const { return m_projection; }
    void setProjection(bool on) { m_projection = on; }

    View view() const { return m_view; }
    void setView(View view);
    // The item the detail view shows (an index into model().ratedItems); none before one is picked.
    std::optional<std::size_t> selectedItem() const { return m_selected; }
    // Selects an item and opens the detail view; ignored when out of range.
    void selectItem(std::size_t item);

    // What the dashboard says instead of charts when there is nothing it may show yet; empty when it has data.
    const std::string& emptyExplanation() const { return m_emptyExplanation; }
    // Said instead of "No answers yet" while this survey has no answers at all (e.g. which other surveys the store
    // holds answers to, and how to open them).
    void setNoAnswersNote(std::string note);
    // A collection's join band above the tabs, made for a projector: the code in very large type and the line to type
    // on a laptop. An empty code removes the band.
    void setJoinInfo(std::string code, std::string instruction);
    // The body text height in pixels in the last frame drawn (larger in projection mode).
    float bodyTextSize() const { return m_bodyTextSize; }
    // The last Export's message, as the platform's callback returned it.
    const std::string& exportMessage() const { return m_exportMessage; }

    // Picture mode, for exports: the view drawn as a picture of itself, its title line and its content at full height,
    // without tabs, buttons, item picker, join band, scroll bar or a selected row's highlight (the open answers all
    // shown). Turning it on remembers the view and the selection; turning it off gives them back.
    void setPictureMode(bool on);
    bool pictureMode() const { return m_picture; }
    // In picture mode: how tall the last frame's content was, in pixels from the window's top. A display at least
    // this tall shows all of it (layout does not depend on the display's height in picture mode).
    float contentHeight() const { return m_contentHeight; }
    // The message under the header, for an export the platform finishes after the frame its button was pressed in.
    void setExportMessage(std::string message) { m_exportMessage = std::move(message); }

    // Called by the Export button; returns what to tell the facilitator ("Saved to ...", or why not). The button is
    // disabled while this is unset.
    std::function<std::string()> onExport;
    // Called by the Report button beside Export; returns what to tell the facilitator, as onExport. The button is
    // disabled while this is unset.
    std::function<std::string()> onReport;
    // When set (the kiosk's facilitator view), a "Back to the kiosk" button calls it.
    std::function<void()> onClose;

private:
    // Everything formatted for one group of one item, once per model.
    struct GroupRow {
        std::string name;
        const core::GroupItem* source = nullptr;
        std::string n, mean, sd, median, rwg, ad, consensus;
        bool adAcceptable = false;
    };
    struct ItemCache {
        std::string title;
        std::string adHeader;
        std::vector<GroupRow> rows;
        std::vector<std::string> gaps; // this item's team gaps, largest first
    };
    struct ListLine {
        std::size_t item = 0;
        std::string text;
        std::string detail;
        core::AgreementLevel agreement = core::AgreementLevel::Unknown;
    };
    // One module's findings, formatted the first time its panel was not drawn (at most once per model).
    struct FindingLine {
        ModuleFinding::Level level = ModuleFinding::Level::Info;
        std::string headline;
        std::string action;
    };
    struct FindingGroup {
        std::string name; // "Everyone" or the team
        std::vector<FindingLine> lines;
    };
    struct ModuleFindings {
        bool asked = false;
        bool available = false;
        std::vector<FindingGroup> groups;
    };
    struct TextQuestion {
        std::string prompt;
        std::vector<std::size_t> answers; // indices into model().texts
    };
    // The look of one frame: normal or projection.
    struct Look {
        Theme theme; // the buttons' accent follows the palette
        ImFont* body = nullptr;
        ImFont* heading = nullptr;
        ImFont* title = nullptr;
        float windowFontScale = 1.0f; // > 1 when projection mode has no fonts of its own
        DashboardPalette palette{};
        charts::ChartStyle chart;
    };

    void rebuild();
    Look currentLook() const;
    int pushColors(const Look& look) const;

    void drawHeader(const Look& look);
    // The view's content (or the empty state), below the header.
    void drawView(const Look& look);
    // The rule under the header (under the title line alone in picture mode).
    void drawHeaderRule(const Look& look, float width) const;
    void drawJoinBand(const Look& look);
    void drawEmpty(const Look& look);
    void drawOverview(const Look& look);
    void drawResponses(const Look& look, float width);
    void drawDisagreement(const Look& look, float width);
    void drawModules(const Look& look, float width);
    // The module's own panel, drawn by the renderer in a region `width` wide (NoPanel without a renderer).
    PanelOutcome drawModulePanel(const core::ModuleAggregate& module, float width);
    // What the dashboard shows for module `index` when its panel was not drawn: the counts and the findings.
    void drawFindings(const Look& look, std::size_t index, float width);
    ModuleFindings formatFindings(std::optional<std::vector<ModuleFinding>> findings) const;
    void drawItem(const Look& look);
    void drawItemPicker(const Look& look);
    void drawTexts(const Look& look);
    // A section heading in the heading font, with an optional note under it, wrapped to `width`.
    void sectionTitle(const Look& look, const std::string& title, float width, const std::string& note = {}) const;
    // A clickable list line (opens its item), with an agreement mark when it has one.
    bool listLine(const Look& look, const ListLine& line, float width, bool withMark) const;
    // Text wrapped at `width` from the cursor, in `font` and `color` (nullptr / 0: the current ones).
    static void wrapped(std::string_view text, float width, ImFont* font, ImU32 color);
    // "Everyone" (in the dashboard's language) for the everyone group, else the team's name.
    std::string groupName(const std::string& group) const;
    // The message `id` in the dashboard's language; a number with `decimals` decimals as the language writes it. A
    // message without arguments is formatted once and kept: the header asks for its words every frame.
    std::string tr(std::string_view id, const core::MessageArgs& args = {}) const;
    std::string number(double value, int decimals) const { return m_messages.number(value, decimals); }
    std::string formatCount(uint64_t count) const;
    std::string formatMedian(double median) const;
    std::string rwgText(const core::ItemStatistics& stats) const;

    Theme m_theme;
    core::Messages m_messages;
    mutable std::map<std::string, std::string, std::less<>> m_words; // tr() without arguments, by id
    PanelRenderer* m_panels = nullptr;
    std::shared_ptr<const core::DashboardModel> m_model = std::make_shared<const core::DashboardModel>();
    std::optional<float> m_loadProgress;
    uint64_t m_rowsInStore = 0;
    std::string m_waitingNote;
    bool m_projection = false;
    View m_view = View::Overview;
    std::optional<std::size_t> m_selected;
    std::string m_selectedKey; // step + question of the selection, to find it again in the next model
    double m_now = 0.0;
    float m_bodyTextSize = 0.0f;
    std::string m_exportMessage;
    std::string m_joinCode;
    std::string m_joinInstruction;
    ImDrawList* m_underlay = nullptr; // the main window's draw list: drawn beneath the scrolling body

    // Picture mode (dashboard_picture.cpp): the screen to go back to, and the last frame's content height.
    bool m_picture = false;
    View m_viewBeforePicture = View::Overview;
    std::optional<std::size_t> m_selectedBeforePicture;
    std::string m_selectedKeyBeforePicture;
    float m_contentHeight = 0.0f;

    // Derived once per model (setModel), drawn every frame.
    std::string m_emptyTitle;
    std::string m_emptyExplanation;
    std::string m_noAnswersNote;
    std::string m_anonymityNote;
    std::string m_hiddenLine;
    std::vector<charts::Bar> m_responseBars;
    charts::HeatmapData m_heatmap;
    charts::HeatmapLegendText m_legend;
    std::vector<ItemCache> m_items;
    std::vector<ListLine> m_lowest;
    std::vector<ListLine> m_gaps; // each item once, with its largest gap
    std::string m_lowestEmpty;    // said when a list is empty, and why
    std::string m_gapsEmpty;
    std::vector<std::string> m_moduleTitles;
    std::vector<std::string> m_moduleCounts;
    std::vector<ModuleFindings> m_moduleFindings; // filled as the frames ask
    std::vector<TextQuestion> m_textQuestions;
    std::string m_textsNote;
    std::string m_textsEmpty;
    std::set<std::size_t> m_expandedTexts; // answer blocks shown in full ("Show all")
};

} // namespace alignkiosk::ui
