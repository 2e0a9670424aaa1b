// The join flow apart from the window: fetch from an in-process collector on loopback, seal, keep, deliver.
#include "platform/join_session.h"

#include "collection/collector.h"
#include "core/response_store.h"
#include "support/collection_fixtures.h"
#include "support/temp_dir.h"

#include <gtest/gtest.h>

#include <chrono>
#include <cstdlib>
#include <optional>
#include <memory>
#include <string>

namespace alignkiosk::platform {
namespace {

using namespace std::chrono_literals;
using test_support::pulseSubmission;
using test_support::TempDir;

// The laptop's plugins: one module, "everything", that shows any question.
class OneModuleCatalog : public core::ModuleCatalog {
public:
    bool hasModule(const std::string& moduleId) const override { return moduleId == "everything"; }
    uint32_t acceptedKinds(const std::string&) const override { return 0x3Fu; }
    std::vector<core::ModuleContentProblem> checkContent(const core::Step&) const override { return {}; }
};

std::string surveyUsing(const std::string& module) {
    return R"({ "id": "k", "version": 1, "title": "Kiosk",
  "steps": [ { "id": "s", "module": ")" +
           module + R"(", "title": "S",
               "questions": [ { "id": "q", "kind": "percent", "prompt": "How much?" } ] } ]
})";
}

// Sets an environment variable for one test and restores it after.
class ScopedEnvironment {
public:
    ScopedEnvironment(const char* name, const std::string& value) : m_name(name) {
        if (const char* old = std::getenv(name)) m_old = old;
        ::setenv(name, value.c_str(), 1);
    }
    ~ScopedEnvironment() {
        if (m_old) ::setenv(m_name, m_old->c_str(), 1);
        else ::unsetenv(m_name);
    }
    ScopedEnvironment(const ScopedEnvironment&) = delete;
    ScopedEnvironment& operator=(const ScopedEnvironment&) = delete;

private:
    const char* m_name;
    std::optional<std::string> m_old;
};

// Generous: the collector runs in this process on loopback; only a broken delivery takes this long.
constexpr std::chrono::milliseconds kPatience = 20s;

class JoinSessionTest : public ::testing::Test {
protected:
    TempDir dir;
    core::ResponseStore store = core::ResponseStore::open(dir.path() / "collected.db");
    collection::CollectionKeys keys = collection::CollectionKeys::generate();
    collection::JoinCode code = collection::JoinCode::random();
    OneModuleCatalog catalog;
    collection::ModuleVersions laptopVersions{{"everything", "1.0.0"}};
    std::unique_ptr<collection::Collector> collector;
    uint16_t port = 0;

    void startCollector(const std::string& surveyText = surveyUsing("everything"),
                        collection::ModuleVersions versions = {{"everything", "1.0.0"}}) {
        collection::CollectorOptions options;
        options.port = port; // the same port again after a restart: the laptop knows only that one
        collector.reset();
        collector = std::make_unique<collection::Collector>(
            store, keys, code, collection::CollectorSurvey{surveyText, "k", 1, std::move(versions)}, options);
        collector->start();
        port = collector->port();
    }
    std::string joinLine() const { return "127.0.0.1:" + std::to_string(port) + "/" + code.text(); }
    static collection::DeliveryClientOptions quickRetries() {
        collection::DeliveryClientOptions options;
        options.retry.firstDelay = 20ms;
        options.retry.maxDelay = 200ms;
        return options;
    }
};

TEST_F(JoinSessionTest, FetchesTheSurveyThenSealsKeepsAndDeliversASubmissionOnce) {
    startCollector();
    JoinResult join = joinCollection(joinLine(), catalog, laptopVersions);
    ASSERT_TRUE(join.ok()) << join.error;
    EXPECT_EQ(join.joined->survey.id, "k");
    EXPECT_EQ(join.joined->fetched.publicKey, keys.publicKey());

    collection::Outbox outbox = collection::Outbox::open(dir.path() / "outbox.sqlite3");
    CollectionSender sender(outbox, *join.joined, quickRetries());
    const collection::SubmissionId id = sender.submit(pulseSubmission("ship it", "k", 1));
    ASSERT_TRUE(sender.waitDelivered(id, kPatience)) << sender.lastError();
    EXPECT_TRUE(sender.delivered(id));
    EXPECT_EQ(outbox.size(), 0u); // the laptop keeps nothing once it is acknowledged
    EXPECT_EQ(store.deliveredCount(), 1u);
    EXPECT_EQ(store.count(), 1u);
    EXPECT_EQ(collector->counters().stored, 1u);
}

TEST_F(JoinSessionTest, KeepsASubmissionWhileTheCollectorIsDownAndDeliversItWhenItIsBack) {
    startCollector();
    JoinResult join = joinCollection(joinLine(), catalog, laptopVersions);
    ASSERT_TRUE(join.ok()) << join.error;
    collector->stop();
    collector.reset();

    collection::Outbox outbox = collection::Outbox::open(dir.path() / "outbox.sqlite3");
    auto sender = std::make_unique<CollectionSender>(outbox, *join.joined, quickRetries());
    const collection::SubmissionId id = sender->submit(pulseSubmission("ship it", "k", 1));
    EXPECT_FALSE(sender->waitDelivered(id, 300ms));
    EXPECT_FALSE(sender->delivered(id));
    EXPECT_EQ(outbox.size(), 1u);
    EXPECT_FALSE(sender->lastError().empty());
    EXPECT_EQ(store.count(), 0u);

    startCollector(); // same port, same store and keys
    ASSERT_TRUE(sender->waitDelivered(id, kPatience)) << sender->lastError();
    EXPECT_EQ(outbox.size(), 0u);
    EXPECT_EQ(store.count(), 1u);
    sender.reset();
    EXPECT_EQ(store.deliveredCount(), 1u);
}

