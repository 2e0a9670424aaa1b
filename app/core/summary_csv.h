// summary.csv: one row per shown group per rated item, for slides and spreadsheets. Written from the DashboardModel,
// which holds only groups the anonymity rules allow, so a suppressed group cannot reach the file.
#pragma once

#include "dashboard_model.h"

#include <ostream>
#include <string>
#include <string_view>

namespace alignkiosk::core {

// The header line, exactly.
inline constexpr const char* kSummaryCsvHeader = "survey,module,item,team,n,mean,sd,median,rwg,ad,consensus";

// The header, then for every rated item in survey order one row per shown group (team ALL for everyone first, then
// the teams). Numbers have 4 decimals and a '.' whatever the locale; rwg is empty where it is not defined (n < 2).
// Lines end in "\n". Fields are quoted as RFC 4180 says when they hold a comma, a double quote or a line break.
void writeSummaryCsv(const DashboardModel& model, std::ostream& out);

// One field as RFC 4180 writes it: as it is, or in double quotes with every double quote doubled.
std::string csvField(std::string_view text);

} // namespace alignkiosk::core
