// The dashboard's frame: the look (normal or projection), the header with the views and Export, the empty state, and
// the helpers the views share. The views are in dashboard_overview.cpp, dashboard_modules.cpp,
// dashboard_drilldown.cpp and dashboard_texts.cpp; what they draw is formatted once per model in dashboard_cache.cpp.
#include "dashboard.h"

#include "ui/widgets.h"

#include <algorithm>
#include <cfloat>
#include <exception>
#include <utility>

namespace alignkiosk::ui {

Dashboard::Dashboard(Theme theme, core::Messages messages) : m_theme(theme), m_messages(std::move(messages)) {
    rebuild();
}

void Dashboard::setPanelRenderer(PanelRenderer* renderer) {
    m_panels = renderer;
    if (m_panels) m_panels->setModel(*m_model);
    rebuild();
}

void Dashboard::setModel(std::shared_ptr<const core::DashboardModel> model) {
    m_model = model ? std::move(model) : std::make_shared<const core::DashboardModel>();
    if (m_panels) m_panels->setModel(*m_model); // before any frame of it: the renderer converts the aggregates once
    rebuild();
}

void Dashboard::setNoAnswersNote(std::string note) {
    m_noAnswersNote = std::move(note);
    rebuild();
}

void Dashboard::setJoinInfo(std::string code, std::string instruction) {
    m_joinCode = std::move(code);
    m_joinInstruction = std::move(instruction);
}

void Dashboard::setView(View view) {
    m_view = view;
    // The detail view always shows an item: the first one until another is picked.
    if (m_view == View::Item && !m_selected && !m_model->ratedItems.empty()) selectItem(0);
}

void Dashboard::selectItem(std::size_t item) {
    if (item >= m_model->ratedItems.size()) return;
    m_selected = item;
    const core::RatedItem& rated = m_model->ratedItems[item];
    m_selectedKey = rated.stepId + '\n' + rated.questionId;
    m_view = View::Item;
}

Dashboard::Look Dashboard::currentLook() const {
    Look look;
    look.theme = m_theme;
    look.palette = m_projection ? m_theme.projection : m_theme.dashboard;
    look.theme.accent = look.palette.accent;
    look.theme.muted = look.palette.muted;
    look.body = m_theme.body;
    look.heading = m_theme.heading;
    look.title = m_theme.title;
    if (m_projection) {
        if (m_theme.projectionBody && m_theme.projectionHeading && m_theme.projectionTitle) {
            look.body = m_theme.projectionBody;
            look.heading = m_theme.projectionHeading;
            look.title = m_theme.projectionTitle;
        } else {
            look.windowFontScale = m_theme.projectionTypeScale;
        }
    }
    look.chart.scale = m_theme.scale;
    look.chart.labelFont = look.body;
    look.chart.valueFont = look.body;
    look.chart.palette = look.palette;
    look.chart.ramp = charts::divergingRamp(look.palette);
    return look;
}

int Dashboard::pushColors(const Look& look) const {
    const DashboardPalette& p = look.palette;
    const std::pair<ImGuiCol, ImU32> colors[] = {
        {ImGuiCol_WindowBg, p.background},
        {ImGuiCol_Text, p.text},
        {ImGuiCol_TextDisabled, p.muted},
        {ImGuiCol_PopupBg, p.panel},
        {ImGuiCol_Border, p.grid},
        {ImGuiCol_Header, p.highlight},
        {ImGuiCol_HeaderHovered, p.highlight},
        {ImGuiCol_HeaderActive, p.highlight},
        {ImGuiCol_TableHeaderBg, p.panel},
        {ImGuiCol_TableBorderLight, p.grid},
        {ImGuiCol_TableBorderStrong, p.grid},
        {ImGuiCol_TableRowBg, IM_COL32(0, 0, 0, 0)},
        {ImGuiCol_TableRowBgAlt, p.panel},
        {ImGuiCol_FrameBg, p.panel},
        // Secondary buttons stand out from a white projection background too.
        {ImGuiCol_Button, m_projection ? IM_COL32(214, 214, 214, 255) : ImGui::GetColorU32(ImGuiCol_Button)},
    };
    for (const auto& [index, color] : colors) ImGui::PushStyleColor(index, color);
    return static_cast<int>(std::size(colors));
}

void Dashboard::draw(double now) {
    m_now = now;
    const Look look = currentLook();
    const int colors = pushColors(look);
    beginFullWindow("alignkiosk dashboard");
    // Per window and remembered by ImGui: set every frame so leaving projection mode resets it. Child windows take
    // their parent's factor.
    ImGui::SetWindowFontScale(look.windowFontScale);
    if (look.body) ImGui::PushFont(look.body);
    m_bodyTextSize = ImGui::GetFontSize();
    m_underlay = ImGui::GetWindowDrawList();

    if (!m_joinCode.empty() && !m_picture) drawJoinBand(look);
    drawHeader(look);
    if (m_picture) {
        // No scrolling child: the content runs on at full height in the (undecorated) window, and the module cards go
        // beneath it all.
        m_underlay = ImGui::GetBackgroundDrawList();
        drawView(look);
        // The cursor is one item spacing below the last item: the window's padding under it instead.
        const ImGuiStyle& style = ImGui::GetStyle();
        m_contentHeight = ImGui::GetCursorPosY() - style.ItemSpacing.y + style.WindowPadding.y;
    } else {
        ImGui::BeginChild("body", ImVec2(0.0f, 0.0f), false);
        drawView(look);
        dragToScroll();
        ImGui::EndChild();
    }

    m_underlay = nullptr;
    if (look.body) ImGui::PopFont();
    ImGui::End();
    ImGui::PopStyleColor(colors);
}

void Dashboard::drawView(const Look& look) {
    if (!m_emptyExplanation.empty()) {
        drawEmpty(look);
        return;
    }
    switch (m_view) {
    case View::Overview: drawOverview(look); break;
    case View::Item: drawItem(look); break;
    case View::Texts: drawTexts(look); break;
    }
}

void Dashboard::drawHeader(const Look& look) {
    const float scale = m_theme.scale;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float width = ImGui::GetContentRegionAvail().x;

    // Row 1: what this is, and which survey.
    if (look.title) ImGui::PushFont(look.title);
    ImGui::TextUnformatted(tr("dash_title").c_str());
    if (look.title) ImGui::PopFont();
    if (!m_model->surveyTitle.empty()) {
        ImGui::SameLine(0.0f, 24.0f * scale);
        if (look.heading) ImGui::PushFont(look.heading);
        const float left = ImGui::GetContentRegionAvail().x;
        ImFont* font = ImGui::GetFont();
        const float size = ImGui::GetFontSize();
        const std::string title = charts::ellipsize(m_model->surveyTitle, left, [&](std::string_view text) {
            return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
        });
        // Sit on the title's baseline rather than its top.
        ImGui::SetCursorPosY(ImGui::GetCursorPosY() + ImGui::GetItemRectSize().y - size * 1.15f);
        ImGui::PushStyleColor(ImGuiCol_Text, look.palette.muted);
        ImGui::TextUnformatted(title.c_str());
        ImGui::PopStyleColor();
        if (look.heading) ImGui::PopFont();
    }

    // A picture keeps the title line only, so it says what it is.
    if (m_picture) {
        drawHeaderRule(look, width);
        return;
    }

    // Row 2: the views on the left, Projection, Report and Export on the right, the last export's message between them.
    const float height = std::max(m_theme.minTouchTarget, ImGui::GetFrameHeight());
    const float rowTop = ImGui::GetCursorPosY();
    const std::pair<View, std::string> tabs[] = {{View::Overview, tr("dash_overview")},
                                                 {View::Item, tr("dash_item_detail")},
                                                 {View::Texts, tr("dash_open_answers")}};
    bool first = true;
    for (const auto& [view, label] : tabs) {
        if (!first) ImGui::SameLine();
        first = false;
        if (touchButton(look.theme, label.c_str(), ImVec2(0.0f, height),
                        m_view == view ? ButtonStyle::Primary : ButtonStyle::Secondary))
            setView(view);
    }
    // Opened from the kiosk: the way back to the participants' welcome screen.
    if (onClose) {
        ImGui::SameLine(0.0f, 24.0f * scale);
        if (touchButton(look.theme, tr("dash_back_to_kiosk").c_str(), ImVec2(0.0f, height), ButtonStyle::Secondary))
            onClose();
    }
    const float tabsEnd = ImGui::GetItemRectMax().x - ImGui::GetWindowPos().x;

    const std::string projectionText = tr("dash_projection");
    const std::string exportText = tr("dash_export");
    const std::string reportText = tr("dash_report");
    const char* projectionLabel = projectionText.c_str();
    const char* exportLabel = exportText.c_str();
    const char* reportLabel = reportText.c_str();
    const float padding = style.FramePadding.x * 2.0f;
    const float projectionWidth = ImGui::CalcTextSize(projectionLabel).x + padding;
    const float exportWidth = std::max(ImGui::CalcTextSize(exportLabel).x + padding, 160.0f * scale);
    const float reportWidth = std::max(ImGui::CalcTextSize(reportLabel).x + padding, 160.0f * scale);
    const float rightStart = ImGui::GetWindowContentRegionMax().x - projectionWidth - exportWidth - reportWidth -
                             2.0f * style.ItemSpacing.x;

    // The last export's message, else what the live view holds back: between the buttons when it fits, else in full
    // on a line of its own under them (an export's folder must be readable to be found).
    const std::string& note = m_exportMessage.empty() ? m_waitingNote : m_exportMessage;
    const float gap = 24.0f * scale;
    const bool noteInRow = !note.empty() && ImGui::CalcTextSize(note.c_str()).x <= rightStart - tabsEnd - 2.0f * gap;
    if (noteInRow) {
        ImGui::SameLine(tabsEnd + gap);
        ImGui::SetCursorPosY(rowTop + (height - ImGui::GetFontSize()) * 0.5f);
        ImGui::PushStyleColor(ImGuiCol_Text, look.palette.muted);
        ImGui::TextUnformatted(note.c_str());
        ImGui::PopStyleColor();
    }

    ImGui::SameLine(std::max(rightStart, tabsEnd + style.ItemSpacing.x));
    ImGui::SetCursorPosY(rowTop);
    if (touchButton(look.theme, projectionLabel, ImVec2(projectionWidth, height),
                    m_projection ? ButtonStyle::Primary : ButtonStyle::Secondary))
        m_projection = !m_projection;
    // Report beside Export, Export last: where it always was, at the right edge.
    ImGui::SameLine();
    if (touchButton(look.theme, reportLabel, ImVec2(reportWidth, height), ButtonStyle::Secondary,
                    static_cast<bool>(onReport))) {
        try {
            m_exportMessage = onReport();
        } catch (const std::exception& error) {
            m_exportMessage = tr("dash_report_failed", {{"reason", std::string(error.what())}});
        }
    }
    ImGui::SameLine();
    if (touchButton(look.theme, exportLabel, ImVec2(exportWidth, height), ButtonStyle::Primary,
                    static_cast<bool>(onExport))) {
        try {
            m_exportMessage = onExport();
        } catch (const std::exception& error) {
            m_exportMessage = tr("dash_export_failed", {{"reason", std::string(error.what())}});
        }
    }

    if (!note.empty() && !noteInRow) wrapped(note, width, nullptr, look.palette.muted);

    drawHeaderRule(look, width);
}

void Dashboard::drawHeaderRule(const Look& look, float width) const {
    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::GetWindowDrawList()->AddLine(ImVec2(at.x, at.y), ImVec2(at.x + width, at.y), look.palette.grid,
                                        look.palette.lineWidth * m_theme.scale);
    ImGui::Dummy(ImVec2(0.0f, 6.0f * m_theme.scale));
}

void Dashboard::drawJoinBand(const Look& look) {
    // Read from the back of a room: the code several times the title's size, the instruction beside it, wrapped.
    constexpr float kCodeScale = 3.0f;
    const float scale = m_theme.scale;
    const float pad = 8.0f * scale;
    const ImVec2 top = ImGui::GetCursorScreenPos();
    const float right = ImGui::GetWindowPos().x + ImGui::GetWindowContentRegionMax().x;
    ImDrawList* draw = ImGui::GetWindowDrawList();
    draw->ChannelsSplit(2); // the band's background under its text
    draw->ChannelsSetCurrent(1);
    ImGui::SetCursorScreenPos(ImVec2(top.x + pad, top.y + pad));
    if (look.title) ImGui::PushFont(look.title);
    ImGui::SetWindowFontScale(look.windowFontScale * kCodeScale);
    ImGui::PushStyleColor(ImGuiCol_Text, look.palette.accent);
    ImGui::TextUnformatted(m_joinCode.c_str());
    ImGui::PopStyleColor();
    const ImVec2 code = ImGui::GetItemRectMax();
    const float codeTop = ImGui::GetItemRectMin().y;
    ImGui::SetWindowFontScale(look.windowFontScale);
    if (look.title) ImGui::PopFont();
    if (look.heading) ImGui::PushFont(look.heading);
    const float left = code.x + 32.0f * scale;
    const float textWidth = std::max(right - pad - left, 200.0f * scale);
    const float textHeight =
        ImGui::CalcTextSize(m_joinInstruction.c_str(), nullptr, false, textWidth).y; // centred on the code
    ImGui::SetCursorScreenPos(ImVec2(left, std::max(codeTop, (codeTop + code.y - textHeight) * 0.5f)));
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + textWidth);
    ImGui::TextUnformatted(m_joinInstruction.c_str());
    ImGui::PopTextWrapPos();
    const float bottom = std::max(code.y, ImGui::GetItemRectMax().y) + pad;
    if (look.heading) ImGui::PopFont();
    draw->ChannelsSetCurrent(0);
    draw->AddRectFilled(top, ImVec2(right, bottom), look.palette.panel, 8.0f * scale);
    draw->ChannelsMerge();
    ImGui::SetCursorScreenPos(ImVec2(top.x, bottom));
    ImGui::Dummy(ImVec2(0.0f, 4.0f * scale));
}