TEST_F(JoinSessionTest, DeliversWhatAnEarlierRunLeftInTheOutbox) {
    startCollector();
    JoinResult join = joinCollection(joinLine(), catalog, laptopVersions);
    ASSERT_TRUE(join.ok()) << join.error;
    const std::filesystem::path outboxPath = dir.path() / "outbox.sqlite3";
    {
        // An earlier run sealed and kept one, then ended before it was delivered.
        collection::Outbox earlier = collection::Outbox::open(outboxPath);
        const collection::SubmissionId id = collection::SubmissionId::random();
        earlier.add(id, collection::seal(pulseSubmission("earlier", "k", 1), id, keys.publicKey()));
    }
    collection::Outbox outbox = collection::Outbox::open(outboxPath);
    CollectionSender sender(outbox, *join.joined, quickRetries());
    // The earlier entry goes in the first round; this run's one shows when the rounds are through.
    const collection::SubmissionId now = sender.submit(pulseSubmission("now", "k", 1));
    ASSERT_TRUE(sender.waitDelivered(now, kPatience)) << sender.lastError();
    sender.stop();
    EXPECT_EQ(outbox.size(), 0u);
    EXPECT_EQ(store.count(), 2u);
}

TEST_F(JoinSessionTest, ACodeAloneWithoutAnAvahiDaemonAsksForTheWholeLine) {
    // A bus that is not there: the browse fails at once, and nothing is sent to any network.
    const ScopedEnvironment noBus("DBUS_SYSTEM_BUS_ADDRESS", "unix:path=" + (dir.path() / "no-bus").string());
    JoinResult join = joinCollection(code.text(), catalog, laptopVersions);
    ASSERT_FALSE(join.ok());
    EXPECT_NE(join.error.find("HOST:PORT/CODE"), std::string::npos) << join.error;
    EXPECT_NE(join.error.find("facilitator's screen"), std::string::npos) << join.error;
    EXPECT_NE(join.error.find("found no collection on this network"), std::string::npos) << join.error;
    EXPECT_NE(join.error.find("no Avahi daemon"), std::string::npos) << join.error;
}

TEST_F(JoinSessionTest, AModuleInAnotherVersionThanTheCollectionsIsRefusedNamingBothVersions) {
    startCollector(surveyUsing("everything"), {{"everything", "2.1.0"}});
    JoinResult join = joinCollection(joinLine(), catalog, laptopVersions); // the laptop has 1.0.0
    ASSERT_FALSE(join.ok());
    EXPECT_NE(join.error.find("module 'everything' is version 1.0.0 on this laptop; the collection uses another "
                              "version, 2.1.0"),
              std::string::npos)
        << join.error;
    EXPECT_NE(join.error.find("tell the facilitator"), std::string::npos) << join.error;

    startCollector(surveyUsing("everything"), {{"everything", "1.0.0"}});
    EXPECT_TRUE(joinCollection(joinLine(), catalog, laptopVersions).ok());
}

TEST_F(JoinSessionTest, ASurveyWhoseModuleThisLaptopLacksIsRefusedNamingIt) {
    startCollector(surveyUsing("stakeholder_map"));
    JoinResult join = joinCollection(joinLine(), catalog, laptopVersions);
    ASSERT_FALSE(join.ok());
    EXPECT_NE(join.error.find("stakeholder_map"), std::string::npos) << join.error;
    EXPECT_NE(join.error.find("unknown module"), std::string::npos) << join.error;
}

TEST_F(JoinSessionTest, AWrongCodeOrNoCollectorIsRefusedWithTheReason) {
    startCollector();
    collection::JoinCode other = collection::JoinCode::random();
    while (other.matches(code)) other = collection::JoinCode::random();
    JoinResult wrong = joinCollection("127.0.0.1:" + std::to_string(port) + "/" + other.text(), catalog, laptopVersions);
    ASSERT_FALSE(wrong.ok());
    EXPECT_NE(wrong.error.find("not the join code"), std::string::npos) << wrong.error;

    collector->stop();
    JoinResult down = joinCollection(joinLine(), catalog, laptopVersions);
    ASSERT_FALSE(down.ok());
    EXPECT_NE(down.error.find("127.0.0.1:" + std::to_string(port)), std::string::npos) << down.error;
}

TEST(OutboxPath, SitsBesideTheStore) {
    EXPECT_EQ(outboxPathFor(std::filesystem::path("/data/ws/answers.db")),
              std::filesystem::path("/data/ws/outbox.sqlite3"));
    EXPECT_EQ(outboxPathFor(std::nullopt).filename(), "outbox.sqlite3");
}

} // namespace
} // namespace alignkiosk::platform
