// The whole report over hand-built dashboard models: a PDF whose pages follow the content, every section on a page
// of its own in order, the cover listing where each begins, and a module's own blocks or its findings.
#include "report/report_document.h"

#include <gtest/gtest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <regex>
#include <string>

namespace {

namespace fs = std::filesystem;
using namespace alignkiosk;

struct Fixture {
    core::Survey survey;
    core::DashboardModel model;
};

core::GroupItem group(std::string name, std::vector<uint64_t> counts) {
    core::GroupItem item;
    item.group = std::move(name);
    item.distribution.scaleMin = 1;
    item.distribution.counts = std::move(counts);
    item.statistics = core::computeItemStatistics(item.distribution);
    return item;
}

Fixture fixture(std::size_t items) {
    Fixture f;
    f.survey.id = "pulse";
    f.survey.title = "Team pulse";
    core::Step step;
    step.id = "signs";
    step.moduleId = "diagnostic_signs";
    step.title = "How the work goes";
    f.survey.steps.push_back(step);
    core::DashboardModel& m = f.model;
    m.surveyId = "pulse";
    m.surveyTitle = "Team pulse";
    m.totalResponses = 12;
    m.firstDay = "2026-03-02";
    m.lastDay = "2026-03-04";
    m.groupCounts = {{core::kEveryoneGroup, 12}, {"Sales", 6}, {"Product", 6}};
    m.shownTeams = {"Sales", "Product"};
    m.hiddenGroups = 1;
    for (std::size_t i = 0; i < items; ++i) {
        core::RatedItem item;
        item.stepId = "signs";
        item.moduleId = "diagnostic_signs";
        item.questionId = "q" + std::to_string(i);
        item.label = "Item number " + std::to_string(i);
        item.prompt = item.label + "?";
        item.scaleLabels = {"Never", "Rarely", "Sometimes", "Often", "Always"};
        item.groups = {group(core::kEveryoneGroup, {1, 2, 3, 4, 2}), group("Sales", {0, 0, 1, 3, 2}),
                       group("Product", {1, 2, 2, 1, 0})};
        m.ratedItems.push_back(std::move(item));
        m.lowestAgreement.push_back(i);
    }
    core::ModuleAggregate module;
    module.stepId = "signs";
    module.moduleId = "diagnostic_signs";
    module.groups = {{core::kEveryoneGroup, 12, {}}, {"Sales", 6, {}}};
    m.modules.push_back(module);
    return f;
}

std::string read(const fs::path& file) {
    std::ifstream in(file, std::ios::binary);
    return {std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>()};
}

// Page objects in the file (cairo writes them uncompressed): "/Type /Page", not "/Type /Pages".
int pageObjects(const std::string& pdf) {
    const std::regex page("/Type\\s*/Page[^s]");
    return static_cast<int>(std::distance(std::sregex_iterator(pdf.begin(), pdf.end(), page), std::sregex_iterator()));
}

class ReportDocument : public testing::Test {
protected:
    void SetUp() override {
        m_dir = fs::temp_directory_path() / ("alignkiosk_report_test_" + std::to_string(::getpid()));
        fs::create_directories(m_dir);
    }
    void TearDown() override { fs::remove_all(m_dir); }

    report::ReportResult write(const Fixture& f, std::vector<report::ModulePages> modules, const std::string& name,
                               const std::string& language = "en") {
        report::ReportInput input;
        std::string warning;
        input.messages = core::Messages::load(fs::path(ALIGNKIOSK_SOURCE_DIR) / "assets", language, warning);
        input.model = &f.model;
        input.survey = &f.survey;
        input.modules = std::move(modules);
        input.writtenOn = "2026-03-05";
        return report::writeReport(input, m_dir / name);
    }