void Dashboard::drawEmpty(const Look& look) {
    const float scale = m_theme.scale;
    const float width = std::min(ImGui::GetContentRegionAvail().x, 1200.0f * scale);
    ImGui::Dummy(ImVec2(0.0f, 80.0f * scale));
    ImGui::SetCursorPosX(ImGui::GetCursorPosX() + (ImGui::GetContentRegionAvail().x - width) * 0.5f);
    ImGui::BeginGroup();
    if (m_loadProgress) {
        // A large store is still being read (off this thread): say so rather than "no answers yet".
        wrapped(tr("dash_reading"), width, look.title, look.palette.text);
        ImGui::Dummy(ImVec2(0.0f, 16.0f * scale));
        const auto read = static_cast<int64_t>(*m_loadProgress * static_cast<float>(m_rowsInStore));
        const std::string of =
            tr("dash_read_of", {{"read", read}, {"total", static_cast<int64_t>(m_rowsInStore)}});
        ImGui::PushStyleColor(ImGuiCol_PlotHistogram, look.palette.accent);
        ImGui::ProgressBar(*m_loadProgress, ImVec2(width, 0.0f), ""); // the words below, not over the bar's two colours
        ImGui::PopStyleColor();
        ImGui::Dummy(ImVec2(0.0f, 8.0f * scale));
        wrapped(of, width, nullptr, look.palette.muted);
        ImGui::EndGroup();
        return;
    }
    wrapped(m_emptyTitle, width, look.title, look.palette.text);
    ImGui::Dummy(ImVec2(0.0f, 16.0f * scale));
    wrapped(m_emptyExplanation, width, look.heading, look.palette.text);
    ImGui::Dummy(ImVec2(0.0f, 16.0f * scale));
    wrapped(m_anonymityNote, width, nullptr, look.palette.muted);
    ImGui::EndGroup();
}

