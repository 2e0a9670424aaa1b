// One dashboard frame for a 12-item x 6-group model (everyone and five teams) at 100 and at 1,000,000 responses: the
// model holds counts, so the two should cost the same.
//   BM_DashboardFrame    headless: NewFrame + Dashboard::draw + Render, the CPU side of a frame.
//   BM_DashboardFrameGl  the whole frame as the program draws it: the platform's window (hidden, 1920x1080) and GL
//                        backend rendering into an offscreen target, glFinish included. Needs a display (Xvfb); on
//                        Mesa without a GPU this is llvmpipe, the case the 16 ms budget is for.
//   BM_SetModel          the one-off cost of a live update (formatting every string the frames then draw).
#include "core/dashboard_model.h"
#include "platform/command_support.h"
#include "platform/kiosk_window.h"
#include "platform/offscreen_target.h"
#include "core/item_statistics.h"
#include "ui/dashboard.h"
#include "ui/theme.h"

#include <GL/gl.h>
#include <benchmark/benchmark.h>
#include <imgui.h>

#include <cmath>
#include <memory>
#include <string>
#include <vector>

namespace {

namespace core = alignkiosk::core;
using alignkiosk::ui::Dashboard;

const std::vector<std::string> kTeams = {"Sales", "Marketing", "Service", "Leadership", "Product"};

// Every team answers every item perTeam times; the answers peak at a point that moves with item and team.
core::DashboardModel makeModel(uint64_t perTeam) {
    core::DashboardModel model;
    model.surveyId = "diagnostic-signs";
    model.surveyTitle = "An anonymous check: is our message pulling in one direction?";
    model.totalResponses = perTeam * kTeams.size();
    model.shownTeams = kTeams;
    model.groupCounts.push_back({core::kEveryoneGroup, model.totalResponses});
    for (const std::string& team : kTeams) model.groupCounts.push_back({team, perTeam});
    core::ModuleAggregate module{"signs", "diagnostic_signs", {}, {}};
    module.groups.push_back({core::kEveryoneGroup, model.totalResponses, {}});
    for (const std::string& team : kTeams) module.groups.push_back({team, perTeam, {}});

    for (std::size_t i = 0; i < 12; ++i) {
        core::RatedItem item;
        item.stepId = "signs";
        item.moduleId = "diagnostic_signs";
        item.questionId = "q" + std::to_string(i + 1);
        item.label = "Signal " + std::to_string(i + 1);
        item.prompt = "How often do you see signal " + std::to_string(i + 1) + "?";
        item.scaleLabels = {"Never", "Rarely", "Sometimes", "Often", "Almost always"};
        std::vector<uint64_t> everyone(5, 0);
        for (std::size_t t = 0; t < kTeams.size(); ++t) {
            const double peak = static_cast<double>((i * 3 + t * 2) % 5);
            std::vector<double> weights(5);
            double sum = 0.0;
            for (std::size_t p = 0; p < 5; ++p)
                sum += weights[p] = std::exp(-std::pow(static_cast<double>(p) - peak, 2));
            std::vector<uint64_t> counts(5);
            uint64_t given = 0;
            for (std::size_t p = 0; p < 5; ++p)
                given += counts[p] = static_cast<uint64_t>(static_cast<double>(perTeam) * weights[p] / sum);
            counts[static_cast<std::size_t>(peak)] += perTeam - given;
            for (std::size_t p = 0; p < 5; ++p) everyone[p] += counts[p];
            core::ScaleDistribution distribution{1, counts};
            item.groups.push_back({kTeams[t], distribution, core::computeItemStatistics(distribution)});
            module.groups[t + 1].questions.push_back({item.questionId, counts, perTeam});
        }
        core::ScaleDistribution all{1, everyone};
        item.groups.insert(item.groups.begin(), {core::kEveryoneGroup, all, core::computeItemStatistics(all)});
        module.groups[0].questions.push_back({item.questionId, everyone, model.totalResponses});
        model.ratedItems.push_back(std::move(item));
        model.lowestAgreement.push_back(i);
        model.largestGaps.push_back({i, kTeams[0], kTeams[1], 1.2, 1.1});
    }
    model.modules.push_back(std::move(module));
    return model;
}

// A headless ImGui context at 1920x1080 with the theme's fonts (and the projection fonts) built.
class Headless {
public:
    Headless() {
        ImGui::CreateContext();
        ImGuiIO& io = ImGui::GetIO();
        io.IniFilename = nullptr;
        io.DisplaySize = ImVec2(1920.0f, 1080.0f);
        io.DeltaTime = 1.0f / 60.0f;
        m_theme = alignkiosk::ui::applyTheme(1080.0f / 900.0f, alignkiosk::ui::defaultFontFile());
        alignkiosk::ui::addProjectionFonts(m_theme, alignkiosk::ui::defaultFontFile());
        unsigned char* pixels = nullptr;
        int width = 0;
        int height = 0;
        io.Fonts->GetTexDataAsRGBA32(&pixels, &width, &height);
    }
    ~Headless() { ImGui::DestroyContext(); }
    Headless(const Headless&) = delete;
    Headless& operator=(const Headless&) = delete;
    const alignkiosk::ui::Theme& theme() const { return m_theme; }

private:
    alignkiosk::ui::Theme m_theme;
};

int frame(Dashboard& dashboard, double now) {
    ImGui::NewFrame();
    dashboard.draw(now);
    ImGui::Render();
    return ImGui::GetDrawData()->TotalVtxCount;
}

// range(0): responses per team; range(1): 0 overview, 1 item detail, 2 overview in projection mode.
void BM_DashboardFrame(benchmark::State& state) {
    Headless context;
    Dashboard dashboard(context.theme());
    dashboard.setModel(makeModel(static_cast<uint64_t>(state.range(0))));
    if (state.range(1) == 1) dashboard.selectItem(0);
    dashboard.setProjection(state.range(1) == 2);
    double now = 0.0;
    for (int i = 0; i < 3; ++i) frame(dashboard, now += 1.0 / 60.0); // layout settles
    int vertices = 0;
    for (auto _ : state) benchmark::DoNotOptimize(vertices = frame(dashboard, now += 1.0 / 60.0));
    state.counters["vertices"] = vertices;
    state.counters["responses"] = static_cast<double>(state.range(0) * static_cast<int64_t>(kTeams.size()));
}
BENCHMARK(BM_DashboardFrame)
    ->ArgsProduct({{20, 200000}, {0, 1, 2}})
    ->ArgNames({"perTeam", "view"})
    ->Unit(benchmark::kMicrosecond);

// The platform's window (hidden, 1920x1080), GL backend and an offscreen target, opened once per process: GLFW
// does not reliably open the display again after glfwTerminate.
struct GlFrame {
    alignkiosk::platform::ImGuiContextScope imgui;
    std::unique_ptr<alignkiosk::platform::KioskWindow> window;
    std::unique_ptr<alignkiosk::platform::OffscreenTarget> target;
    alignkiosk::ui::Theme theme;
    std::string error;