    fs::path m_dir;
};

report::ModulePages withBlocks(std::size_t rows) {
    report::ModulePages pages;
    pages.stepId = "signs";
    pages.moduleId = "diagnostic_signs";
    pages.written = true;
    report::Block heading;
    heading.kind = report::Block::Kind::Heading;
    heading.text = "Everyone";
    pages.blocks.push_back(heading);
    for (std::size_t i = 0; i < rows; ++i) {
        report::Block bar;
        bar.kind = report::Block::Kind::Bar;
        bar.text = "Sign " + std::to_string(i);
        bar.value = static_cast<double>(i % 10);
        bar.maximum = 10.0;
        bar.valueText = std::to_string(i % 10) + " of 10";
        bar.series = "Everyone";
        pages.blocks.push_back(bar);
    }
    return pages;
}

TEST_F(ReportDocument, WritesAPdfWithEverySectionOnItsOwnPageInOrder) {
    const Fixture f = fixture(3);
    const report::ReportResult result = write(f, {withBlocks(4)}, "small.pdf");
    ASSERT_EQ(result.error, "");
    const std::string pdf = read(m_dir / "small.pdf");
    ASSERT_EQ(pdf.substr(0, 5), "%PDF-");
    EXPECT_EQ(pageObjects(pdf), result.pages);
    // Cover, overview, disagreement, items, the module, open answers: six sections after the cover, each on its own.
    ASSERT_EQ(result.sections.size(), 5u);
    EXPECT_EQ(result.sections[0].title, "Alignment overview");
    EXPECT_EQ(result.sections[3].title, "Diagnostic signs");
    EXPECT_EQ(result.sections[4].title, "Open answers");
    int previous = 1; // the cover
    for (const report::Section& section : result.sections) {
        EXPECT_GT(section.page, previous) << section.title;
        previous = section.page;
    }
    EXPECT_EQ(result.pages, result.sections.back().page);
}

// The same report in the survey's language: the sections by their German and French names, in the same places.
TEST_F(ReportDocument, SectionsAreNamedInTheReportsLanguage) {
    const Fixture f = fixture(3);
    const report::ReportResult english = write(f, {withBlocks(4)}, "en.pdf");
    const report::ReportResult german = write(f, {withBlocks(4)}, "de.pdf", "de");
    const report::ReportResult french = write(f, {withBlocks(4)}, "fr.pdf", "fr");
    ASSERT_EQ(german.error, "");
    ASSERT_EQ(french.error, "");
    ASSERT_EQ(german.sections.size(), english.sections.size());
    EXPECT_EQ(german.sections[0].title, "Überblick über die Ausrichtung");
    EXPECT_EQ(german.sections[1].title, "Wo wir am wenigsten übereinstimmen");
    EXPECT_EQ(german.sections[3].title, "Diagnostische Anzeichen"); // a bundled module by its German name
    EXPECT_EQ(german.sections[4].title, "Offene Antworten");
    EXPECT_EQ(french.sections[0].title, "Vue d’ensemble de l’alignement");
    EXPECT_EQ(french.sections[4].title, "Réponses libres");
    for (std::size_t i = 0; i < english.sections.size(); ++i) {
        EXPECT_EQ(german.sections[i].page, english.sections[i].page) << english.sections[i].title;
        EXPECT_EQ(french.sections[i].page, english.sections[i].page) << english.sections[i].title;
    }
}

TEST_F(ReportDocument, PagesGrowWithTheContentAndNothingElse) {
    const Fixture few = fixture(2);
    const Fixture many = fixture(40);
    const report::ReportResult small = write(few, {withBlocks(3)}, "few.pdf");
    const report::ReportResult large = write(many, {withBlocks(3)}, "many.pdf");
    const report::ReportResult longModule = write(few, {withBlocks(200)}, "module.pdf");
    ASSERT_EQ(small.error, "");
    ASSERT_EQ(large.error, "");
    ASSERT_EQ(longModule.error, "");
    EXPECT_GT(large.pages, small.pages + 3); // 40 items with a chart and a table each
    EXPECT_GT(longModule.pages, small.pages); // 200 bars need more than one page
    EXPECT_EQ(longModule.sections[3].page, small.sections[3].page); // the module starts where it did
    EXPECT_EQ(pageObjects(read(m_dir / "many.pdf")), large.pages);
}

TEST_F(ReportDocument, TheSameInputGivesTheSamePages) {
    const Fixture f = fixture(12);
    const report::ReportResult first = write(f, {withBlocks(30)}, "a.pdf");
    const report::ReportResult second = write(f, {withBlocks(30)}, "b.pdf");
    ASSERT_EQ(first.sections.size(), second.sections.size());
    for (std::size_t i = 0; i < first.sections.size(); ++i)
        EXPECT_EQ(first.sections[i].page, second.sections[i].page);
}

TEST_F(ReportDocument, ANonWritableFileIsAnErrorNotAThrow) {
    const Fixture f = fixture(1);
    report::ReportInput input;
    input.model = &f.model;
    input.survey = &f.survey;
    const report::ReportResult result = report::writeReport(input, m_dir / "missing" / "folder" / "r.pdf");
    EXPECT_NE(result.error, "");
    report::ReportInput empty;
    EXPECT_NE(report::writeReport(empty, m_dir / "x.pdf").error, "");
}

} // namespace
