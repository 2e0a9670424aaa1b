// A module's report pages as the host keeps them: the blocks of the ABI's report extension (plugin_abi.h, "Report
// pages, ABI 1.4"), copied out of the plugin's call, and what the host lists instead for a module without them.
#pragma once

#include <alignkiosk/plugin_abi.h>

#include <optional>
#include <string>
#include <vector>

namespace alignkiosk::report {

struct Block {
    enum class Kind { Heading, Paragraph, TableRow, Bar, Statistic };
    Kind kind = Kind::Paragraph;
    std::string text;
    std::vector<std::string> cells;
    bool emphasis = false;
    double value = 0.0;
    double maximum = 1.0;
    std::string valueText;
    std::string series;
};

// A copy of `block`; nothing for a kind this host does not know (a newer plugin's) or a bar without a maximum.
std::optional<Block> blockFromAbi(const alignkiosk_report_block_v1& block);

// One of a module's score() findings, for a module without report pages.
struct FindingLine {
    std::string group; // the shown group's name as the screen says it
    int level = ALIGNKIOSK_FINDING_INFO;
    std::string headline;
    std::string action;
};

// One step's module in the report.
struct ModulePages {
    std::string stepId;
    std::string moduleId;
    bool written = false;  // blocks hold the module's own pages
    bool failed = false;   // the module has report pages but could not write them
    std::vector<Block> blocks;
    bool findingsAvailable = false; // else the module is not loaded or its score() failed
    std::vector<FindingLine> findings;
};

} // namespace alignkiosk::report