void Dashboard::setWaiting(uint64_t people, uint32_t batch) {
    m_waitingNote = people == 0 ? std::string()
                                : tr("dash_waiting", {{"people", static_cast<int64_t>(people)},
                                                      {"batch", static_cast<int64_t>(batch)}});
}

void Dashboard::setLoadProgress(std::optional<float> fraction, uint64_t rowsInStore) {
    m_loadProgress = fraction;
    m_rowsInStore = rowsInStore;
}

void Dashboard::wrapped(std::string_view text, float width, ImFont* font, ImU32 color) {
    if (text.empty()) return;
    if (font) ImGui::PushFont(font);
    if (color) ImGui::PushStyleColor(ImGuiCol_Text, color);
    ImGui::PushTextWrapPos(ImGui::GetCursorPosX() + width);
    ImGui::TextUnformatted(text.data(), text.data() + text.size());
    ImGui::PopTextWrapPos();
    if (color) ImGui::PopStyleColor();
    if (font) ImGui::PopFont();
}

void Dashboard::sectionTitle(const Look& look, const std::string& title, float width, const std::string& note) const {
    ImGui::Dummy(ImVec2(0.0f, 10.0f * m_theme.scale));
    wrapped(title, width, look.heading, look.palette.text);
    wrapped(note, width, nullptr, look.palette.muted);
    ImGui::Dummy(ImVec2(0.0f, 4.0f * m_theme.scale));
}