    GlFrame() {
        alignkiosk::platform::WindowOptions options;
        options.visible = false;
        options.width = 1920;
        options.height = 1080;
        window = alignkiosk::platform::KioskWindow::open("dashboard frame benchmark", options, error);
        if (!window) return;
        target = alignkiosk::platform::OffscreenTarget::create(1920, 1080, error);
        if (!target) return;
        target->bind();
        theme = alignkiosk::ui::applyTheme(1080.0f / 900.0f, alignkiosk::ui::defaultFontFile());
        alignkiosk::ui::addProjectionFonts(theme, alignkiosk::ui::defaultFontFile());
    }
};

GlFrame& glFrame() {
    static GlFrame frame;
    return frame;
}

// range(0): responses per team; range(1): 0 overview in a window's normal look, 2 overview in projection mode.
void BM_DashboardFrameGl(benchmark::State& state) {
    GlFrame& gl = glFrame();
    if (!gl.target) {
        state.SkipWithError(("no GL window (run under Xvfb): " + gl.error).c_str());
        return;
    }
    Dashboard dashboard(gl.theme);
    dashboard.setModel(makeModel(static_cast<uint64_t>(state.range(0))));
    dashboard.setProjection(state.range(1) == 2);
    auto drawFrame = [&] {
        gl.window->beginFrame(false);
        dashboard.draw(0.0);
        gl.window->renderFrame(dashboard.backgroundColor());
        glFinish();
    };
    for (int i = 0; i < 3; ++i) drawFrame(); // fonts uploaded, layout settled
    for (auto _ : state) drawFrame();
    state.counters["responses"] = static_cast<double>(state.range(0) * static_cast<int64_t>(kTeams.size()));
}
BENCHMARK(BM_DashboardFrameGl)
    ->ArgsProduct({{20, 200000}, {0, 2}})
    ->ArgNames({"perTeam", "view"})
    ->Unit(benchmark::kMillisecond);

// A live update: the aggregator's new model handed over and formatted once.
void BM_SetModel(benchmark::State& state) {
    Headless context;
    Dashboard dashboard(context.theme());
    const core::DashboardModel model = makeModel(static_cast<uint64_t>(state.range(0)));
    for (auto _ : state) dashboard.setModel(model);
}
BENCHMARK(BM_SetModel)->Arg(20)->Arg(200000)->ArgName("perTeam")->Unit(benchmark::kMicrosecond);

} // namespace

BENCHMARK_MAIN();
