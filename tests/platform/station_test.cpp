// Station: which screen a frame shows, the facilitator's view built on first use, its idle timeout on the touchscreen
// station, and a restart the facilitator asks for, driven with fake screens, a fake window and a `now` of the test's.
#include "platform/station.h"
#include "platform/station_supervisor.h"

#include <gtest/gtest.h>
#include <imgui.h>

#include <functional>
#include <memory>
#include <string>
#include <vector>

namespace {

using alignkiosk::platform::FrameCallbacks;
using alignkiosk::platform::Station;

// What the fakes were asked to do, in order.
using Journal = std::vector<std::string>;

class FakeParticipants final : public Station::ParticipantScreen {
public:
    explicit FakeParticipants(Journal& journal) : m_journal(journal) {}
    void draw(double) override { m_journal.push_back("participants draw"); }
    double nextWakeIn(double) const override { return wakeIn; }
    unsigned backgroundColor() const override { return 0x111111u; }
    void filterInput(ImGuiIO&) override { m_journal.push_back("participants input"); }

    double wakeIn = -1.0;

private:
    Journal& m_journal;
};

class FakeFacilitator final : public Station::FacilitatorScreen {
public:
    FakeFacilitator(Journal& journal, std::function<void()> close, double wakeIn, bool changed)
        : onClose(std::move(close)), m_journal(journal), m_wakeIn(wakeIn), m_changed(changed) {}
    bool refresh(double) override {
        m_journal.push_back("facilitator refresh");
        return m_changed;
    }
    void draw(double) override { m_journal.push_back("facilitator draw"); }
    double nextWakeIn(double) const override { return m_wakeIn; }
    unsigned backgroundColor() const override { return 0x222222u; }
    void afterRender() override { m_journal.push_back("facilitator after render"); }
    void leave() override { m_journal.push_back("facilitator leave"); }

    std::function<void()> onClose; // the dashboard's own Close button

private:
    Journal& m_journal;
    double m_wakeIn;
    bool m_changed;
};

class FakeWindow final : public Station::Window {
public:
    uint64_t eventCount() const override { return events; }
    void close() override { ++closed; }

    uint64_t events = 0;
    int closed = 0;
};

// A station over fakes; the facilitator's screen is built by the factory (counted) unless `buildFails`.
struct Fixture {
    explicit Fixture(Station::Options options = {true, false, 60.0}, bool buildFails = false)
        : participants(journal),
          station(
              participants,
              [this, buildFails](std::function<void()> onClose) -> std::unique_ptr<Station::FacilitatorScreen> {
                  ++builds;
                  if (buildFails) return nullptr;
                  auto screen = std::make_unique<FakeFacilitator>(journal, std::move(onClose), facilitatorWakeIn,
                                                                  dataArrives);
                  facilitator = screen.get();
                  return screen;
              },
              window, options) {}

