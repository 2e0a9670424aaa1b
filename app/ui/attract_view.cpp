// The attract screen, between participants: the survey's title, a big "Tap anywhere to start" (the whole screen is the
// target), the anonymity promise, and a ripple now and then that says "touch me" while costing almost nothing (a few
// frames of a small square while it spreads; none in between). In a window on a laptop, the small Facilitator
// button sits in its corner. Right after the station restarted itself, a quiet card takes the ripple's place and asks
// whoever was answering to start again; a survey with no step left to show asks for the facilitator instead. A
// survey in several languages shows a row of large buttons above the call to start, each language by its own name.
#include "shell.h"

#include "core/language_names.h"
#include "ui/widgets.h"

#include <imgui_internal.h> // PushClipRect beyond the window's padding

#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

namespace alignkiosk::ui {

namespace {

ImU32 withAlpha(ImU32 color, float alpha) {
    const auto a = static_cast<ImU32>(std::clamp(alpha, 0.0f, 1.0f) * 255.0f + 0.5f);
    return (color & ~IM_COL32_A_MASK) | (a << IM_COL32_A_SHIFT);
}

} // namespace

double Shell::attractWakeIn(double now) {
    const double age = std::fmod(now, kRipplePeriodSeconds);
    // While a ripple spreads, the start of its next step (so a timer that wakes late still shows every step), and the
    // end of its last (the screen at rest); then nothing until the next ripple.
    if (age < kRippleSeconds)
        return std::min((std::floor(age / kAttractFrameSeconds) + 1.0) * kAttractFrameSeconds, kRippleSeconds) - age;
    return kRipplePeriodSeconds - age;
}

// One step of the ripple per frame: a ring a quarter further out and fainter each step, the step before's ring fainter
// still behind it, and the dot swelling as the ripple leaves it. Drawn in steps rather than smoothly: a few frames of
// clear steps read as a ping; a few frames of a smooth motion would read as a stutter.
void Shell::drawAttractAnimation(ImVec2 centre, float radius) {
    ImDrawList* drawList = ImGui::GetWindowDrawList();
    const float scale = m_theme.scale;
    const float dot = 14.0f * scale;
    const float thickness = std::max(1.5f, 3.0f * scale);
    constexpr float kSwell = 0.15f;
    // Everything it draws, with the outer ring's width and anti-aliased edge.
    const float reach = std::ceil(std::max(radius, (1.0f + kSwell) * dot) + thickness + 2.0f);
    m_animationArea = AnimationArea{ImGui::GetFrameCount(),
                                    ScreenRect{ImVec2(std::floor(centre.x - reach), std::floor(centre.y - reach)),
                                               ImVec2(std::ceil(centre.x + reach), std::ceil(centre.y + reach))}};

    const double age = std::fmod(m_now, kRipplePeriodSeconds);
    const int step = age < kRippleSeconds ? static_cast<int>(age / kAttractFrameSeconds) : kRippleSteps; // rest
    const auto ring = [&](int at, float alpha) {
        const float spread = static_cast<float>(at + 1) / static_cast<float>(kRippleSteps);
        const float fade = 1.0f - static_cast<float>(at) / static_cast<float>(kRippleSteps);
        drawList->AddCircle(centre, dot + (radius - dot) * spread, withAlpha(m_theme.accent, alpha * fade), 48,
                            thickness);
    };
    if (step < kRippleSteps) {
        if (step > 0) ring(step - 1, 0.25f);
        ring(step, 0.6f);
    }
    const float swell = step < 2 ? kSwell * static_cast<float>(2 - step) / 2.0f : 0.0f;
    drawList->AddCircleFilled(centre, dot * (1.0f + swell), m_theme.accent, 32);
}

// Small and muted in the bottom-left corner, but still a full touch target. Only in a window: in kiosk mode the
// corner gesture is the one way in.
void Shell::drawFacilitatorEntry() {
    if (m_kioskMode || !facilitatorWired()) return;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float height = m_theme.minTouchTarget;
    const float width = std::max(m_theme.minTouchTarget,
                                 ImGui::CalcTextSize(m_text.facilitator.c_str()).x + 2.0f * style.FramePadding.x);
    ImGui::SetCursorPos(ImVec2(style.WindowPadding.x, ImGui::GetWindowHeight() - height - style.WindowPadding.y));
    ImGui::PushStyleColor(ImGuiCol_Button, ImVec4(0.0f, 0.0f, 0.0f, 0.0f));
    ImGui::PushStyleColor(ImGuiCol_Text, m_theme.muted);
    const bool pressed =
        touchButton(m_theme, m_text.facilitator.c_str(), ImVec2(width, height), ButtonStyle::Secondary);
    ImGui::PopStyleColor(2);
    if (pressed) openPinPad();
}

bool Shell::restartNoticeActive() const {
    return m_restartNotice && (!m_restartNoticeSince || m_now - *m_restartNoticeSince < kRestartNoticeSeconds);
}

// A card in the surface colour with the accent along its left edge, like the promise: news, not an alarm. Centred
// vertically on `middle` (window coordinates).
void Shell::drawRestartNotice(float left, float middle, float width) {
    const float scale = m_theme.scale;
    const float inset = 24.0f * scale;
    const float padding = 18.0f * scale;
    const float between = 8.0f * scale;
    const float textWidth = width - 2.0f * inset;
    ImGui::PushFont(m_theme.heading ? m_theme.heading : ImGui::GetFont());
    const float titleHeight = ImGui::CalcTextSize(m_text.restartTitle.c_str(), nullptr, false, textWidth).y;
    ImGui::PopFont();
    const float bodyHeight = ImGui::CalcTextSize(m_text.restartBody.c_str(), nullptr, false, textWidth).y;
    const float height = padding + titleHeight + between + bodyHeight + padding;
    const float top = middle - height * 0.5f;

    const ImVec2 origin = ImGui::GetMainViewport()->WorkPos;
    const ImVec2 min(origin.x + left, origin.y + top);
    const ImVec2 max(min.x + width, min.y + height);
    drawAccentCard(ImGui::GetWindowDrawList(), min, max, m_theme.surface, m_theme.accent, scale);
    ImGui::PushTextWrapPos(left + width - inset);
    ImGui::SetCursorPos(ImVec2(left + inset, top + padding));
    if (m_theme.heading) ImGui::PushFont(m_theme.heading);
    ImGui::TextUnformatted(m_text.restartTitle.c_str());
    if (m_theme.heading) ImGui::PopFont();
    ImGui::SetCursorPos(ImVec2(left + inset, top + padding + titleHeight + between));
    ImGui::TextUnformatted(m_text.restartBody.c_str());
    ImGui::PopTextWrapPos();
}

float Shell::languagePickerHeight() const {
    return std::max(m_theme.minTouchTarget, 76.0f * m_theme.scale);
}

void Shell::drawLanguagePicker(float top) {
    const float scale = m_theme.scale;
    const auto& languages = m_source.languages;
    const ImGuiStyle& style = ImGui::GetStyle();
    const float height = languagePickerHeight();
    const float gap = 16.0f * scale;
    if (m_theme.heading) ImGui::PushFont(m_theme.heading);
    std::vector<std::string> names;
    float width = 220.0f * scale; // one width for all, so no language looks more important
    for (const std::string& language : languages) {
        names.push_back(core::languageName(language));
        width = std::max(width, ImGui::CalcTextSize(names.back().c_str()).x + 2.0f * style.FramePadding.x +
                                    48.0f * scale);
    }
    const float windowWidth = ImGui::GetWindowWidth();
    width = std::min(width, (windowWidth - 2.0f * style.WindowPadding.x - gap * static_cast<float>(names.size() - 1)) /
                                static_cast<float>(names.size()));
    const float rowWidth = width * static_cast<float>(names.size()) + gap * static_cast<float>(names.size() - 1);
    float x = (windowWidth - rowWidth) * 0.5f;
    m_languageRects.assign(languages.size(), std::nullopt);
    std::optional<std::string> picked;
    for (std::size_t i = 0; i < languages.size(); ++i) {
        ImGui::SetCursorPos(ImVec2(x, top));
        ImGui::PushID(static_cast<int>(i));
        const ImVec2 min = ImGui::GetCursorScreenPos();
        if (touchButton(m_theme, names[i].c_str(), ImVec2(width, height),
                        languages[i] == m_language ? ButtonStyle::Primary : ButtonStyle::Secondary))
            picked = languages[i];
        ImGui::PopID();
        m_languageRects[i] = ScreenRect{min, ImVec2(min.x + width, min.y + height)};
        x += width + gap;
    }
    if (m_theme.heading) ImGui::PopFont();
    if (picked) chooseLanguage(*picked);
}

void Shell::drawAttract() {
    const float scale = m_theme.scale;
    const ImGuiViewport* viewport = ImGui::GetMainViewport();
    const ImVec2 origin = viewport->WorkPos;
    const ImVec2 size = viewport->WorkSize;
    const ImGuiStyle& style = ImGui::GetStyle();

    // One column for the words, centred.
    const float width = std::min(size.x - 2.0f * style.WindowPadding.x, 1100.0f * scale);
    const float left = (size.x - width) * 0.5f; // window coordinates: the window covers the viewport
    const auto at = [&](float y) { ImGui::SetCursorPos(ImVec2(left, y)); };

    // From the bottom up: the promise card above the Facilitator button's row, the call to start above it, and the
    // language buttons above that.
    const std::string promise =
        m_text.format(m_text.anonymityPromise, {{"k", static_cast<int64_t>(m_survey.anonymity.ratings)}});
    const float inset = 24.0f * scale;
    const float promiseHeight = ImGui::CalcTextSize(promise.c_str(), nullptr, false, width - 2.0f * inset).y;
    const float cardHeight = promiseHeight + 2.0f * 18.0f * scale;
    const float cardTop = size.y - style.WindowPadding.y - m_theme.minTouchTarget - 12.0f * scale - cardHeight;
    const std::string& call = m_surveyAvailable ? m_text.tapToStart : m_text.surveyUnavailable;
    ImGui::PushFont(m_theme.title ? m_theme.title : ImGui::GetFont());
    const float tapHeight = ImGui::CalcTextSize(call.c_str(), nullptr, false, width).y;
    ImGui::PopFont();
    const float tapTop = cardTop - 40.0f * scale - tapHeight;
    const bool picker = offersLanguages() && m_surveyAvailable;
    const float pickerTop = tapTop - 32.0f * scale - languagePickerHeight();

    // The Facilitator button and the language buttons first: ImGui gives a tap to the first item under it, so to
    // them, not to the screen.
    drawFacilitatorEntry();
    if (picker) drawLanguagePicker(pickerTop);
    else m_languageRects.clear();
    // The whole screen, padding included.
    ImGui::PushClipRect(origin, ImVec2(origin.x + size.x, origin.y + size.y), false);
    ImGui::SetCursorScreenPos(origin);
    const bool tapped = ImGui::InvisibleButton("##tap_anywhere", size);
    ImGui::PopClipRect();
    // A press held in the facilitator corner long enough to show its ring was not a tap. A survey with nothing left
    // to ask does not start.
    if (tapped && !m_cornerHoldShown && m_surveyAvailable) {
        beginParticipant();
        m_flow.start();
    }

    at(64.0f * scale);
    centeredWrappedText(m_survey.title, width, m_theme.title);
    ImGui::Dummy(ImVec2(0.0f, 4.0f * scale));
    ImGui::SetCursorPosX(left);
    centeredWrappedText(m_survey.intro, width, m_theme.heading, m_theme.muted);
    const float introBottom = ImGui::GetCursorPosY();

    // The promise, set apart at the bottom so nobody misses it; above the Facilitator button's row.
    {
        const ImVec2 min(origin.x + left, origin.y + cardTop);
        const ImVec2 max(min.x + width, min.y + cardHeight);
        drawAccentCard(ImGui::GetWindowDrawList(), min, max, m_theme.surface, m_theme.accent, scale);
        ImGui::SetCursorPos(ImVec2(left + inset, cardTop + 18.0f * scale));
        ImGui::PushTextWrapPos(left + width - inset);
        ImGui::TextUnformatted(promise.c_str());
        ImGui::PopTextWrapPos();
    }

    // "Tap anywhere to start" above the promise, the ripple in the space left between the intro and it (or the
    // language buttons).
    at(tapTop);
    centeredWrappedText(call, width, m_theme.title, m_surveyAvailable ? m_theme.accent : m_theme.muted);
    const float gap = (picker ? pickerTop : tapTop) - introBottom;

    if (m_restartNotice && !m_restartNoticeSince) m_restartNoticeSince = m_now;
    if (m_restartNotice && !restartNoticeActive()) m_restartNotice = false;
    if (m_restartNotice) {
        // In the ripple's place, so the promise and the call to start stay where people know them.
        const float noticeWidth = std::min(width, 900.0f * scale);
        drawRestartNotice(left + (width - noticeWidth) * 0.5f, introBottom + gap * 0.5f, noticeWidth);
        return;
    }
    const float radius = std::min(110.0f * scale, gap * 0.5f - 12.0f * scale);
    if (radius > 20.0f * scale && m_surveyAvailable)
        drawAttractAnimation(ImVec2(origin.x + size.x * 0.5f, origin.y + introBottom + gap * 0.5f), radius);
}

} // namespace alignkiosk::ui