bool Dashboard::listLine(const Look& look, const ListLine& line, float width, bool withMark) const {
    const float scale = m_theme.scale;
    const float size = ImGui::GetFontSize();
    ImFont* font = ImGui::GetFont();
    auto measure = [&](std::string_view text) {
        return font->CalcTextSizeA(size, FLT_MAX, 0.0f, text.data(), text.data() + text.size()).x;
    };
    const float pad = 8.0f * scale;
    const float radius = size * 0.36f;
    const float textLeft = pad + (withMark ? radius * 2.0f + pad * 1.5f : 0.0f);
    const float room = width - textLeft - pad;
    // Label and detail side by side when both fit; else the detail goes under the label, so neither is cut short.
    const bool oneLine = measure(line.text) + 2.0f * pad + measure(line.detail) <= room;
    const float lineHeight = size * 1.25f;
    const float height = std::max(oneLine ? size * 1.6f : size * 0.6f + 2.0f * lineHeight, 44.0f * scale);

    const ImVec2 at = ImGui::GetCursorScreenPos();
    ImGui::PushID(&line);
    const bool clicked = ImGui::Selectable("##line", false, 0, ImVec2(width, height));
    ImGui::PopID();

    ImDrawList* drawList = ImGui::GetWindowDrawList();
    if (withMark) {
        const ImVec2 centre(at.x + pad + radius, at.y + height * 0.5f);
        drawList->AddCircleFilled(centre, radius * 1.25f, look.palette.rampMid);
        charts::drawAgreementMark(drawList, centre, radius, charts::agreementMark(line.agreement), look.palette.text,
                                  std::max(look.palette.lineWidth * scale * 0.75f, 1.5f * scale));
    }
    const float x = at.x + textLeft;
    const float right = at.x + width - pad;
    std::string label;
    std::string detail;
    if (oneLine) {
        label = line.text;
        detail = line.detail;
        const float textY = at.y + (height - size) * 0.5f;
        drawList->AddText(font, size, ImVec2(x, textY), look.palette.text, label.c_str());
        drawList->AddText(font, size, ImVec2(right - measure(detail), textY), look.palette.muted, detail.c_str());
    } else {
        label = charts::ellipsize(line.text, room, measure);
        detail = charts::ellipsize(line.detail, room, measure);
        const float textY = at.y + (height - 2.0f * lineHeight) * 0.5f + (lineHeight - size) * 0.5f;
        drawList->AddText(font, size, ImVec2(x, textY), look.palette.text, label.c_str());
        drawList->AddText(font, size, ImVec2(x, textY + lineHeight), look.palette.muted, detail.c_str());
    }
    // Drawn straight into the draw list: logged too, so a text log (a copy, a test) reads what the line says.
    ImGui::LogText("%s  %s\n", label.c_str(), detail.c_str());
    return clicked;
}

std::string Dashboard::tr(std::string_view id, const core::MessageArgs& args) const {
    if (!args.empty()) return m_messages.text(id, args);
    auto found = m_words.find(id);
    if (found == m_words.end()) found = m_words.emplace(std::string(id), m_messages.text(id)).first;
    return found->second;
}

std::string Dashboard::groupName(const std::string& group) const {
    return group == core::kEveryoneGroup ? tr("dash_everyone") : group;
}

} // namespace alignkiosk::ui