    Journal journal;
    FakeParticipants participants;
    FakeWindow window;
    int builds = 0;
    bool dataArrives = false;
    double facilitatorWakeIn = 0.4; // the dashboard's own next redraw; -1: none, it waits for news
    FakeFacilitator* facilitator = nullptr;
    Station station;
};

TEST(Station, ShowsTheParticipantsUntilTheFacilitatorOpensTheDashboard) {
    Fixture f;
    f.station.draw(0.0);
    EXPECT_EQ(f.journal, Journal{"participants draw"});
    EXPECT_EQ(f.station.backgroundColor(), 0x111111u);
    EXPECT_EQ(f.builds, 0);

    f.station.openFacilitatorView();
    EXPECT_TRUE(f.station.inFacilitatorView());
    f.journal.clear();
    f.station.draw(1.0);
    EXPECT_EQ(f.journal, (Journal{"facilitator refresh", "facilitator draw"}));
    EXPECT_EQ(f.builds, 1);
    EXPECT_EQ(f.station.backgroundColor(), 0x222222u);
}

TEST(Station, BuildsTheFacilitatorViewOnceAndKeepsIt) {
    Fixture f;
    f.station.openFacilitatorView();
    f.station.draw(1.0);
    ASSERT_NE(f.facilitator, nullptr);
    f.facilitator->onClose(); // the dashboard's Close
    EXPECT_FALSE(f.station.inFacilitatorView());
    EXPECT_EQ(f.journal.back(), "facilitator leave");
    f.journal.clear();
    f.station.draw(2.0);
    EXPECT_EQ(f.journal, Journal{"participants draw"});

    f.station.openFacilitatorView();
    f.station.draw(3.0);
    EXPECT_EQ(f.builds, 1);
    EXPECT_TRUE(f.station.facilitatorViewBuilt());
}

TEST(Station, StaysWithTheParticipantsWhenTheFacilitatorViewCannotBeBuilt) {
    Fixture f({true, false, 60.0}, /*buildFails=*/true);
    f.station.openFacilitatorView();
    f.station.draw(1.0);
    EXPECT_FALSE(f.station.inFacilitatorView());
    EXPECT_FALSE(f.station.facilitatorViewBuilt());
    EXPECT_EQ(f.journal, Journal{"participants draw"});
    // Asked again, it tries again.
    f.station.openFacilitatorView();
    f.station.draw(2.0);
    EXPECT_EQ(f.builds, 2);
}

TEST(Station, AForgottenDashboardOnTheStationGoesBackAfterTenIdleTimes) {
    Fixture f({/*kiosk=*/true, false, /*idleTimeoutSeconds=*/60.0});
    f.station.openFacilitatorView();
    f.station.draw(100.0); // opened: the idle time counts from the first frame
    EXPECT_FALSE(f.station.update(699.0));
    EXPECT_TRUE(f.station.inFacilitatorView());

    // A touch moves the start of the idle time.
    f.window.events = 5;
    f.station.draw(650.0);
    EXPECT_FALSE(f.station.update(1249.0));
    EXPECT_TRUE(f.station.inFacilitatorView());

    f.journal.clear();
    EXPECT_TRUE(f.station.update(1250.0)); // 600 s after the last touch: back, and redrawn
    EXPECT_FALSE(f.station.inFacilitatorView());
    EXPECT_EQ(f.journal, Journal{"facilitator leave"});
}

TEST(Station, ADashboardWaitingForNewsStillWakesWhenItIsForgotten) {
    Fixture f({/*kiosk=*/true, false, /*idleTimeoutSeconds=*/60.0});
    f.facilitatorWakeIn = -1.0; // no timer of its own: its source wakes the loop when answers arrive
    f.station.openFacilitatorView();
    f.station.draw(100.0);
    EXPECT_DOUBLE_EQ(f.station.nextWakeIn(100.0), 600.0);
    EXPECT_DOUBLE_EQ(f.station.nextWakeIn(650.0), 50.0);
    EXPECT_DOUBLE_EQ(f.station.nextWakeIn(800.0), 0.0) << "overdue: at once";
    EXPECT_TRUE(f.station.update(700.0));
    EXPECT_FALSE(f.station.inFacilitatorView());
}

TEST(Station, ALaptopsDashboardStaysUntilItIsClosed) {
    Fixture f({/*kiosk=*/false, false, 60.0});
    f.station.openFacilitatorView();
    f.station.draw(0.0);
    EXPECT_FALSE(f.station.update(1e6));
    EXPECT_TRUE(f.station.inFacilitatorView());
}

TEST(Station, ReopeningStartsTheIdleTimeAfresh) {
    Fixture f({true, false, 60.0});
    f.station.openFacilitatorView();
    f.station.draw(0.0);
    f.station.closeFacilitatorView();
    f.station.openFacilitatorView(); // long after, the same view again: not sent back at once
    f.station.draw(5000.0);
    EXPECT_FALSE(f.station.update(5001.0));
    EXPECT_TRUE(f.station.inFacilitatorView());
}

TEST(Station, UpdateAndNextWakeInFollowTheScreenShown) {
    Fixture f;
    f.participants.wakeIn = -1.0;
    EXPECT_FALSE(f.station.update(0.0)); // no timer of the shell's: nothing to redraw
    EXPECT_LT(f.station.nextWakeIn(0.0), 0.0);
    f.participants.wakeIn = 0.25;
    EXPECT_TRUE(f.station.update(0.0));
    EXPECT_DOUBLE_EQ(f.station.nextWakeIn(0.0), 0.25);

    f.station.openFacilitatorView();
    // Opened but not yet drawn (built): still the participants' numbers.
    EXPECT_DOUBLE_EQ(f.station.nextWakeIn(0.0), 0.25);
    f.station.draw(1.0);
    EXPECT_DOUBLE_EQ(f.station.nextWakeIn(1.0), 0.4); // the dashboard's next poll
    f.journal.clear();
    EXPECT_FALSE(f.station.update(1.5)); // nothing new in the store
    EXPECT_EQ(f.journal, Journal{"facilitator refresh"});
}

TEST(Station, UpdateSaysRedrawWhenNewAnswersArrive) {
    Fixture f;
    f.dataArrives = true;
    f.station.openFacilitatorView();
    f.station.draw(1.0);
    EXPECT_TRUE(f.station.update(2.0));
}

TEST(Station, TheKeyboardSeesInputOnlyOnTheParticipantsScreen) {
    Fixture f;
    ImGuiContext* context = ImGui::CreateContext();
    ImGuiIO& io = ImGui::GetIO();
    f.station.beforeNewFrame(io);
    EXPECT_EQ(f.journal, Journal{"participants input"});
    f.station.openFacilitatorView();
    f.journal.clear();
    f.station.beforeNewFrame(io);
    EXPECT_TRUE(f.journal.empty());
    ImGui::DestroyContext(context);
}

TEST(Station, AfterRenderReachesTheDashboardOnceItExistsShownOrNot) {
    Fixture f;
    f.station.afterRender();
    EXPECT_TRUE(f.journal.empty());
    f.station.openFacilitatorView();
    f.station.draw(0.0);
    f.station.closeFacilitatorView();
    f.journal.clear();
    f.station.afterRender(); // e.g. to leave full screen after the dashboard closed
    EXPECT_EQ(f.journal, Journal{"facilitator after render"});
}

TEST(Station, AllowingAModuleRestartsOnlyASupervisedStation) {
    Fixture unsupervised({true, /*supervised=*/false, 60.0});
    unsupervised.station.moduleAllowed();
    EXPECT_FALSE(unsupervised.station.restartRequested());
    EXPECT_EQ(unsupervised.window.closed, 0);
    EXPECT_EQ(unsupervised.station.exitStatus(0), 0);

    Fixture supervised({true, /*supervised=*/true, 60.0});
    supervised.station.moduleAllowed();
    EXPECT_TRUE(supervised.station.restartRequested());
    EXPECT_EQ(supervised.window.closed, 1);
    EXPECT_EQ(supervised.station.exitStatus(0), alignkiosk::platform::kRestartStationExitCode);
}

TEST(Station, TheCallbacksAreTheStations) {
    Fixture f;
    FrameCallbacks callbacks = f.station.callbacks();
    callbacks.draw(0.0);
    EXPECT_EQ(f.journal, Journal{"participants draw"});
    EXPECT_EQ(callbacks.background(), 0x111111u);
    f.participants.wakeIn = 2.0;
    EXPECT_DOUBLE_EQ(callbacks.nextWakeIn(0.0), 2.0);
    EXPECT_TRUE(callbacks.update(0.0));
    EXPECT_FALSE(callbacks.afterPresent); // the caller's
}

} // namespace
